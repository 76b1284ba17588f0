namespace Relais.Domain.Alerts;

public enum AlertChangeKind
{
    /// <summary>A new open alert: nothing was open for its concern.</summary>
    Raised,
    /// <summary>The open alert follows new values at the same level: its owners are told again.</summary>
    Updated,
    /// <summary>The open alert goes further (a control becomes an early return): it acts as its new level asks.</summary>
    Escalated,
    /// <summary>The open alert no longer holds.</summary>
    Closed,
}

public sealed record AlertChange(StoredAlert Alert, AlertChangeKind Kind);

/// <summary>
/// What holds now for some concerns of a patient, and why an open alert of these concerns that no
/// longer holds is closed.
/// </summary>
public sealed record AlertOutcome(IReadOnlyList<string> Concerns, IReadOnlyList<Alert> Holding, string NoLongerHolds);

/// <summary>
/// One open alert per concern and patient: the one place where alerts are raised, updated, escalated
/// and closed. A new result, or a late one, does not raise a new urgent alert each time (PRODUCT.md §7:
/// "alerts are rules over observations"); it brings the open alert in line with what the whole
/// series says now.
/// </summary>
public static class OpenAlerts
{
    public static IReadOnlyList<AlertChange> Reconcile(Guid patientId, IEnumerable<StoredAlert> alerts, AlertOutcome outcome, Guid? observationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(outcome);
        var open = alerts.Where(a => a.PatientId == patientId && a.IsOpen).ToList();
        var changes = new List<AlertChange>();
        foreach (var concern in outcome.Concerns.Union(outcome.Holding.Select(h => h.Concern)))
        {
            var holding = outcome.Holding.FirstOrDefault(h => h.Concern == concern);
            var current = open.Where(a => a.Concern == concern).OrderByDescending(a => a.RaisedAt).ToList();
            // Alerts stored before this rule may be open side by side: the latest stands for the concern, the others are closed.
            foreach (var older in current.Skip(1))
            {
                older.Close("Regroupée avec l'alerte ouverte plus récente du même objet : une seule alerte ouverte par objet et par patient.", now);
                changes.Add(new(older, AlertChangeKind.Closed));
            }

            var existing = current.FirstOrDefault();
            if (existing is null)
            {
                if (holding is not null) changes.Add(new(StoredAlert.Raise(patientId, observationId, holding, now), AlertChangeKind.Raised));
            }
            else if (holding is null)
            {
                existing.Close(outcome.NoLongerHolds, now);
                changes.Add(new(existing, AlertChangeKind.Closed));
            }
            else if (holding.Level < existing.Level)
            {
                existing.Close($"Remplacée par une alerte de moindre niveau ({holding.Rule}) au vu de la série complète : {outcome.NoLongerHolds}", now);
                changes.Add(new(existing, AlertChangeKind.Closed));
                changes.Add(new(StoredAlert.Raise(patientId, observationId, holding, now), AlertChangeKind.Raised));
            }
            else if (holding.Level > existing.Level)
            {
                existing.Update(holding, observationId, now);
                changes.Add(new(existing, AlertChangeKind.Escalated));
            }
            else if (holding.Rule != existing.Rule || holding.Explanation != existing.Explanation)
            {
                existing.Update(holding, observationId, now);
                changes.Add(new(existing, AlertChangeKind.Updated));
            }
        }
        return changes;
    }
}
