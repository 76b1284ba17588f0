using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Observations;

/// <summary>
/// Adds marker results and runs each one's early-return rules against the patient's earlier series
/// (including the results before it in the same call), acting on what they raise. Shared by a single
/// result and the laboratory feed; adds to the caller's unit of work, saving is the caller's.
/// </summary>
public sealed class EarlyReturnRun(RelaisDb db, Clock clock, ActOnAlert actOn)
{
    private const string UnenrolledNote = "Patient non inscrit à un protocole de suivi : aucune règle de retour précoce n'est évaluée.";

    public async Task<List<(List<StoredAlert> Alerts, string? Note)>> AddAsync(CurrentUser user, List<Observation> observations, CancellationToken ct)
    {
        var today = clock.Today;
        var now = clock.Now;
        var patientIds = observations.Select(o => o.PatientId).Distinct().ToList();
        var codes = observations.Select(o => o.Code).Distinct().ToList();
        var series = (await db.Observations.AsNoTracking().Where(o => patientIds.Contains(o.PatientId) && codes.Contains(o.Code)).ToListAsync(ct))
            .GroupBy(o => o.PatientId).ToDictionary(g => g.Key, g => g.ToList());
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => patientIds.Contains(e.PatientId)).ToListAsync(ct))
            .GroupBy(e => e.PatientId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.EnrolledAt)!);
        var protocolCodes = enrolments.Values.Select(e => e.ProtocolCode).Distinct().ToList();
        var rules = (await db.Protocols.AsNoTracking().Where(p => protocolCodes.Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => (p.Code, p.Version), p => p.RuleSet);

        var outcomes = new List<(List<StoredAlert>, string?)>(observations.Count);
        foreach (var observation in observations)
        {
            db.Observations.Add(observation);
            if (!series.TryGetValue(observation.PatientId, out var previous)) series[observation.PatientId] = previous = [];
            var raised = new List<StoredAlert>();
            if (!enrolments.TryGetValue(observation.PatientId, out var enrolment))
            {
                outcomes.Add((raised, UnenrolledNote));
                previous.Add(observation);
                continue;
            }
            var alerts = EarlyReturnRules.Evaluate(rules[(enrolment.ProtocolCode, enrolment.ProtocolVersion)], new ObservationContext(enrolment.TreatmentEnd, previous), observation, today);
            foreach (var alert in alerts)
            {
                var stored = StoredAlert.Raise(observation.PatientId, observation.Id, alert, now);
                db.Alerts.Add(stored);
                raised.Add(stored);
                await actOn.AddAsync(user, stored, enrolment, ct);
            }
            previous.Add(observation);
            outcomes.Add((raised, null));
        }
        return outcomes;
    }
}
