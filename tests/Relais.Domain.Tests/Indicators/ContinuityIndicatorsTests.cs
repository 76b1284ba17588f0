using Relais.Domain.Continuity;
using Relais.Domain.Indicators;

namespace Relais.Domain.Tests.Indicators;

/// <summary>The continuity indicators of issue 15 point 2: deferred care, its priority, its re-scheduling and the crisis windows.</summary>
public class ContinuityIndicatorsTests
{
    private static readonly Guid Hospital = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly DateOnly Decided = new(2026, 4, 1);
    private static readonly DateOnly Planned = new(2026, 4, 3);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static List<IndicatorObservation> Observe(DeferralPriority priority, DateOnly? fixedOn = null, DateOnly? newDate = null, DateOnly? until = null) =>
        [.. IndicatorRules.Observe(new DeferralFacts(Hospital, Decided, priority, until, Planned, fixedOn, newDate), StartOf)];

    private static IndicatorObservation Find(List<IndicatorObservation> observed, string code) => observed.Single(o => o.Code == code);

    [Theory]
    [InlineData(DeferralPriority.High, true)]
    [InlineData(DeferralPriority.Medium, false)]
    [InlineData(DeferralPriority.Low, false)]
    public void EveryDeferral_CountsAtOnce_ForTheShareOfHighPriority(DeferralPriority priority, bool met)
    {
        var share = Find(Observe(priority), "deferral-high-priority");

        Assert.Equal(met, share.Met);
        Assert.Null(share.CountsFrom);
        Assert.Equal(Decided, share.Anchor);
    }

    [Theory]
    [InlineData(DeferralPriority.High, 7, true)]     // re-scheduled on its deadline: in time
    [InlineData(DeferralPriority.High, 8, false)]
    [InlineData(DeferralPriority.Medium, 42, true)]
    [InlineData(DeferralPriority.Medium, 43, false)]
    [InlineData(DeferralPriority.Low, 90, true)]
    [InlineData(DeferralPriority.Low, 91, false)]
    public void AReScheduledDeferral_IsInTime_WhenItsNewDateWasFixedByThePrioritysDeadline(DeferralPriority priority, int days, bool met)
    {
        var inTime = Find(Observe(priority, fixedOn: Decided.AddDays(days), newDate: Decided.AddDays(days + 3)), "deferral-rescheduled-in-time");

        Assert.Equal(met, inTime.Met);
        Assert.Null(inTime.CountsFrom);
    }

    [Fact]
    public void TheTeamsUntil_BringsTheDeadlineForward()
    {
        var inTime = Find(Observe(DeferralPriority.Low, fixedOn: Decided.AddDays(11), newDate: Decided.AddDays(12), until: Decided.AddDays(10)), "deferral-rescheduled-in-time");

        Assert.False(inTime.Met);
    }

    [Fact]
    public void AWaitingDeferral_CountsAsLate_FromTheDayAfterItsDeadline_AndNotBefore()
    {
        var observed = Observe(DeferralPriority.Medium);
        var inTime = Find(observed, "deferral-rescheduled-in-time");

        Assert.False(inTime.Met);
        Assert.Equal(StartOf(Decided.AddDays(43)), inTime.CountsFrom);
        Assert.False(inTime.CountsAt(StartOf(Decided.AddDays(43)).AddTicks(-1)));
        Assert.True(inTime.CountsAt(StartOf(Decided.AddDays(43))));
        Assert.DoesNotContain(observed, o => o.Code == "deferral-postponement");
    }

    [Theory]
    [InlineData(42, true)]   // six weeks late: the default target itself
    [InlineData(43, false)]
    public void ThePostponement_IsMeasuredFromTheDateFirstPlanned(int late, bool met)
    {
        var postponement = Find(Observe(DeferralPriority.Medium, fixedOn: Decided.AddDays(5), newDate: Planned.AddDays(late)), "deferral-postponement");

        Assert.Equal(late, postponement.Measure);
        Assert.Equal(met, postponement.Met);
    }

    [Fact]
    public void CareBroughtForward_IsNotANegativePostponement()
    {
        var postponement = Find(Observe(DeferralPriority.High, fixedOn: Decided.AddDays(1), newDate: Planned.AddDays(-1)), "deferral-postponement");

        Assert.Equal(0, postponement.Measure);
    }

    [Fact]
    public void AnEndedCrisis_IsComparedWithAsManyDaysBeforeAndAfter()
    {
        var windows = CrisisWindows.Of(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 19), new DateOnly(2026, 6, 1));

        Assert.Equal(
            [
                new CrisisWindow(CrisisPhase.Before, new(2026, 2, 28), new(2026, 3, 9)),
                new CrisisWindow(CrisisPhase.During, new(2026, 3, 10), new(2026, 3, 19)),
                new CrisisWindow(CrisisPhase.After, new(2026, 3, 20), new(2026, 3, 29)),
            ], windows);
    }

    [Fact]
    public void ACrisisStillOn_HasNoAfter_AndRunsToToday()
    {
        var windows = CrisisWindows.Of(new DateOnly(2026, 11, 20), null, new DateOnly(2026, 11, 23));

        Assert.Equal(
            [
                new CrisisWindow(CrisisPhase.Before, new(2026, 11, 16), new(2026, 11, 19)),
                new CrisisWindow(CrisisPhase.During, new(2026, 11, 20), new(2026, 11, 23)),
            ], windows);
    }

    [Fact]
    public void TheAfterWindow_StopsAtToday_AndIsAbsentTheDayTheCrisisEnds()
    {
        Assert.Equal(new CrisisWindow(CrisisPhase.After, new(2026, 11, 11), new(2026, 11, 23)),
            CrisisWindows.Of(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 23))[2]);
        Assert.Equal(2, CrisisWindows.Of(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)).Count);
    }

    [Theory]
    [InlineData(0.34, 0.3)]
    [InlineData(7.26, 7.3)]
    [InlineData(9.96, 10.0)]
    [InlineData(31.6, 32)]
    [InlineData(312, 310)]
    [InlineData(1234, 1200)]
    public void DelaysInHours_AreKeptToTwoSignificantFigures(double hours, double kept) =>
        Assert.Equal(kept, Distribution.KeptHours(hours), 6);
}
