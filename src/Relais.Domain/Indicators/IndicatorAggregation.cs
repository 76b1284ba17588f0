namespace Relais.Domain.Indicators;

/// <summary>
/// One figure of an indicator, after small-cell suppression: all null when <see cref="Suppressed"/>. For a share,
/// <see cref="Value"/> is the share in percent; for a delay, the median, with <see cref="P75"/>, <see cref="P90"/> and
/// <see cref="WithinTarget"/> (the share within the target, in percent).
/// </summary>
public sealed record IndicatorFigure(double? Value, int? Numerator, int? Denominator, bool Suppressed, double? P75 = null, double? P90 = null, double? WithinTarget = null);

public sealed record HospitalFigure(Guid? Hospital, IndicatorFigure Figure);

public sealed record MonthFigure(DateOnly Month, IndicatorFigure Figure);

public sealed record IndicatorResult(IndicatorDefinition Definition, int? Target, IndicatorFigure Total, IReadOnlyList<HospitalFigure> ByHospital, IReadOnlyList<MonthFigure> ByMonth);

/// <summary>
/// Counts the observations of each indicator over a period, in total, by hospital and by month, and masks the small
/// cells of that one table together (<see cref="SmallCells"/>): the hospital and month breakdowns add up to the total,
/// so each is protected against subtraction from it.
/// </summary>
public static class IndicatorAggregation
{
    /// <summary>The first day of every month the period touches, in order.</summary>
    public static IReadOnlyList<DateOnly> Months(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    /// <summary>The figures of the period at <paramref name="now"/>: the cases anchored in it that count by then.</summary>
    public static IReadOnlyList<IndicatorResult> Compute(
        IEnumerable<IndicatorDefinition> definitions, IEnumerable<IndicatorObservation> observations, DateOnly from, DateOnly to, DateTimeOffset now,
        IReadOnlyList<Guid?> hospitals, int threshold = SmallCells.DefaultThreshold, IReadOnlyDictionary<string, int>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(hospitals);
        var byCode = observations.Where(o => o.Anchor >= from && o.Anchor <= to && o.CountsAt(now)).ToLookup(o => o.Code);
        var months = Months(from, to);
        return definitions.Select(d => Compute(d, [.. byCode[d.Code]], months, hospitals, threshold, targets)).ToList();
    }

    /// <summary>
    /// The same figures read from the two margins of the period's cases, as a pre-aggregate gives them (the dashboard's sums
    /// at a million patients: a year of the region by hospital and month is some 120,000 sums, its margins a quarter of it):
    /// <paramref name="byHospital"/> the cases summed over the period's months for each hospital (their anchor is not read),
    /// <paramref name="byMonth"/> the same cases summed over the hospitals for each month (their hospital is not read). Both
    /// hold the cases of the period that count at the instant of the answer; a count may be negative (a correction), the
    /// sums of one key being what counts. The total is read from the months.
    /// </summary>
    public static IReadOnlyList<IndicatorResult> ComputeFromMargins(
        IEnumerable<IndicatorDefinition> definitions, IEnumerable<IndicatorObservation> byHospital, IEnumerable<IndicatorObservation> byMonth, DateOnly from, DateOnly to,
        IReadOnlyList<Guid?> hospitals, int threshold = SmallCells.DefaultThreshold, IReadOnlyDictionary<string, int>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(hospitals);
        var hospitalsByCode = byHospital.ToLookup(o => o.Code);
        var monthsByCode = byMonth.Where(o => o.Anchor >= from && o.Anchor <= to).ToLookup(o => o.Code);
        var months = Months(from, to);
        return definitions.Select(d =>
        {
            var perHospital = hospitalsByCode[d.Code].ToList();
            var perMonth = monthsByCode[d.Code].ToList();
            return Compute(d, perMonth, perHospital, perMonth, months, hospitals, threshold, targets);
        }).ToList();
    }

    private static IndicatorResult Compute(IndicatorDefinition definition, IReadOnlyList<IndicatorObservation> observations, IReadOnlyList<DateOnly> months,
        IReadOnlyList<Guid?> hospitals, int threshold, IReadOnlyDictionary<string, int>? targets) =>
        Compute(definition, observations, observations, observations, months, hospitals, threshold, targets);

    private static IndicatorResult Compute(IndicatorDefinition definition, IReadOnlyList<IndicatorObservation> observations,
        IReadOnlyList<IndicatorObservation> forHospitals, IReadOnlyList<IndicatorObservation> forMonths, IReadOnlyList<DateOnly> months,
        IReadOnlyList<Guid?> hospitals, int threshold, IReadOnlyDictionary<string, int>? targets)
    {
        // Every hospital a case belongs to is a cell, so the breakdown adds up to the total even for a hospital not listed.
        var hospitalKeys = hospitals.Concat(forHospitals.Select(o => o.Hospital)).Distinct().ToList();
        var hospitalCases = forHospitals.ToLookup(o => o.Hospital);
        var monthCases = forMonths.ToLookup(o => new DateOnly(o.Anchor.Year, o.Anchor.Month, 1));
        var byHospital = hospitalKeys.Select(h => hospitalCases[h].ToList()).ToList();
        var byMonth = months.Select(m => monthCases[m].ToList()).ToList();
        var table = new CellTable(Count(observations), [byHospital.Select(Count).ToList(), byMonth.Select(Count).ToList()]);
        var mask = SmallCells.Suppress(table, threshold);
        return new IndicatorResult(
            definition,
            definition.Kind == IndicatorKind.Delay ? IndicatorRules.Target(definition, targets) : null,
            Figure(definition, observations, mask.Total),
            [.. hospitalKeys.Select((h, i) => new HospitalFigure(h, Figure(definition, byHospital[i], mask.Partitions[0][i])))],
            [.. months.Select((m, i) => new MonthFigure(m, Figure(definition, byMonth[i], mask.Partitions[1][i])))]);
    }

    private static CellCount Count(IReadOnlyList<IndicatorObservation> cases) => new(cases.Where(o => o.Met).Sum(o => o.Count), cases.Sum(o => o.Count));

    private static IndicatorFigure Figure(IndicatorDefinition definition, IReadOnlyList<IndicatorObservation> cases, bool suppressed)
    {
        if (suppressed) return new(null, null, null, true);
        var (met, counted) = Count(cases);
        if (definition.Kind == IndicatorKind.Share) return new(Distribution.Share(met, counted), met, counted, false);
        var measures = cases.Where(o => o.Measure is not null).Select(o => (o.Measure!.Value, o.Count)).ToList();
        var p = Distribution.Percentiles(measures, 50, 75, 90);
        return new(Round(p[0]), met, counted, false, Round(p[1]), Round(p[2]), Distribution.Share(met, counted));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}
