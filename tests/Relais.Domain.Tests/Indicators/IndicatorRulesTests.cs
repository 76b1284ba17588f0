using Relais.Domain.Announcements;
using Relais.Domain.Coordination;
using Relais.Domain.Indicators;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Surveillance;
using static Relais.Domain.Pathways.PathwayPhase;

namespace Relais.Domain.Tests.Indicators;

public class IndicatorRulesTests
{
    private static readonly DateOnly Diagnosis = new(2026, 3, 2);
    private static readonly Guid Hospital = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly DateTimeOffset Instant = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static EpisodeFacts Episode(DateOnly birth, Sex sex = Sex.Female, AnnouncementFacts? announcement = null, DateOnly? g8 = null,
        bool pps = false, DateOnly? ppac = null, params (PathwayPhase Phase, int Day)[] steps) =>
        new(Hospital, Diagnosis, birth, sex, [.. steps.Select(s => new PathwayMilestone(s.Phase, Diagnosis.AddDays(s.Day)))], announcement, g8, pps, ppac, false);

    private static IndicatorObservation? Find(IEnumerable<IndicatorObservation> observations, string code) => observations.SingleOrDefault(o => o.Code == code);

    [Theory]
    [InlineData(30, true)]   // the target itself is within it
    [InlineData(31, false)]
    public void TheDelayToTheTumorBoard_IsMetWithinItsTarget(int days, bool met)
    {
        var observed = IndicatorRules.Observe(Episode(new(1960, 1, 1), steps: [(DiagnosisConfirmed, 0), (TumorBoard, days)]));

        var delay = Find(observed, "diagnosis-to-tumor-board")!;
        Assert.Equal(days, delay.Measure);
        Assert.Equal(met, delay.Met);
        Assert.Equal(Diagnosis, delay.Anchor);
    }

    [Fact]
    public void ARegion_SetsItsOwnTarget()
    {
        var observed = IndicatorRules.Observe(Episode(new(1960, 1, 1), steps: [(DiagnosisConfirmed, 0), (TumorBoard, 20)]),
            new Dictionary<string, int> { ["diagnosis-to-tumor-board"] = 14 });

        Assert.False(Find(observed, "diagnosis-to-tumor-board")!.Met);
    }

    [Theory]
    [InlineData(1950, 3, 1, true)]   // 76 on the day of the RCP
    [InlineData(1950, 3, 20, false)] // 75 and a half: not over 75 (G8.Required)
    public void TheG8_IsAskedOfPatientsOver75OnTheDayOfTheTumorBoard(int year, int month, int day, bool counted)
    {
        var observed = IndicatorRules.Observe(Episode(new(year, month, day), g8: Diagnosis.AddDays(5), steps: [(DiagnosisConfirmed, 0), (TumorBoard, 10)]));

        Assert.Equal(counted, Find(observed, "g8-before-tumor-board") is { Met: true });
    }

    [Fact]
    public void AG8AfterTheTumorBoard_DoesNotCount()
    {
        var observed = IndicatorRules.Observe(Episode(new(1940, 1, 1), g8: Diagnosis.AddDays(11), steps: [(DiagnosisConfirmed, 0), (TumorBoard, 10)]));

        Assert.False(Find(observed, "g8-before-tumor-board")!.Met);
    }

    [Theory]
    [InlineData(Sex.Female, 1980, true)]   // 46
    [InlineData(Sex.Female, 1975, false)]  // 51: beyond 49
    [InlineData(Sex.Male, 1975, true)]     // 51: men until 59
    public void FertilityInformation_CountsPatientsOfReproductiveAge(Sex sex, int year, bool counted)
    {
        var observed = IndicatorRules.Observe(Episode(new(year, 1, 1), sex, new AnnouncementFacts(true, true, TobaccoStatus.Never, false, false), steps: [(DiagnosisConfirmed, 0)]));

        Assert.Equal(counted, Find(observed, "fertility-information") is not null);
        Assert.Null(Find(observed, "tobacco-cessation-offered"));
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(31, false)] // the tumor board came after the first treatment
    public void TheTumorBoard_ComesBeforeTheFirstTreatment(int boardDay, bool met)
    {
        var observed = IndicatorRules.Observe(Episode(new(1960, 1, 1), steps: [(DiagnosisConfirmed, 0), (TumorBoard, boardDay), (ActiveTreatment, 30)]));

        Assert.Equal(met, Find(observed, "tumor-board-before-treatment")!.Met);
        Assert.Equal(Diagnosis.AddDays(30), Find(observed, "tumor-board-before-treatment")!.Anchor);
    }

    [Fact]
    public void ThePpac_IsMeasuredFromTheEndOfTreatment()
    {
        var observed = IndicatorRules.Observe(Episode(new(1960, 1, 1), ppac: Diagnosis.AddDays(200), steps: [(DiagnosisConfirmed, 0), (ActiveTreatment, 30), (EndOfTreatment, 180)]));

        Assert.Equal(20, Find(observed, "end-of-treatment-to-ppac")!.Measure);
        Assert.True(Find(observed, "ppac-at-end-of-treatment")!.Met);
    }

    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    [Theory]
    [InlineData(47, true)]
    [InlineData(48, true)]  // acknowledged at the due time
    [InlineData(49, false)]
    public void AnObligation_IsOnTime_WhenAcknowledgedByItsDueTime(int ackHours, bool met)
    {
        var recipient = new RecipientFacts(Hospital, ObligationCode.C7, RecipientKinds.GeneralPractitioner, Created, Created.AddHours(48), Created, Created.AddHours(ackHours));

        var observed = IndicatorRules.Observe(recipient, Day).ToList();

        Assert.Equal(met, Find(observed, "obligation-c7-on-time")!.Met);
        Assert.Equal(ackHours, Find(observed, "gp-acknowledgement-delay")!.Measure);
        Assert.Equal(0, Find(observed, "gp-delivery-delay")!.Measure);
    }

    [Fact]
    public void AnObligation_CountsFromItsDueTime_AndThePatientsCopyNever()
    {
        var due = new RecipientFacts(Hospital, ObligationCode.C5, RecipientKinds.GeneralPractitioner, Created, Created.AddHours(48), Created, null);
        var onTime = Find(IndicatorRules.Observe(due, Day), "obligation-c5-on-time")!;
        Assert.False(onTime.CountsAt(Created.AddHours(48).AddTicks(-1)));
        Assert.True(onTime.CountsAt(Created.AddHours(48)));
        Assert.Empty(IndicatorRules.Observe(due with { Kind = RecipientKinds.Patient }, Day));
    }

    [Fact]
    public void TheAggregation_LeavesOutWhatDoesNotCountYet()
    {
        var due = new RecipientFacts(Hospital, ObligationCode.C5, RecipientKinds.GeneralPractitioner, Created, Created.AddHours(48), Created, null);
        var observations = Enumerable.Range(0, 12).SelectMany(_ => IndicatorRules.Observe(due, Day)).ToList();
        var definition = IndicatorCatalogue.Get("obligation-c5-on-time");

        var before = Assert.Single(IndicatorAggregation.Compute([definition], observations, Day(Created), Day(Created).AddDays(5), Created.AddHours(47), [Hospital]));
        var after = Assert.Single(IndicatorAggregation.Compute([definition], observations, Day(Created), Day(Created).AddDays(5), Created.AddHours(48), [Hospital]));

        Assert.Equal(0, before.Total.Denominator);
        Assert.Equal(12, after.Total.Denominator);
        Assert.Equal(0, after.Total.Numerator);
    }

    [Fact]
    public void TheAggregation_CountsAWeightedObservation_AsThatManyCases()
    {
        var definition = IndicatorCatalogue.Get("diagnosis-to-tumor-board");
        IndicatorObservation[] single = [.. Enumerable.Range(0, 27).Select(i => new IndicatorObservation(definition.Code, Diagnosis, Hospital, i < 15, i < 15 ? 10 : 40))];
        IndicatorObservation[] weighted = [new(definition.Code, Diagnosis, Hospital, true, 10, Count: 15), new(definition.Code, Diagnosis, Hospital, false, 40, Count: 12)];

        var expected = Assert.Single(IndicatorAggregation.Compute([definition], single, Diagnosis, Diagnosis, Instant, [Hospital]));
        var actual = Assert.Single(IndicatorAggregation.Compute([definition], weighted, Diagnosis, Diagnosis, Instant, [Hospital]));

        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(27, actual.Total.Denominator);
        Assert.Equal(10, actual.Total.Value);
        Assert.Equal(40, actual.Total.P90);
    }

    [Theory]
    [InlineData(CarnetItemStatus.Done, 40, true, true)]
    [InlineData(CarnetItemStatus.Done, 40, false, false)]   // closed by a click, no result
    [InlineData(CarnetItemStatus.Done, 41, true, false)]    // done after its window
    [InlineData(CarnetItemStatus.Planned, null, false, false)]
    public void AFollowUpItem_IsDoneWithinItsWindow_WithAResult(CarnetItemStatus status, int? doneDay, bool result, bool met)
    {
        var due = new DateOnly(2026, 1, 10);
        var item = new CarnetFacts(Hospital, due, status, doneDay is { } d ? due.AddDays(d - 10) : null, result);

        Assert.Equal(met, IndicatorRules.Observe(item, 30, StartOfDay)!.Met);
    }

    [Fact]
    public void AFollowUpItem_CountsOnceItsWindowHasClosed_AndACancelledOneNever()
    {
        var due = new DateOnly(2026, 5, 10);
        var planned = IndicatorRules.Observe(new CarnetFacts(Hospital, due, CarnetItemStatus.Planned, null, false), 30, StartOfDay)!;
        Assert.False(planned.CountsAt(StartOfDay(new DateOnly(2026, 6, 10)).AddTicks(-1)));  // the last day of the window (due + 30)
        Assert.True(planned.CountsAt(StartOfDay(new DateOnly(2026, 6, 10))));
        Assert.Null(IndicatorRules.Observe(new CarnetFacts(Hospital, due, CarnetItemStatus.Cancelled, null, false), 30, StartOfDay));
    }

    private static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [Fact]
    public void TheAggregation_MasksAFigureWhole_AndItsShare()
    {
        var observations = Enumerable.Range(0, 30).Select(i => new IndicatorObservation("announcement-done", Diagnosis, i < 28 ? Hospital : null, i % 2 == 0)).ToList();

        var result = Assert.Single(IndicatorAggregation.Compute([IndicatorCatalogue.Get("announcement-done")], observations, Diagnosis, Diagnosis, Instant, [Hospital]));

        Assert.False(result.Total.Suppressed);
        Assert.Equal(50.0, result.Total.Value);
        Assert.Equal(30, result.Total.Denominator);
        // The second hospital (unknown) has 2 cases: masked, and the first with it, or 30 − 28 would give it back.
        Assert.All(result.ByHospital, h => Assert.Equal(new IndicatorFigure(null, null, null, true), h.Figure));
    }

    [Fact]
    public void TheMargins_GiveTheFiguresOfTheCasesTheySum()
    {
        // Cases of three hospitals (one unknown) over four months, delays and outcomes drawn at random: the same answer read from
        // the cases or from their two margins (by hospital over the months, by month over the hospitals), small cells included.
        var random = new Random(7);
        Guid?[] hospitals = [Hospital, Guid.Parse("00000000-0000-0000-0000-0000000000b2"), null];
        var definition = IndicatorCatalogue.Get("diagnosis-to-tumor-board");
        var from = new DateOnly(2026, 3, 10);
        var to = new DateOnly(2026, 6, 20);
        var cases = Enumerable.Range(0, 400).Select(_ => new IndicatorObservation(definition.Code, from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1)),
            hospitals[random.Next(hospitals.Length)], random.Next(3) > 0, random.Next(0, 60), Count: random.Next(1, 4))).ToList();
        cases.AddRange(Enumerable.Range(0, 5).Select(i => new IndicatorObservation(definition.Code, new DateOnly(2026, 4, 1 + i), Guid.Parse("00000000-0000-0000-0000-0000000000c3"), true, 12)));
        var byHospital = cases.GroupBy(c => (c.Hospital, c.Met, c.Measure)).Select(g => new IndicatorObservation(definition.Code, from, g.Key.Hospital, g.Key.Met, g.Key.Measure, Count: g.Sum(c => c.Count)));
        var byMonth = cases.GroupBy(c => (Month: new DateOnly(c.Anchor.Year, c.Anchor.Month, 1), c.Met, c.Measure))
            .Select(g => new IndicatorObservation(definition.Code, g.Key.Month < from ? from : g.Key.Month, null, g.Key.Met, g.Key.Measure, Count: g.Sum(c => c.Count)));

        var expected = Assert.Single(IndicatorAggregation.Compute([definition], cases, from, to, Instant, [Hospital]));
        var actual = Assert.Single(IndicatorAggregation.ComputeFromMargins([definition], byHospital, byMonth, from, to, [Hospital]));

        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.ByHospital.OrderBy(h => h.Hospital), actual.ByHospital.OrderBy(h => h.Hospital));
        Assert.Equal(expected.ByMonth, actual.ByMonth);
        Assert.Contains(actual.ByHospital, h => h.Figure.Suppressed);
    }
}
