using Relais.Domain.SupportiveCare;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The outreach rules ([L] "aller-vers"), at and around the delay.</summary>
public class OutreachRulesTests
{
    private static readonly OutreachDelays Delays = new(NeedWithoutReferralDays: 10, StalledReferralDays: 14);

    [Theory]
    [InlineData(ReferralStatus.Proposed, null, 14, true)]
    [InlineData(ReferralStatus.Proposed, null, 13, false)]
    [InlineData(ReferralStatus.Accepted, null, 30, true)]
    [InlineData(ReferralStatus.Accepted, 2, 30, false)]
    [InlineData(ReferralStatus.InProgress, null, 30, false)]
    [InlineData(ReferralStatus.Renounced, null, 30, false)]
    [InlineData(ReferralStatus.Completed, null, 30, false)]
    public void AReferral_IsStalled_WithoutFirstContact_FromTheDelayOn(ReferralStatus status, int? contactDaysAfter, int daysAgo, bool stalled)
    {
        var proposedOn = Today.AddDays(-daysAgo);
        DateOnly? contact = contactDaysAfter is { } d ? proposedOn.AddDays(d) : null;
        Assert.Equal(stalled, OutreachRules.IsStalled(status, contact, proposedOn, Today, Delays));
    }

    [Theory]
    [InlineData(10, false, true)]
    [InlineData(9, false, false)]
    [InlineData(40, true, false)]
    public void ANeed_Waits_WhenUnreferredFromTheDelayOn(int daysAgo, bool referred, bool waits) =>
        Assert.Equal(waits, OutreachRules.NeedWaits(Today.AddDays(-daysAgo), referred, Today, Delays));

    [Fact]
    public void TheWorklist_PutsRenouncedFirst_ThenStalled_ThenNeeds()
    {
        Assert.Equal([OutreachReason.Renounced, OutreachReason.Stalled, OutreachReason.NeedWithoutReferral],
            Enum.GetValues<OutreachReason>().OrderByDescending(r => r).OrderBy(OutreachRules.Rank));
        Assert.Equal(14, new OutreachDelays().StalledReferralDays);
    }
}
