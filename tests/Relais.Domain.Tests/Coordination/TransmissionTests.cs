using Relais.Domain.Coordination;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Coordination;

public class TransmissionTests
{

    private static Transmission Send(
        ObligationCode code = ObligationCode.C2,
        Guid? documentId = null,
        string? title = null,
        string? message = "Compte rendu joint.",
        Guid? sender = null,
        (Guid, RecipientKinds)[]? to = null,
        TimeSpan? dueDelay = null,
        bool urgent = false) =>
        Transmission.Create(Patient, code, documentId, title, message, sender ?? Oncologist,
            to ?? [(Gp, RecipientKinds.GeneralPractitioner)], Now, dueDelay ?? TimeSpan.FromDays(3), urgent);

    [Fact]
    public void Create_AddressesEachRecipientOnce_KeepingTheFirstKind()
    {
        var transmission = Send(code: ObligationCode.C8, to:
        [
            (Gp, RecipientKinds.GeneralPractitioner),
            (Pharmacist, RecipientKinds.Pharmacist),
            (Gp, RecipientKinds.Patient),
        ]);

        Assert.Equal([Gp, Pharmacist], transmission.Recipients.Select(r => r.RecipientId));
        Assert.Equal(RecipientKinds.GeneralPractitioner, transmission.Recipients[0].Kind);
    }

    [Fact]
    public void Create_NeverAddressesTheSenderToThemself()
    {
        var transmission = Send(code: ObligationCode.C10, sender: Gp, to:
        [
            (Gp, RecipientKinds.GeneralPractitioner),
            (Oncologist, RecipientKinds.SpecialistTeam),
        ]);

        var recipient = Assert.Single(transmission.Recipients);
        Assert.Equal(Oncologist, recipient.RecipientId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Create_IsRefused_WhenNoOneButTheSenderWouldReceiveIt(bool senderListedAsRecipient)
    {
        (Guid, RecipientKinds)[] to = senderListedAsRecipient ? [(Oncologist, RecipientKinds.SpecialistTeam)] : [];

        var error = Assert.Throws<DomainValidationException>(() => Send(to: to));

        Assert.Equal("recipients", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_IsRefused_WhenItCarriesNeitherDocumentNorMessage(string? message)
    {
        var error = Assert.Throws<DomainValidationException>(() => Send(documentId: null, message: message));

        Assert.Equal("message", error.Field);
    }

    [Fact]
    public void Create_AcceptsADocumentWithoutMessage()
    {
        var transmission = Send(documentId: Document, message: "  ");

        Assert.Equal(Document, transmission.DocumentId);
        Assert.Null(transmission.Message);
    }

    [Fact]
    public void Create_IsRefused_WhenTheMessageIsLongerThanTenThousandCharacters()
    {
        var error = Assert.Throws<DomainValidationException>(() => Send(message: new string('a', 10_001)));

        Assert.Equal("message", error.Field);
    }

    [Theory]
    [InlineData(ObligationCode.C2, null, "Le compte rendu anatomocytopathologique")]
    [InlineData(ObligationCode.C7, "   ", "Le compte rendu de RCP")]
    [InlineData(ObligationCode.C7, "  RCP sein du 12 juin  ", "RCP sein du 12 juin")]
    public void Create_TitlesTheTransmission_WithWhatTravelsUnlessATitleIsGiven(ObligationCode code, string? title, string expected)
    {
        Assert.Equal(expected, Send(code: code, title: title).Title);
    }

    [Fact]
    public void Create_IsRefused_WhenTheTitleIsLongerThanTwoHundredCharacters()
    {
        var error = Assert.Throws<DomainValidationException>(() => Send(title: new string('t', 201)));

        Assert.Equal("title", error.Field);
    }

    [Fact]
    public void Create_SetsTheDueTime_ToNowPlusTheDelay_ForTheTransmissionAndEachRecipient()
    {
        var transmission = Send(dueDelay: TimeSpan.FromDays(3), to:
            [(Gp, RecipientKinds.GeneralPractitioner), (Pharmacist, RecipientKinds.Pharmacist)]);

        var expected = new DateTimeOffset(2025, 6, 19, 9, 30, 0, TimeSpan.FromHours(2));
        Assert.Equal(Now, transmission.CreatedAt);
        Assert.Equal(expected, transmission.DueAt);
        Assert.All(transmission.Recipients, r => Assert.Equal(expected, r.DueAt));
    }

    [Fact]
    public void Create_DeliversToTheInAppInbox_AtCreation()
    {
        var recipient = Assert.Single(Send().Recipients);

        Assert.Equal(Now, recipient.DeliveredAt);
        Assert.Null(recipient.ReadAt);
        Assert.Null(recipient.AcknowledgedAt);
        Assert.Equal(TransmissionStatus.Delivered, recipient.StatusAt(Now));
    }

    [Theory]
    [InlineData(ObligationCode.C14, false, true)]
    [InlineData(ObligationCode.C9, false, false)]
    [InlineData(ObligationCode.C9, true, true)]
    [InlineData(ObligationCode.C13, false, false)]
    public void Create_IsUrgent_ForASuspectedRecurrence_OrWhenTheSenderSaysSo(ObligationCode code, bool urgent, bool expected)
    {
        var transmission = Send(code: code, sender: Gp, to: [(Oncologist, RecipientKinds.SpecialistTeam)], urgent: urgent);

        Assert.Equal(expected, transmission.Urgent);
    }

    [Theory]
    [InlineData(0, TransmissionStatus.Delivered)]
    [InlineData(60 * 24 * 3 - 1, TransmissionStatus.Delivered)]
    [InlineData(60 * 24 * 3, TransmissionStatus.Late)]
    [InlineData(60 * 24 * 10, TransmissionStatus.Late)]
    public void Recipient_IsDeliveredUntilTheDueTime_ThenLate(int minutesAfterSending, TransmissionStatus expected)
    {
        var recipient = Assert.Single(Send(dueDelay: TimeSpan.FromDays(3)).Recipients);

        Assert.Equal(expected, recipient.StatusAt(Now.AddMinutes(minutesAfterSending)));
    }

    [Fact]
    public void Recipient_WhoAcknowledged_StaysAcknowledged_EvenAfterTheDueTime()
    {
        var recipient = Assert.Single(Send(dueDelay: TimeSpan.FromDays(3)).Recipients);

        recipient.Acknowledge(Now.AddDays(1));

        Assert.Equal(TransmissionStatus.Acknowledged, recipient.StatusAt(Now.AddDays(30)));
    }

    [Fact]
    public void Recipient_AcknowledgingLate_ClosesTheLoop()
    {
        var recipient = Assert.Single(Send(dueDelay: TimeSpan.FromDays(3)).Recipients);
        Assert.Equal(TransmissionStatus.Late, recipient.StatusAt(Now.AddDays(5)));

        recipient.Acknowledge(Now.AddDays(5));

        Assert.Equal(TransmissionStatus.Acknowledged, recipient.StatusAt(Now.AddDays(5)));
    }

    [Fact]
    public void Recipient_AcknowledgingTwice_KeepsTheFirstTime()
    {
        var recipient = Assert.Single(Send().Recipients);

        recipient.Acknowledge(Now.AddHours(2));
        recipient.Acknowledge(Now.AddHours(5));

        Assert.Equal(Now.AddHours(2), recipient.AcknowledgedAt);
    }

    [Fact]
    public void Recipient_Acknowledging_CountsAsReading_WithoutMovingAnEarlierReading()
    {
        var unread = Assert.Single(Send().Recipients);
        var read = Assert.Single(Send().Recipients);
        read.MarkRead(Now.AddHours(1));

        unread.Acknowledge(Now.AddHours(2));
        read.Acknowledge(Now.AddHours(2));

        Assert.Equal(Now.AddHours(2), unread.ReadAt);
        Assert.Equal(Now.AddHours(1), read.ReadAt);
    }

    [Fact]
    public void Recipient_WhoOnlyRead_IsStillLateAtTheDueTime()
    {
        var recipient = Assert.Single(Send(dueDelay: TimeSpan.FromDays(3)).Recipients);

        recipient.MarkRead(Now.AddHours(1));

        Assert.Equal(TransmissionStatus.Late, recipient.StatusAt(Now.AddDays(3)));
    }

    [Fact]
    public void Recipient_RemindedBeforeDueTwice_KeepsTheFirstReminder_ButEachLateReminderMovesOn()
    {
        var recipient = Assert.Single(Send().Recipients);

        recipient.RemindedBefore(Now.AddDays(2));
        recipient.RemindedBefore(Now.AddDays(2.5));
        recipient.RemindedAfter(Now.AddDays(3));
        recipient.RemindedAfter(Now.AddDays(5));

        Assert.Equal(Now.AddDays(2), recipient.ReminderBeforeAt);
        Assert.Equal(Now.AddDays(5), recipient.ReminderAfterAt);
    }

    [Fact]
    public void ToAPatientWithoutPortalAccount_TheRowWaitsBoundToTheRecord_ThenIsDeliveredToTheAccount()
    {
        var account = Guid.CreateVersion7();
        var transmission = Send(code: ObligationCode.C5, to: [(Gp, RecipientKinds.GeneralPractitioner), (Patient, RecipientKinds.Patient)], dueDelay: TimeSpan.FromDays(7));
        var gp = transmission.Recipients[0];
        var waiting = transmission.Recipients[1];

        Assert.False(gp.AwaitsPortalAccount);
        Assert.True(waiting.AwaitsPortalAccount);
        Assert.Null(waiting.DeliveredAt);
        Assert.Equal(TransmissionStatus.Pending, waiting.StatusAt(Now.AddDays(1)));
        Assert.Equal(TransmissionStatus.Late, waiting.StatusAt(Now.AddDays(8)));

        waiting.ReceivedThroughPortal(account, Now.AddDays(2));

        Assert.False(waiting.AwaitsPortalAccount);
        Assert.Equal(account, waiting.RecipientId);
        Assert.Equal(Now.AddDays(2), waiting.DeliveredAt);
        Assert.Equal(Now.AddDays(7), waiting.DueAt);
        Assert.Throws<DomainValidationException>(() => waiting.ReceivedThroughPortal(Guid.CreateVersion7(), Now.AddDays(3)));
        Assert.Throws<DomainValidationException>(() => gp.ReceivedThroughPortal(account, Now.AddDays(3)));
    }
}
