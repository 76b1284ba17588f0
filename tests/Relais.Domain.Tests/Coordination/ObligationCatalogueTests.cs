using Relais.Domain.Coordination;
using static Relais.Domain.Coordination.RecipientKinds;

namespace Relais.Domain.Tests.Coordination;

public class ObligationCatalogueTests
{
    [Fact]
    public void All_ListsTheFifteenObligations_InCodeOrder()
    {
        Assert.Equal(Enum.GetValues<ObligationCode>(), ObligationCatalogue.All.Select(o => o.Code));
        Assert.Equal(15, ObligationCatalogue.All.Count);
    }

    // PRODUCT.md §4: "from → to" and "[G] section" columns; the delays are the catalogue's defaults [R]. C14 is
    // taken in charge by the team's owner within a day ([G] 3.3 "réadressé rapidement"; it was 7 days, the
    // referral's own delay), and the GP has his copy of it whoever raised it.
    [Theory]
    [InlineData(ObligationCode.C1, SenderSide.Team, GeneralPractitioner, 7, "1.1")]
    [InlineData(ObligationCode.C2, SenderSide.Team, GeneralPractitioner, 3, "1.1")]
    [InlineData(ObligationCode.C3, SenderSide.GeneralPractitioner, SpecialistTeam, 7, "1.1")]
    [InlineData(ObligationCode.C4, SenderSide.Either, GeneralPractitioner | SpecialistTeam, 2, "1.2")]
    [InlineData(ObligationCode.C5, SenderSide.Team, GeneralPractitioner | Patient, 7, "1.2")]
    [InlineData(ObligationCode.C6, SenderSide.TumorBoardSecretariat, GeneralPractitioner, 2, "1.3")]
    [InlineData(ObligationCode.C7, SenderSide.TumorBoardSecretariat, GeneralPractitioner, 7, "1.3")]
    [InlineData(ObligationCode.C8, SenderSide.Team, GeneralPractitioner | Pharmacist, 2, "2.5")]
    [InlineData(ObligationCode.C9, SenderSide.GeneralPractitioner, SpecialistTeam, 1, "2.5")]
    [InlineData(ObligationCode.C10, SenderSide.Either, GeneralPractitioner | SpecialistTeam, 7, "2.2")]
    [InlineData(ObligationCode.C11, SenderSide.TeamWithGp, GeneralPractitioner | Patient, 7, "3.4")]
    [InlineData(ObligationCode.C12, SenderSide.Team, GeneralPractitioner, 7, "3.5")]
    [InlineData(ObligationCode.C13, SenderSide.GeneralPractitioner, SpecialistTeam, 3, "3.5")]
    [InlineData(ObligationCode.C14, SenderSide.GeneralPractitioner, SpecialistTeam | GeneralPractitionerCopy, 1, "3.3")]
    [InlineData(ObligationCode.C15, SenderSide.Either, GeneralPractitioner | SpecialistTeam, 2, "2.6")]
    public void Get_ReturnsTheObligationOfTheSpecificationTable(
        ObligationCode code, SenderSide sender, RecipientKinds recipients, int dueDays, string guideSection)
    {
        var obligation = ObligationCatalogue.Get(code);

        Assert.Equal(code, obligation.Code);
        Assert.Equal(sender, obligation.Sender);
        Assert.Equal(recipients, obligation.Recipients);
        Assert.Equal(TimeSpan.FromDays(dueDays), obligation.DefaultDueDelay);
        Assert.Equal(guideSection, obligation.GuideSection);
        Assert.Equal(Channels.InApp | Channels.SecureMail, obligation.Channels);
        Assert.False(string.IsNullOrWhiteSpace(obligation.Trigger));
        Assert.False(string.IsNullOrWhiteSpace(obligation.WhatTravels));
    }

    [Fact]
    public void OnlySuspectedRecurrence_IsUrgent()
    {
        Assert.Equal([ObligationCode.C14], ObligationCatalogue.All.Where(o => o.Urgent).Select(o => o.Code));
    }

    // An urgent signal is due within the obligation's urgent delay, when it has one and it is shorter.
    [Theory]
    [InlineData(ObligationCode.C9, false, 24)]
    [InlineData(ObligationCode.C9, true, 4)]
    [InlineData(ObligationCode.C13, false, 72)]
    [InlineData(ObligationCode.C13, true, 24)]
    [InlineData(ObligationCode.C14, true, 24)]
    [InlineData(ObligationCode.C3, true, 168)]
    [InlineData(ObligationCode.C2, true, 72)]
    public void DueDelay_OfAnUrgentTransmission_IsTheUrgentDelay(ObligationCode code, bool urgent, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), ObligationCatalogue.DueDelay(code, null, urgent));

    [Fact]
    public void DueDelay_OfAnUrgentTransmission_KeepsAnOrganisationsShorterDelay()
    {
        var overrides = new Dictionary<ObligationCode, TimeSpan> { [ObligationCode.C9] = TimeSpan.FromHours(2) };

        Assert.Equal(TimeSpan.FromHours(2), ObligationCatalogue.DueDelay(ObligationCode.C9, overrides, urgent: true));
    }

    [Fact]
    public void EveryUrgentDelay_StatesItsSource()
    {
        Assert.All(ObligationCatalogue.All.Where(o => o.UrgentDueDelay is not null || o.Urgent), o => Assert.False(string.IsNullOrWhiteSpace(o.DelaySource)));
    }

    [Fact]
    public void DueDelay_UsesTheOrganisationOverride_ForThatObligation()
    {
        var overrides = new Dictionary<ObligationCode, TimeSpan> { [ObligationCode.C2] = TimeSpan.FromDays(1) };

        Assert.Equal(TimeSpan.FromDays(1), ObligationCatalogue.DueDelay(ObligationCode.C2, overrides));
    }

    [Fact]
    public void DueDelay_FallsBackToTheDefault_ForAnObligationWithoutOverride()
    {
        var overrides = new Dictionary<ObligationCode, TimeSpan> { [ObligationCode.C2] = TimeSpan.FromDays(1) };

        Assert.Equal(TimeSpan.FromDays(7), ObligationCatalogue.DueDelay(ObligationCode.C7, overrides));
    }

    [Fact]
    public void DueDelay_IsTheDefault_WhenTheOrganisationHasNoOverrides()
    {
        Assert.Equal(TimeSpan.FromDays(1), ObligationCatalogue.DueDelay(ObligationCode.C9, null));
    }
}

public class TwoWayObligationTests
{
    [Theory]
    [InlineData(ObligationCode.C4, true, RecipientKinds.SpecialistTeam)]
    [InlineData(ObligationCode.C4, false, RecipientKinds.GeneralPractitioner)]
    [InlineData(ObligationCode.C10, true, RecipientKinds.SpecialistTeam)]
    [InlineData(ObligationCode.C10, false, RecipientKinds.GeneralPractitioner)]
    [InlineData(ObligationCode.C15, true, RecipientKinds.SpecialistTeam)]
    [InlineData(ObligationCode.C15, false, RecipientKinds.GeneralPractitioner)]
    [InlineData(ObligationCode.C5, false, RecipientKinds.GeneralPractitioner | RecipientKinds.Patient)]
    [InlineData(ObligationCode.C9, true, RecipientKinds.SpecialistTeam)]
    [InlineData(ObligationCode.C14, true, RecipientKinds.SpecialistTeam)]
    [InlineData(ObligationCode.C14, false, RecipientKinds.SpecialistTeam | RecipientKinds.GeneralPractitionerCopy)]
    public void EachSideSendsToTheOther_NeverToItself(ObligationCode code, bool senderIsGp, RecipientKinds expected) =>
        Assert.Equal(expected, ObligationCatalogue.RecipientsWhenSentBy(code, senderIsGp));
}
