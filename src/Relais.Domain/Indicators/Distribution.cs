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
        if (percent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent), "A percentile lies between 0 and 100.");
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var rank = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    public static double? Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>The share of <paramref name="numerator"/> in <paramref name="denominator"/>, in percent with one decimal; null when nothing is counted.</summary>
    public static double? Share(int numerator, int denominator)
    {
        if (numerator < 0 || denominator < 0 || numerator > denominator)
            throw new ArgumentOutOfRangeException(nameof(numerator), "A share counts a part of its denominator.");
        return denominator == 0 ? null : Math.Round(100.0 * numerator / denominator, 1, MidpointRounding.AwayFromZero);
    }
}
