using Relais.Domain.Coordination;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Coordination;

/// <summary>One row of the team's queue: handed on by its owner, escalated once when late.</summary>
public class TeamItemTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static TransmissionRecipient TeamItem() =>
        Transmission.Create(Patient, ObligationCode.C14, null, null, "Nodule palpable.", Gp, [(Nurse, RecipientKinds.SpecialistTeam)], Now, Day).Recipients[0];

    [Fact]
    public void HandOn_MovesTheItemToTheNewOwner_Unread_WithTheSameDueTime()
    {
        var item = TeamItem();
        item.MarkRead(Now);

        item.HandOn(Oncologist, Nurse, Now.AddHours(2));

        Assert.Equal(Oncologist, item.RecipientId);
        Assert.Null(item.ReadAt);
        Assert.Equal(Now + Day, item.DueAt);
        Assert.Equal(Nurse, item.HandedOnBy);
        Assert.Equal(Now.AddHours(2), item.HandedOnAt);
    }

    [Fact]
    public void HandOn_IsRefused_OnceTakenInCharge_OrToTheSameOwner_OrForAnotherKind()
    {
        var acknowledged = TeamItem();
        acknowledged.Acknowledge(Now);
        Assert.Equal("to", Assert.Throws<DomainValidationException>(() => acknowledged.HandOn(Oncologist, Nurse, Now)).Field);
        Assert.Equal("to", Assert.Throws<DomainValidationException>(() => TeamItem().HandOn(Nurse, Nurse, Now)).Field);
        var gpRow = Transmission.Create(Patient, ObligationCode.C2, null, null, "CR", Oncologist, [(Gp, RecipientKinds.GeneralPractitioner)], Now, Day).Recipients[0];
        Assert.Equal("to", Assert.Throws<DomainValidationException>(() => gpRow.HandOn(Nurse, Gp, Now)).Field);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    public void NeedsEscalation_WhenUnacknowledgedAtItsDueTime(int minutesAfterDue, bool expected)
    {
        Assert.Equal(expected, TransmissionRules.NeedsEscalation(TeamItem(), Now + Day + TimeSpan.FromMinutes(minutesAfterDue)));
    }

    [Fact]
    public void EscalateTo_AddsALateRowForThePhysician_Once()
    {
        var item = TeamItem();
        var late = Now + Day + TimeSpan.FromHours(1);

        var row = item.EscalateTo(Oncologist, late);

        Assert.Equal(Oncologist, row.RecipientId);
        Assert.True(row.IsEscalation);
        Assert.False(row.IsTeamItem);
        Assert.Equal(TransmissionStatus.Late, row.StatusAt(late));
        Assert.Equal(late, item.EscalatedAt);
        // The escalation's mail is the physician's first late notice: his row's next reminder is an interval away.
        Assert.Equal(late, row.ReminderAfterAt);
        Assert.False(TransmissionRules.NeedsEscalation(item, late.AddDays(1)));
        Assert.Throws<DomainValidationException>(() => item.EscalateTo(Oncologist, late.AddDays(1)));
    }

    [Fact]
    public void AnAcknowledgedItem_IsNeverEscalated()
    {
        var item = TeamItem();
        item.Acknowledge(Now);

        Assert.False(TransmissionRules.NeedsEscalation(item, Now + 2 * Day));
    }
}
