using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Coordination;

/// <summary>
/// Reminds recipients who have not acknowledged a transmission: once the day before it is due,
/// then every two days while it is late (PRODUCT.md §4: no obligation may be satisfied silently). The
/// reminders go through the one <see cref="ReminderScheduler"/>: issued once across instances, shown in the app,
/// marked sent when delivered. Returns the number issued by this scan.
/// </summary>
public sealed class Reminders(RelaisDb db, TimeProvider time, IOptions<MailOptions> mail, ReminderScheduler scheduler)
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
        var requests = new List<ReminderRequest>(due.Count);
        foreach (var r in due)
        {
            var late = r.DueAt <= now;
            if (late) r.RemindedAfter(now); else r.RemindedBefore(now);
            var t = transmissions[r.TransmissionId];
            var (subject, body) = MailTexts.Reminder(patients[t.PatientId], t, late, mail.Value);
            // The patient reads their transmissions in their own record, not by e-mail.
            var email = r.Kind == RecipientKinds.Patient ? null : emails.GetValueOrDefault(r.RecipientId);
            var link = r.Kind == RecipientKinds.Patient ? "/mon-dossier" : $"/patients/{t.PatientId}/transmissions/{t.Id}";
            requests.Add(new ReminderRequest(late ? ReminderKind.TransmissionLate : ReminderKind.TransmissionBeforeDue, r.Id, r.RecipientId,
                late ? TransmissionRules.LateReminderOccurrence(r.DueAt, now) : 0, t.PatientId, email,
                $"{t.Obligation} — {t.Title}{(late ? " (en retard)" : "")}", subject, body, link, t.Obligation.ToString(), r.Id));
        }
        return await scheduler.IssueAsync(requests, now, ct);
    }
}
