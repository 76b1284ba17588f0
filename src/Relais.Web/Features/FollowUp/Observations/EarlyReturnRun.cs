using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Observations;

/// <summary>
/// Adds marker results and, after each, reads the patient's whole series of that marker again in the
/// order of the samples' dates (the results before it in the same call included), so a result entered
/// late takes its place; the open alerts are raised, updated, escalated or closed to match
/// (<see cref="OpenAlerts"/>) and acted on. Shared by a single result and the laboratory feed; adds to
/// the caller's unit of work, saving is the caller's.
/// </summary>
public sealed class EarlyReturnRun(RelaisDb db, Clock clock, ActOnAlert actOn)
{
    private const string UnenrolledNote = "Patient non inscrit à un protocole de suivi : aucune règle de retour précoce n'est évaluée.";

    /// <summary>For each result, in order, the alerts it raised or changed, or why no rule was read.</summary>
    public async Task<List<(List<StoredAlert> Alerts, string? Note)>> AddAsync(CurrentUser user, List<Observation> observations, CancellationToken ct)
    {
        var today = clock.Today;
        var now = clock.Now;
        var patientIds = observations.Select(o => o.PatientId).Distinct().ToList();
        var codes = observations.Select(o => o.Code).Distinct().ToList();
        var series = (await db.Observations.AsNoTracking().Where(o => patientIds.Contains(o.PatientId) && codes.Contains(o.Code)).ToListAsync(ct))
            .GroupBy(o => o.PatientId).ToDictionary(g => g.Key, g => g.ToList());
        var open = (await db.Alerts.Where(a => patientIds.Contains(a.PatientId) && a.HandledAt == null && a.ClosedAt == null).ToListAsync(ct))
            .GroupBy(a => a.PatientId).ToDictionary(g => g.Key, g => g.ToList());
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => patientIds.Contains(e.PatientId)).ToListAsync(ct))
            .GroupBy(e => e.PatientId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.EnrolledAt)!);
        var protocolCodes = enrolments.Values.Select(e => e.ProtocolCode).Distinct().ToList();
        var rules = (await db.Protocols.AsNoTracking().Where(p => protocolCodes.Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => (p.Code, p.Version), p => p.RuleSet);

        var outcomes = new List<(List<StoredAlert>, string?)>(observations.Count);
        foreach (var observation in observations)
        {
            db.Observations.Add(observation);
            var patientId = observation.PatientId;
            if (!series.TryGetValue(patientId, out var previous)) series[patientId] = previous = [];
            previous.Add(observation);
            if (!enrolments.TryGetValue(patientId, out var enrolment))
            {
                outcomes.Add(([], UnenrolledNote));
                continue;
            }
            if (!open.TryGetValue(patientId, out var alerts)) open[patientId] = alerts = [];
            var outcome = EarlyReturnRules.EvaluateSeries(rules[(enrolment.ProtocolCode, enrolment.ProtocolVersion)], enrolment.TreatmentEnd, patientId, observation.Code, previous, today);
            var changes = OpenAlerts.Reconcile(patientId, alerts, outcome, observation.Id, now);
            foreach (var change in changes)
            {
                if (change.Kind == AlertChangeKind.Raised) alerts.Add(change.Alert);
                await actOn.AddAsync(user, change, enrolment, ct);
            }
            outcomes.Add(([.. changes.Select(c => c.Alert).Distinct()], null));
        }
        return outcomes;
    }
}
