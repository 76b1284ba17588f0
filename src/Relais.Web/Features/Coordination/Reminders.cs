using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Coordination;

/// <summary>
/// Reminds recipients who have not acknowledged a transmission: once the day before it is due,
/// then every two days while it is late (PRODUCT.md §4: no obligation may be satisfied silently).
/// </summary>
public sealed class Reminders(RelaisDb db, TimeProvider time, IOptions<MailOptions> mail)
{
    /// <summary>
    /// The most one scan reminds, the soonest due first; what remains is taken by the next scans, since a
    /// reminded row leaves the query.
    /// </summary>
    public const int BatchSize = 500;

    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var horizon = now + TransmissionRules.ReminderBefore;
        var lateAgain = now - TransmissionRules.ReminderAfterInterval;
        var due = await db.TransmissionRecipients
            .Where(r => r.AcknowledgedAt == null && r.DueAt <= horizon
                && ((r.DueAt > now && r.ReminderBeforeAt == null) || (r.DueAt <= now && (r.ReminderAfterAt == null || r.ReminderAfterAt <= lateAgain))))
            .OrderBy(r => r.DueAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var transmissionIds = due.Select(r => r.TransmissionId).Distinct().ToList();
        var transmissions = await db.Transmissions.AsNoTracking().Where(t => transmissionIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var patientIds = transmissions.Values.Select(t => t.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var userIds = due.Select(r => r.RecipientId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        foreach (var r in due)
        {
            var late = r.DueAt <= now;
            if (late) r.RemindedAfter(now); else r.RemindedBefore(now);
            if (r.Kind == RecipientKinds.Patient || emails.GetValueOrDefault(r.RecipientId) is not { Length: > 0 } email || !mail.Value.Enabled) continue;
            var t = transmissions[r.TransmissionId];
            var (subject, body) = MailTexts.Reminder(patients[t.PatientId], t, late, mail.Value);
            db.OutboxMessages.Add(OutboxMessage.Create(t.PatientId, OutboxKind.Reminder, r.Id, r.RecipientId, email, subject, body, null, t.Obligation.ToString(), mail.Value.Domain, now));
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
