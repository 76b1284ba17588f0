using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Alerts;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination.TeamQueue;
using Relais.Web.Features.Symptoms.Responses;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Symptoms.Triage;

/// <summary>
/// Escalates, at any hour, the urgent triage alerts no one acknowledged within <c>Symptoms:EscalationMinutes</c> to the
/// physician on call of the patient's centre (<see cref="OnCallShift"/>), else to the team's referring physician: a
/// reminder in the app and an e-mail. Run every minute by the background scheduler, on the app's clock.
/// </summary>
public sealed class EscalateUrgentAlerts(RelaisDb db, Clock clock, UnitContacts contacts, ReminderScheduler reminders, IOptions<MailOptions> mail)
{
    /// <summary>Alerts escalated per pass; the scheduler passes again a minute later for the rest.</summary>
    private const int Batch = 100;

    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = clock.Now;
        var before = now - contacts.EscalationDelay;
        var urgent = QuestionnaireEvaluation.Rank(AlertSeverity.Urgent);
        var due = await db.SymptomAlerts
            .Where(a => a.Rank == urgent && a.AcknowledgedAt == null && a.EscalatedAt == null && a.ActionAt == null && a.RaisedAt <= before)
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(Batch).ToListAsync(ct);
        var requests = new List<ReminderRequest>();
        foreach (var alert in due)
        {
            var centre = await contacts.CentreAsync(alert.PatientId, ct);
            var shifts = centre is null ? [] : await db.OnCallShifts.AsNoTracking().Where(s => s.OrganisationId == centre.Id && s.Starts <= now && s.Ends > now).ToListAsync(ct);
            var physician = OnCallShift.PhysicianAt(shifts, now)
                ?? TeamSignals.EscalationTarget(await TeamSignalQueries.ReachableMembersAsync(db, alert.PatientId, clock.Today, ct), Guid.Empty);
            alert.EscalateTo(physician, now);
            db.AuditEntries.Add(AuditEntry.Create(now, null, "system", alert.PatientId, AuditActions.Write, "symptom-alert-escalated", AuditOutcomes.Allowed,
                $"alert={alert.Id};to={physician?.ToString() ?? "none"}"));
            if (physician is not { } to) continue;
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == alert.PatientId, ct);
            var email = await db.Users.AsNoTracking().Where(u => u.Id == to).Select(u => u.Email).FirstOrDefaultAsync(ct);
            var (subject, body) = SymptomMailTexts.Escalation(patient, alert, mail.Value);
            requests.Add(new ReminderRequest(ReminderKind.SymptomAlertEscalated, alert.Id, to, 0, alert.PatientId, email,
                "Alerte urgente non prise en charge : vous êtes de garde", subject, body, $"/triage/{alert.Id}", null, null));
        }
        reminders.Add(requests, now);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
