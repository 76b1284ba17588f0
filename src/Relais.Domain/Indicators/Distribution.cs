namespace Relais.Domain.Indicators;

/// <summary>
/// The statistics the dashboard gives of a delay: percentiles and shares. A delay indicator is read as its median,
/// P75 and P90 ("réduire les délais de prise en charge" [P] objective 7: the tail matters as much as the middle).
/// </summary>
public static class Distribution
{
    /// <summary>
    /// The <paramref name="percent"/>th percentile by linear interpolation between the closest ranks (Hyndman and Fan's
    /// type 7, the default of R and of a spreadsheet's PERCENTILE.INC): the median of 3, 5 and 10 days is 5, of 3 and 6
    /// days 4.5. Null for no value.
    /// </summary>
    public static double? Percentile(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Percentile(values.Select(v => (v, 1)), percent);
    }

    /// <summary>
    /// The same percentile of values given with how many times each occurs (a histogram, as the pre-aggregated
    /// observations come): the values counted <c>Count</c> times each, without spreading them out.
    /// </summary>
    public static double? Percentile(IEnumerable<(double Value, int Count)> histogram, double percent) => Percentiles(histogram, percent)[0];

    /// <summary>
    /// Several percentiles of one histogram (the median, P75 and P90 of a delay), sorted once: the dashboard's delays hold
    /// tens of thousands of values at a million patients, each cell asking for three of them.
    /// </summary>
    public static double?[] Percentiles(IEnumerable<(double Value, int Count)> histogram, params double[] percents)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(percents);
        if (percents.Any(p => p is < 0 or > 100)) throw new ArgumentOutOfRangeException(nameof(percents), "A percentile lies between 0 and 100.");
        // The counts of one value summed first, so that a correction (a negative count) takes from its value before it is dropped.
        var sorted = histogram.GroupBy(h => h.Value).Select(g => (Value: g.Key, Count: g.Sum(h => (long)h.Count))).Where(h => h.Count > 0)
            .OrderBy(h => h.Value).ToArray();
        var total = sorted.Sum(h => h.Count);
        return [.. percents.Select(percent =>
        {
            if (total == 0) return (double?)null;
            var rank = percent / 100 * (total - 1);
            var below = (long)Math.Floor(rank);
            var above = Math.Min(below + 1, total - 1);
            var low = At(sorted, below);
            return low + (rank - below) * (At(sorted, above) - low);
        })];
    }

    /// <summary>The value at a 0-based rank of the sorted histogram.</summary>
    private static double At((double Value, long Count)[] sorted, long rank)
    {
        foreach (var (value, count) in sorted)
        {
            if (rank < count) return value;
            rank -= count;
        }
        return sorted[^1].Value;
    }

    public static double? Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>
    /// A delay in hours as the indicators keep it: two significant figures, and at least a tenth of an hour (0.34 h → 0.3,
    /// 7.26 h → 7.3, 31.6 h → 32, 312 h → 310). A percentile read from kept delays is then within 5 % of the exact one,
    /// and the sums hold a few hundred distinct delays per cell instead of one per transmission. Whether a case meets
    /// its target is decided on the exact delay, before this rounding.
    /// </summary>
    public static double KeptHours(double hours)
    {
        if (hours < 10) return Math.Round(hours, 1, MidpointRounding.AwayFromZero);
        var scale = Math.Pow(10, Math.Floor(Math.Log10(hours)) - 1);
        return Math.Round(hours / scale, 0, MidpointRounding.AwayFromZero) * scale;
    }

    /// <summary>The share of <paramref name="numerator"/> in <paramref name="denominator"/>, in percent with one decimal; null when nothing is counted.</summary>
    public static double? Share(int numerator, int denominator)
    {
        if (numerator < 0 || denominator < 0 || numerator > denominator)
            throw new ArgumentOutOfRangeException(nameof(numerator), "A share counts a part of its denominator.");
        return denominator == 0 ? null : Math.Round(100.0 * numerator / denominator, 1, MidpointRounding.AwayFromZero);
    }
}
