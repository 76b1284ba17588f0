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
}
