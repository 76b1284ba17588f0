namespace Relais.Web.Features.Indicators;

/// <summary>
/// One case an indicator counts (<see cref="Relais.Domain.Indicators.IndicatorObservation"/>), kept so that the dashboard
/// sums in SQL instead of reading the pathway of every patient at each request (issue 15: p95 &lt; 500 ms at 300,000
/// patients). Nothing here names a patient: <see cref="PatientId"/> is only the key by which a patient's cases are
/// replaced when their record changes, and is never read by the dashboard's query.
/// <para>
/// The filters are columns: the hospital and living area of the patient, and the cancer-site group. A case of the
/// coordination loop, the carnet or supportive care belongs to the patient, who counts for the group of each of their
/// episodes: it is kept once per group, and <see cref="IsPrimary"/> marks the one copy counted when no group is chosen.
/// </para>
/// </summary>
public sealed class IndicatorObservationRow
{
    public long Id { get; set; }
    public Guid PatientId { get; set; }
    public string Code { get; set; } = "";
    public DateOnly Anchor { get; set; }
    /// <summary>The anchor's month as yyyymm: what the dashboard groups by.</summary>
    public int Month { get; set; }
    public Guid? HospitalId { get; set; }
    public string? SiteGroup { get; set; }
    public bool IsPrimary { get; set; }
    public string? AreaCode { get; set; }
    public bool Met { get; set; }
    public double? Measure { get; set; }
    public DateTimeOffset? CountsFrom { get; set; }

    public static int MonthOf(DateOnly day) => day.Year * 100 + day.Month;

    public static DateOnly FirstDayOf(int month) => new(month / 100, month % 100, 1);
}

/// <summary>
/// A patient whose indicator cases must be computed again: written in the same commit as the change of their record
/// (<see cref="IndicatorStaleMarker"/>), removed by the refresh that recomputed them. Several marks of one patient are
/// harmless: a refresh takes them together.
/// </summary>
public sealed class IndicatorStaleMark
{
    public long Id { get; set; }
    public Guid PatientId { get; set; }
}

/// <summary>
/// What the kept cases were computed with: the rules' version and the settings that change a case (the overdue
/// tolerance, the target delays). When it differs from the running one, every patient is computed again.
/// </summary>
public sealed class IndicatorRefreshState
{
    public int Id { get; set; }
    public string Fingerprint { get; set; } = "";
    public DateTimeOffset? RefreshedAt { get; set; }

    /// <summary>
    /// The sums (<see cref="IndicatorSum"/>) hold every kept case that counts from before this instant (or from always);
    /// null until they are first built. Moved forward to each Paris day's start by <see cref="RefreshIndicators"/>.
    /// </summary>
    public DateTimeOffset? SettledUntil { get; set; }
}

/// <summary>
/// The kept cases summed by indicator, month, hospital, outcome and measure, once for each filter the dashboard offers
/// on the cancer site and the territory (<see cref="AllKey"/>: no filter), so that an answer reads a few hundred sums
/// instead of every case of the period (issue 15: p95 &lt; 500 ms at 300,000 patients). Only the cases that count from
/// before <see cref="IndicatorRefreshState.SettledUntil"/> are in it: those of the current day are read from
/// <see cref="IndicatorObservationRow"/> at each answer, so a case counts from its very instant. Kept by
/// <see cref="RefreshIndicators"/> in the same transaction as the cases it sums.
/// </summary>
public sealed class IndicatorSum
{
    /// <summary>The key of the sums over every site or every territory.</summary>
    public const string AllKey = "*";

    public long Id { get; set; }
    public string Code { get; set; } = "";
    public int Month { get; set; }
    /// <summary><see cref="Guid.Empty"/>: the cases of no known hospital.</summary>
    public Guid HospitalId { get; set; }
    /// <summary>A cancer-site group, or <see cref="AllKey"/> for the cases counted when no group is chosen.</summary>
    public string SiteKey { get; set; } = AllKey;
    /// <summary>A living area, or <see cref="AllKey"/> for every territory.</summary>
    public string AreaKey { get; set; } = AllKey;
    public bool Met { get; set; }
    public bool HasMeasure { get; set; }
    public double Measure { get; set; }
    public int Count { get; set; }
}
