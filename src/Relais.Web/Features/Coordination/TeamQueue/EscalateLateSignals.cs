using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Coordination.TeamQueue;

/// <summary>
/// Escalates the team items whose owner has not acknowledged them by their due time to the referring
/// physician (<see cref="TeamSignals.EscalationTarget"/>): a late row in his inbox and an e-mail. Each item
/// is escalated once; the reminders then follow both rows until one of them acknowledges.
/// </summary>
public sealed class EscalateLateSignals(RelaisDb db, Clock clock, IOptions<MailOptions> mail)
{
    /// <summary>Items escalated per pass; the worker passes again a minute later for the rest.</summary>
    private const int Batch = 200;

    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = clock.Now;
        var today = clock.Today;
        var late = await db.TransmissionRecipients
            .Where(r => r.AcknowledgedAt == null && r.DueAt <= now && r.EscalatedAt == null && r.Kind == RecipientKinds.SpecialistTeam && !r.IsEscalation)
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id)
            .Take(Batch)
            .ToListAsync(ct);
        // What the e-mails need, loaded once for the whole batch rather than item by item.
        var transmissionIds = late.Select(r => r.TransmissionId).Distinct().ToList();
        var patientIds = late.Select(r => r.PatientId).Distinct().ToList();
        var transmissions = mail.Value.Enabled
            ? await db.Transmissions.AsNoTracking().Where(t => transmissionIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct) : [];
        var patients = mail.Value.Enabled
            ? await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct) : [];
        foreach (var item in late)
        {
            var members = await TeamSignalQueries.ReachableMembersAsync(db, item.PatientId, today, ct);
            var target = TeamSignals.EscalationTarget(members, item.RecipientId);
            if (target is not { } physician)
            {
                // Nobody to escalate to: the item stays late in the queue, and is not looked at again.
                item.NoOneToEscalateTo(now);
                continue;
            }
            var row = item.EscalateTo(physician, now);
            db.TransmissionRecipients.Add(row);
            db.AuditEntries.Add(AuditEntry.Create(now, null, "system", item.PatientId, AuditActions.Write, "escalation", AuditOutcomes.Allowed,
                $"transmission={item.TransmissionId};owner={item.RecipientId};to={physician}"));
            if (!mail.Value.Enabled) continue;
            var person = await db.Users.AsNoTracking().Where(u => u.Id == physician).Select(u => u.Email).FirstOrDefaultAsync(ct);
            if (person is not { Length: > 0 } email) continue;
            var transmission = transmissions[item.TransmissionId];
            var patient = patients[item.PatientId];
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == item.RecipientId).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
            var (subject, body) = MailTexts.Escalation(patient, transmission, RelaisUser.NameOf(owner.FirstName, owner.LastName), mail.Value);
            db.OutboxMessages.Add(OutboxMessage.Create(item.PatientId, OutboxKind.Reminder, row.Id, physician, email, subject, body, null,
                transmission.Obligation.ToString(), mail.Value.Domain, now));
        }
        await db.SaveChangesAsync(ct);
        return late.Count;
    }
}
