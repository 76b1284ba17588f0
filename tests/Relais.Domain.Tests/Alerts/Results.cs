using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;

namespace Relais.Domain.Tests.Alerts;

/// <summary>Builders for marker results and the rules of the shipped protocols.</summary>
internal static class Results
{
    public static readonly Guid Patient = Guid.Parse("0197c000-0000-7000-8000-000000000001");
    public static readonly DateOnly J0 = new(2026, 1, 15);
    public static readonly DateOnly Today = new(2030, 1, 1);
    public const string UsualLab = "Laboratoire Bio Rouen";
    public const string OtherLab = "Cerballiance Le Havre";

    /// <summary>The info raised when a result comes from another laboratory than the previous one.</summary>
    public const string LaboratoryChange = "laboratory-change info control-assay";

    public static string[] Summaries(IReadOnlyList<Alert> alerts) => [.. alerts.Select(Summary)];

    private static int sequence;

    public static EarlyReturnRuleSet Rules(ProtocolKind kind, EarlyReturnThresholds? thresholds = null) =>
        new(kind.Code(), 1, kind, thresholds ?? new EarlyReturnThresholds());

    /// <summary>A result on <paramref name="date"/> (yyyy-MM-dd), in the marker's unit.</summary>
    public static Observation Result(Marker marker, decimal value, string date, string lab = UsualLab, decimal? upperLimit = null)
    {
        var recordedAt = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero).AddSeconds(Interlocked.Increment(ref sequence));
        return Observation.Record(Patient, marker, value, marker.Unit(), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), lab, Today, recordedAt, upperLimit);
    }

    public static Observation Ca153(decimal value, string date, string lab = UsualLab, decimal? upperLimit = null) => Result(Marker.Ca153, value, date, lab, upperLimit);

    public static Observation Psa(decimal value, string date, string lab = UsualLab) => Result(Marker.Psa, value, date, lab);

    public static Observation Cea(decimal value, string date, string lab = UsualLab, decimal? upperLimit = null) => Result(Marker.Cea, value, date, lab, upperLimit);

    public static IReadOnlyList<Alert> Evaluate(ProtocolKind kind, Observation result, params Observation[] previous) =>
        EarlyReturnRules.Evaluate(Rules(kind), new ObservationContext(J0, previous), result, Today);

    /// <summary>
    /// Results entered one after the other, in the order given, as the app does: after each, the whole
    /// series of the marker is read again and the open alerts are brought in line.
    /// </summary>
    public static (List<StoredAlert> Alerts, List<AlertChange> Changes) Enter(ProtocolKind kind, params Observation[] arrivals)
    {
        var alerts = new List<StoredAlert>();
        var changes = new List<AlertChange>();
        var series = new List<Observation>();
        var now = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
        foreach (var result in arrivals)
        {
            series.Add(result);
            now = now.AddMinutes(1);
            var outcome = EarlyReturnRules.EvaluateSeries(Rules(kind), J0, Patient, result.Code, series, Today);
            var step = OpenAlerts.Reconcile(Patient, alerts, outcome, result.Id, now);
            alerts.AddRange(step.Where(c => c.Kind == AlertChangeKind.Raised).Select(c => c.Alert));
            changes.AddRange(step);
        }
        return (alerts, changes);
    }

    /// <summary>The open alerts as "rule severity action", by concern.</summary>
    public static string[] Open(IEnumerable<StoredAlert> alerts) =>
        [.. alerts.Where(a => a.IsOpen).OrderBy(a => a.Concern, StringComparer.Ordinal).Select(a => $"{a.Rule} {a.Severity.Code()} {a.Action.Code()}")];

    /// <summary>"rule severity action": what a reader of the alert list sees first.</summary>
    public static string Summary(Alert alert) => $"{alert.Rule} {alert.Severity.Code()} {alert.Action.Code()}";
}
