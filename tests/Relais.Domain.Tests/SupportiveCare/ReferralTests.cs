using Relais.Domain.Access;
using Relais.Domain.SupportiveCare;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The referral's state machine ([L]) and what the provider writes back.</summary>
public class ReferralTests
{
    private static readonly Commune Rouen = Commune.Create("76000", "Rouen", 49.4431, 1.0993, "rouen");

    private static SupportiveCareProvider Provider() => SupportiveCareProvider.Create(
        new ProviderFields("Espace Ligue", ProviderKind.LigueCommittee, [SupportiveService.Psychology], "1 rue", "76000", "Rouen", true, true, null, null), Rouen, Now);

    private static SupportiveReferral Proposed() => SupportiveReferral.Propose(Patient, null, SupportiveService.Psychology, Provider(), null, RecordSections.None, Oncologist, Now);

    private static readonly ReferralStatus[] All = Enum.GetValues<ReferralStatus>();

    /// <summary>Every (from, to) pair, with whether the state machine allows it.</summary>
    public static TheoryData<ReferralStatus, ReferralStatus, bool> Transitions()
    {
        var allowed = new HashSet<(ReferralStatus, ReferralStatus)>
        {
            (ReferralStatus.Proposed, ReferralStatus.Accepted), (ReferralStatus.Proposed, ReferralStatus.Declined), (ReferralStatus.Proposed, ReferralStatus.Renounced),
            (ReferralStatus.Accepted, ReferralStatus.InProgress), (ReferralStatus.Accepted, ReferralStatus.Renounced),
            (ReferralStatus.InProgress, ReferralStatus.Completed), (ReferralStatus.InProgress, ReferralStatus.Renounced),
        };
        var data = new TheoryData<ReferralStatus, ReferralStatus, bool>();
        foreach (var from in All)
            foreach (var to in All)
                data.Add(from, to, allowed.Contains((from, to)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void TheStateMachine_AllowsExactlyTheLigueSteps(ReferralStatus from, ReferralStatus to, bool allowed)
    {
        Assert.Equal(allowed, ReferralTransitions.Allowed(from, to));
        var referral = Reach(from);
        var reason = to == ReferralStatus.Renounced ? RenunciationReason.Distance : (RenunciationReason?)null;
        if (allowed)
        {
            referral.MoveTo(to, reason, null, Now);
            Assert.Equal(to, referral.Status);
        }
        else
        {
            Assert.Equal("status", Assert.Throws<DomainValidationException>(() => referral.MoveTo(to, reason, null, Now)).Field);
            Assert.Equal(from, referral.Status);
        }
    }

    private static SupportiveReferral Reach(ReferralStatus status)
    {
        var referral = Proposed();
        ReferralStatus[] path = status switch
        {
            ReferralStatus.Proposed => [],
            ReferralStatus.Accepted => [ReferralStatus.Accepted],
            ReferralStatus.InProgress => [ReferralStatus.Accepted, ReferralStatus.InProgress],
            ReferralStatus.Completed => [ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.Completed],
            ReferralStatus.Declined => [ReferralStatus.Declined],
            _ => [ReferralStatus.Renounced],
        };
        foreach (var step in path) referral.MoveTo(step, step == ReferralStatus.Renounced ? RenunciationReason.Financial : null, null, Now);
        return referral;
    }

    [Fact]
    public void Renouncing_RequiresItsReason_AndOtherANote()
    {
        var referral = Proposed();
        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => referral.MoveTo(ReferralStatus.Renounced, null, null, Now)).Field);
        Assert.Equal("note", Assert.Throws<DomainValidationException>(() => referral.MoveTo(ReferralStatus.Renounced, RenunciationReason.Other, " ", Now)).Field);
        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => referral.MoveTo(ReferralStatus.Accepted, RenunciationReason.Distance, null, Now)).Field);

        referral.MoveTo(ReferralStatus.Renounced, RenunciationReason.Distance, null, Now);
        Assert.Equal((ReferralStatus.Renounced, RenunciationReason.Distance), (referral.Status, referral.Reason));
    }

    [Fact]
    public void ThePatientsSharing_AlwaysOpensTheIdentityAndThisSection_AndNothingElseUnasked()
    {
        Assert.Equal(RecordSections.Identity | RecordSections.SupportiveCare, Proposed().SharedSections);
        var withTreatment = SupportiveReferral.Propose(Patient, null, SupportiveService.Psychology, Provider(), null, RecordSections.Treatment, Oncologist, Now);
        Assert.Equal(RecordSections.Identity | RecordSections.SupportiveCare | RecordSections.Treatment, withTreatment.SharedSections);
    }

    [Fact]
    public void AReferral_GoesOnlyToAProviderOfferingTheService()
    {
        var provider = Provider();
        Assert.Equal("service", Assert.Throws<DomainValidationException>(() =>
            SupportiveReferral.Propose(Patient, null, SupportiveService.Pain, provider, null, RecordSections.None, Oncologist, Now)).Field);
        provider.SetActive(false, Now);
        Assert.Equal("providerId", Assert.Throws<DomainValidationException>(() =>
            SupportiveReferral.Propose(Patient, null, SupportiveService.Psychology, provider, null, RecordSections.None, Oncologist, Now)).Field);
    }

    [Fact]
    public void WritingBack_FirstContactAccepts_ASessionStarts_TheReportCompletes()
    {
        var referral = Proposed();
        Assert.Equal("kind", Assert.Throws<DomainValidationException>(() => referral.Write(ReferralEntryKind.Session, Today, null, Gp, Today, Now)).Field);

        referral.Write(ReferralEntryKind.FirstContact, Today, "Appel", Gp, Today, Now);
        Assert.Equal((ReferralStatus.Accepted, Today), (referral.Status, referral.FirstContactOn));
        referral.Write(ReferralEntryKind.Session, Today, null, Gp, Today, Now);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal("text", Assert.Throws<DomainValidationException>(() => referral.Write(ReferralEntryKind.Report, Today, null, Gp, Today, Now)).Field);
        referral.Write(ReferralEntryKind.Report, Today, "Six séances, objectifs atteints.", Gp, Today, Now);
        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.Equal(3, referral.Entries.Count);
        Assert.Equal("status", Assert.Throws<DomainValidationException>(() => referral.Write(ReferralEntryKind.Session, Today, null, Gp, Today, Now)).Field);
    }

    [Fact]
    public void WritingBack_RefusesADayInTheFuture()
    {
        Assert.Equal("on", Assert.Throws<DomainValidationException>(() => Proposed().Write(ReferralEntryKind.FirstContact, Today.AddDays(1), null, Gp, Today, Now)).Field);
    }
}
