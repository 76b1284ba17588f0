using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Tests.Surveillance.TestProtocols;

namespace Relais.Domain.Tests.Surveillance;

/// <summary>
/// Properties of the carnet over many J0s (month ends, 29 February, leap years), horizons from 0
/// to 180 months and both radiotherapy flags, for the shipped protocols and for random ones. The
/// random source has a fixed seed, so a failure replays.
/// </summary>
public class CalendarPropertyTests
{
    private static readonly int[] YearlyMonths = [12, 24, 36, 48, 60];

    private const int Cases = 1500;

    public static TheoryData<int> Seeds() => [20260115, 1729, 42];

    private sealed record Case(ProtocolDefinition Definition, DateOnly J0, bool Radiotherapy, int Horizon);

    private static IEnumerable<Case> Cases_(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var definition = random.Next(3) == 0 ? RandomProtocol(random) : ShippedProtocols.All[random.Next(ShippedProtocols.All.Count)];
            yield return new Case(definition, RandomJ0(random), random.Next(2) == 0, random.Next(0, 181));
        }
    }

    /// <summary>Half of the J0s fall on the last days of a month (28 to 31), where month arithmetic has to fall back.</summary>
    private static DateOnly RandomJ0(Random random)
    {
        var year = random.Next(1996, 2061);
        var month = random.Next(1, 13);
        var days = DateTime.DaysInMonth(year, month);
        var day = random.Next(2) == 0 ? random.Next(Math.Max(1, days - 3), days + 1) : random.Next(1, days + 1);
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// A valid random protocol: one alternating clinical exam (specialist first) and a few other
    /// items, each made of listed months and chained repetitions, possibly open-ended.
    /// </summary>
    private static ProtocolDefinition RandomProtocol(Random random)
    {
        var items = new List<ProtocolItem> { new(SurveillanceKind.ClinicalExam, [Performer.Specialist, Performer.Gp], RandomSchedule(random), Alternate: true) };
        SurveillanceKind[] others = [SurveillanceKind.Mammography, SurveillanceKind.Psa, SurveillanceKind.Cea, SurveillanceKind.CtTap, SurveillanceKind.Colonoscopy];
        foreach (var kind in others.Where(_ => random.Next(2) == 0))
        {
            items.Add(new ProtocolItem(kind, [random.Next(2) == 0 ? Performer.Lab : Performer.Imaging], RandomSchedule(random)));
        }

        var definition = new ProtocolDefinition("random", 1, "Référentiel aléatoire", ProtocolKind.Colorectal, ["Tests"], items,
            Schedule.Every(12, 12, 60 + 12 * random.Next(0, 3)), new EarlyReturnThresholds());
        Assert.Empty(definition.FindErrors());
        return definition;
    }

    private static Schedule RandomSchedule(Random random)
    {
        var repeats = new List<Recurrence>();
        var start = random.Next(1, 13);
        for (var k = random.Next(0, 3); k > 0; k--)
        {
            var every = random.Next(1, 13);
            var to = k == 1 && random.Next(2) == 0 ? (int?)null : start + every * random.Next(0, 8);
            repeats.Add(new Recurrence(every, start, to));
            if (to is null) break;
            start = to.Value + random.Next(1, 7);
        }

        var repeated = new Schedule([], repeats);
        var at = Enumerable.Range(1, 200).Where(m => random.Next(40) == 0 && !repeats.Any(r => r.Produces(m))).ToList();
        return at.Count == 0 && repeats.Count == 0 ? Schedule.Months(random.Next(1, 60)) : repeated with { At = at };
    }

    private static IReadOnlyList<CarnetEntry> Carnet(Case c, int? horizon = null, bool? radiotherapy = null) =>
        SurveillanceCalendar.Generate(c.Definition, c.J0, radiotherapy ?? c.Radiotherapy, horizon ?? c.Horizon);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Carnet_PlansNothingBeforeJ0_AndEachItemFallsOnJ0PlusItsMonths(int seed)
    {
        foreach (var c in Cases_(seed))
        {
            foreach (var entry in Carnet(c))
            {
                Assert.True(entry.Month >= 1, $"{c}: month {entry.Month}");
                Assert.True(entry.Due > c.J0, $"{c}: {entry} before J0");
                Assert.Equal(c.J0.AddMonths(entry.Month), entry.Due);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Carnet_StaysWithinTheHorizon_AndALongerHorizonOnlyAddsItems(int seed)
    {
        foreach (var c in Cases_(seed))
        {
            var carnet = Carnet(c);
            Assert.All(carnet, e => Assert.True(e.Month <= c.Horizon && e.Due <= c.J0.AddMonths(c.Horizon), $"{c}: {e}"));
            if (c.Horizon == 0) Assert.Empty(carnet);

            var longer = Carnet(c, horizon: c.Horizon + 1 + c.Horizon % 37);
            Assert.Equal(carnet, longer.Where(e => e.Month <= c.Horizon));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Carnet_IsSortedByDueDateThenKindThenPerformer_WithoutDuplicates(int seed)
    {
        foreach (var c in Cases_(seed))
        {
            var keys = Carnet(c).Select(e => (e.Due, Kind: e.Kind.Code(), Performer: e.Performer.Code())).ToList();
            for (var i = 1; i < keys.Count; i++)
            {
                var (a, b) = (keys[i - 1], keys[i]);
                var order = a.Due.CompareTo(b.Due) is not 0 and var byDate ? byDate
                    : string.CompareOrdinal(a.Kind, b.Kind) is not 0 and var byKind ? byKind
                    : string.CompareOrdinal(a.Performer, b.Performer);
                Assert.True(order < 0, $"{c}: {a} then {b}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Radiotherapy_AddsExactlyTheRadiotherapistVisitsOfMonths12To60(int seed)
    {
        foreach (var c in Cases_(seed).Where(c => c.Definition.Code != "random"))
        {
            var with = Carnet(c, radiotherapy: true);
            var without = Carnet(c, radiotherapy: false);

            var added = with.Except(without).ToList();
            Assert.Equal(with.Count, without.Count + added.Count);
            Assert.All(added, e => Assert.Equal((SurveillanceKind.RadiotherapyVisit, Performer.Radiotherapist), (e.Kind, e.Performer)));
            Assert.Equal(YearlyMonths.Where(m => m <= c.Horizon), added.Select(e => e.Month));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AlternatingRule_TakesTheSpecialistFirst_ThenChangesPerformerAtEachOccurrence(int seed)
    {
        foreach (var c in Cases_(seed).Where(c => c.Definition.Items.Count(i => i.Kind == SurveillanceKind.ClinicalExam) == 1))
        {
            var visits = Carnet(c).Where(e => e.Kind == SurveillanceKind.ClinicalExam).ToList();
            if (visits.Count == 0) continue;

            Assert.Equal(Performer.Specialist, visits[0].Performer);
            for (var i = 1; i < visits.Count; i++)
            {
                Assert.True(visits[i].Month > visits[i - 1].Month, $"{c}: two visits at month {visits[i].Month}");
                Assert.NotEqual(visits[i - 1].Performer, visits[i].Performer);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Breast_AlternatesSpecialistAndGpFromMonth6To60_AfterTheJointVisitAtMonth3(int seed)
    {
        foreach (var c in Cases_(seed).Where(c => c.Definition.Code == "breast"))
        {
            var visits = Carnet(c).Where(e => e.Kind == SurveillanceKind.ClinicalExam).ToList();
            var alternated = visits.Where(e => e.Month is >= 6 and <= 60).Select(e => e.Performer).ToList();
            Assert.Equal(alternated.Select((_, i) => i % 2 == 0 ? Performer.Specialist : Performer.Gp), alternated);
            Assert.All(visits.Where(e => e.Month > 60), e => Assert.Equal(Performer.Gp, e.Performer));
        }
    }

    [Theory]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2027-08-31", 6, "2028-02-29")]
    [InlineData("2027-08-31", 12, "2028-08-31")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2028-02-29", 48, "2032-02-29")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-01-31", 2, "2026-03-31")]
    public void MonthArithmetic_KeepsTheDay_OrFallsBackToTheMonthsLastDay(string j0, int month, string due)
    {
        var definition = ShippedProtocols.Breast with { Items = [new ProtocolItem(SurveillanceKind.ClinicalExam, Performer.Gp, Schedule.Months(month))] };

        var entry = Assert.Single(SurveillanceCalendar.Generate(definition, DateOnly.Parse(j0, System.Globalization.CultureInfo.InvariantCulture), radiotherapy: false, horizonMonths: 60));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), entry.Due);
    }
}
