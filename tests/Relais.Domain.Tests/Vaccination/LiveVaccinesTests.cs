using System.Globalization;
using Relais.Domain.Programmes;
using Relais.Domain.Vaccination;

namespace Relais.Domain.Tests.Vaccination;

/// <summary>[G] §1.4: live vaccines contraindicated during and at least 6 months after chemotherapy; lifted by the oncology team only.</summary>
public class LiveVaccinesTests
{
    private static readonly DateOnly Start = new(2026, 2, 9);
    private static readonly DateOnly End = new(2026, 7, 15);
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static ImmunosuppressiveExposure Chemo(DateOnly? end = null) => new("Chimiothérapie", Start, end);

    [Theory]
    [InlineData("2026-02-08", null, LiveVaccineWarningState.None)]
    [InlineData("2026-03-01", null, LiveVaccineWarningState.DuringTreatment)]
    // Ongoing: years later still during treatment; no calendar ends it.
    [InlineData("2030-01-01", null, LiveVaccineWarningState.DuringTreatment)]
    [InlineData("2026-07-15", "2026-07-15", LiveVaccineWarningState.WithinSixMonths)]
    // The day before six months after the end: still within them.
    [InlineData("2027-01-14", "2026-07-15", LiveVaccineWarningState.WithinSixMonths)]
    [InlineData("2027-01-15", "2026-07-15", LiveVaccineWarningState.UntilLifted)]
    [InlineData("2031-01-15", "2026-07-15", LiveVaccineWarningState.UntilLifted)]
    public void Evaluate_FollowsTheTreatment_AndNeverExpiresByTheCalendar(string today, string? ended, LiveVaccineWarningState expected)
    {
        var status = LiveVaccines.Evaluate([Chemo(ended is null ? null : DateOnly.Parse(ended, CultureInfo.InvariantCulture))], null, DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(expected, status.State);
        Assert.Equal(expected != LiveVaccineWarningState.None, status.Shown);
    }

    [Fact]
    public void Evaluate_TheLatestEndCounts_AndAnOngoingTreatmentKeepsItDuring()
    {
        var today = new DateOnly(2027, 3, 1);
        var later = new ImmunosuppressiveExposure("Évérolimus", new DateOnly(2026, 8, 1), new DateOnly(2026, 12, 1));

        Assert.Equal(new DateOnly(2027, 6, 1), LiveVaccines.Evaluate([Chemo(End), later], null, today).LiftableFrom);
        Assert.Equal(LiveVaccineWarningState.DuringTreatment, LiveVaccines.Evaluate([Chemo(End), later with { EndedOn = null }], null, today).State);
    }

    [Fact]
    public void Lift_AfterSixMonths_LiftsIt_ATreatmentStartedLater_RaisesItAgain()
    {
        var today = new DateOnly(2027, 3, 1);
        var status = LiveVaccines.Evaluate([Chemo(End)], null, today);
        var lift = LiveVaccineWarningLift.Lift(Guid.NewGuid(), status, " Avis oncologue ", Guid.NewGuid(), today, Now);

        Assert.Equal("Avis oncologue", lift.Note);
        Assert.Equal(LiveVaccineWarningState.Lifted, LiveVaccines.Evaluate([Chemo(End)], lift.LiftedOn, today).State);
        var relapse = new ImmunosuppressiveExposure("Chimiothérapie", new DateOnly(2027, 4, 1), null);
        Assert.Equal(LiveVaccineWarningState.DuringTreatment, LiveVaccines.Evaluate([Chemo(End), relapse], lift.LiftedOn, new DateOnly(2027, 4, 2)).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2027-01-14")]
    public void Lift_DuringTreatmentOrWithinSixMonths_IsRefused(string? today)
    {
        var day = today is null ? new DateOnly(2026, 5, 1) : DateOnly.Parse(today, CultureInfo.InvariantCulture);
        var status = LiveVaccines.Evaluate([Chemo(today is null ? null : End)], null, day);

        var ex = Assert.Throws<DomainValidationException>(() => LiveVaccineWarningLift.Lift(Guid.NewGuid(), status, null, Guid.NewGuid(), day, Now));
        Assert.Equal("state", ex.Field);
    }

    [Theory]
    [InlineData(TreatmentKind.Chemotherapy, true)]
    [InlineData(TreatmentKind.OralAtHome, true)]
    [InlineData(TreatmentKind.Targeted, true)]
    [InlineData(TreatmentKind.Surgery, false)]
    [InlineData(TreatmentKind.Radiotherapy, false)]
    [InlineData(TreatmentKind.Hormone, false)]
    [InlineData(TreatmentKind.Immunotherapy, false)]
    public void IsImmunosuppressive_ByKind(TreatmentKind kind, bool expected) => Assert.Equal(expected, LiveVaccines.IsImmunosuppressive(kind));
}
