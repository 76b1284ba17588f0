namespace Relais.Domain.Indicators;

/// <summary>One cell of an indicator: how many were counted (the denominator) and how many met it (the numerator).</summary>
public readonly record struct CellCount(int Numerator, int Denominator)
{
    public static CellCount operator +(CellCount a, CellCount b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);
}

/// <summary>
/// An indicator's figures as one answer shows them: the total, and breakdowns of that total (by hospital, by month),
/// each a partition whose cells add up to the total.
/// </summary>
public sealed record CellTable(CellCount Total, IReadOnlyList<IReadOnlyList<CellCount>> Partitions);

/// <summary>Which cells of a <see cref="CellTable"/> are masked, in the same shape.</summary>
public sealed record SuppressionMask(bool Total, IReadOnlyList<IReadOnlyList<bool>> Partitions);

/// <summary>
/// The small-cell rule of French health statistics (secret statistique): a count of 1 to 10 people is not published
/// — the CNIL's and the SNDS's rule of "pas de case de moins de 11", which the ATIH and the DREES apply to their tables —
/// and is shown "&lt; 11". Zero is published (nobody is described by it). The threshold is configurable (default 11).
/// <para>
/// Primary suppression: a cell is masked whole (value, numerator and denominator) when its denominator, its numerator
/// or their difference (those who did not meet it) is a small count — any of the three lets one describe a handful of
/// patients, and any two give the third. Complementary suppression: within each breakdown (the total and its cells,
/// which add up), exactly one masked cell would be recomputed by subtraction, so a second one is masked — the shown
/// cell with the fewest patients, or the total when no cell is left — until no breakdown has exactly one; masking a
/// total re-examines every breakdown of it. Shares are masked with their cell, so no count is recomputed from a share.
/// </para>
/// </summary>
public static class SmallCells
{
    public const int DefaultThreshold = 11;

    /// <summary>How a masked count is shown ("&lt; 11" with the default threshold).</summary>
    public static string Shown(int threshold) => $"< {threshold}";

    /// <summary>A count of people too small to publish: 1 to <paramref name="threshold"/> − 1.</summary>
    public static bool IsSmall(int count, int threshold) => count >= 1 && count < threshold;

    /// <summary>Whether a cell is masked for itself, before any complementary suppression.</summary>
    public static bool IsPrimary(CellCount cell, int threshold) =>
        IsSmall(cell.Denominator, threshold) || IsSmall(cell.Numerator, threshold) || IsSmall(cell.Denominator - cell.Numerator, threshold);

    public static SuppressionMask Suppress(CellTable table, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (threshold < 1) throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold is at least 1.");
        foreach (var partition in table.Partitions)
        {
            var sum = partition.Aggregate(default(CellCount), (a, b) => a + b);
            if (sum != table.Total) throw new ArgumentException("Each breakdown adds up to the total.", nameof(table));
        }

        var total = IsPrimary(table.Total, threshold);
        var cells = table.Partitions.Select(p => p.Select(c => IsPrimary(c, threshold)).ToArray()).ToArray();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < cells.Length; i++)
            {
                var masked = cells[i].Count(m => m) + (total ? 1 : 0);
                if (masked != 1) continue;
                var partition = table.Partitions[i];
                var candidate = Enumerable.Range(0, partition.Count)
                    .Where(j => !cells[i][j] && partition[j].Denominator > 0)
                    .OrderBy(j => partition[j].Denominator).ThenBy(j => partition[j].Numerator).ThenBy(j => j)
                    .Select(j => (int?)j).FirstOrDefault();
                if (candidate is { } j)
                    cells[i][j] = true;
                else if (!total)
                    total = true;
                else
                    continue;
                changed = true;
            }
        }
        while (changed);
        return new SuppressionMask(total, cells);
    }
}
