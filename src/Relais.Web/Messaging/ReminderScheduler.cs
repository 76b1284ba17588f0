using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Messaging;

/// <summary>What a scan wants to remind: one thing, to one person, for one occurrence of its series.</summary>
/// <summary><paramref name="Title"/> is what the app shows (the patient is named beside it); <paramref name="Subject"/> and <paramref name="Body"/> are the e-mail's.</summary>
public sealed record ReminderRequest(ReminderKind Kind, Guid SubjectId, Guid RecipientUserId, int Occurrence, Guid PatientId, string? Email,
    string Title, string Subject, string Body, string Link, string? ObligationCode, Guid? TransmissionRecipientId);

/// <summary>
/// The one way Relais reminds anyone of anything (transmissions, carnet items, and those to come). Each scan
/// chooses what is due and calls <see cref="IssueAsync"/>: every reminder is a row that its recipient sees in
/// the app (<see cref="MyReminders"/>), with an e-mail in the outbox when mail is on and an address is known.
/// The row's unique key is the claim between instances; the outbox marks it sent only once delivered
/// (<see cref="MarkDeliveredAsync"/>).
/// </summary>
public sealed class ReminderScheduler(RelaisDb db, IOptions<MailOptions> mail)
{
    /// <summary>
    /// Adds the reminders and their e-mails to the caller's changes and commits them with the caller's own
    /// marks. When another instance issued one of them first, its unique key refuses this batch whole: nothing
    /// of it is written and 0 is returned; the next scan issues what is still due.
    /// </summary>
    public async Task<int> IssueAsync(IReadOnlyList<ReminderRequest> requests, DateTimeOffset now, CancellationToken ct)
    {
        Add(requests, now);
        try
        {
            await db.SaveChangesAsync(ct);
            return requests.Count;
        }
        catch (DbUpdateException ex) when (ProblemExceptionHandler.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Adds the reminders and their e-mails to the caller's unit of work, which commits them with what caused them.</summary>
    public void Add(IReadOnlyList<ReminderRequest> requests, DateTimeOffset now)
    {
        foreach (var r in requests)
        {
            OutboxMessage? message = null;
            if (mail.Value.Enabled && r.Email is { Length: > 0 } email)
            {
                message = OutboxMessage.Create(r.PatientId, OutboxKind.Reminder, r.TransmissionRecipientId, r.RecipientUserId, email, r.Subject, r.Body,
                    null, r.ObligationCode, mail.Value.Domain, now);
                db.OutboxMessages.Add(message);
            }
            db.Reminders.Add(Reminder.Issue(r.Kind, r.SubjectId, r.RecipientUserId, r.Occurrence, r.PatientId, r.Title, r.Link, message, now));
        }
    }

    /// <summary>The outbox's finished reminder e-mails: sent ones mark their reminder sent, dead ones failed. Saved with the outbox's batch.</summary>
    public async Task MarkDeliveredAsync(IReadOnlyList<(OutboxMessage Message, bool Failed)> finished, DateTimeOffset now, CancellationToken ct)
    {
        var ids = finished.Where(f => f.Message.Kind == OutboxKind.Reminder).Select(f => f.Message.Id).ToList();
        if (ids.Count == 0) return;
        var reminders = await db.Reminders.Where(r => r.OutboxMessageId != null && ids.Contains(r.OutboxMessageId.Value)).ToDictionaryAsync(r => r.OutboxMessageId!.Value, ct);
        foreach (var (message, failed) in finished)
        {
            if (!reminders.TryGetValue(message.Id, out var reminder)) continue;
            if (failed) reminder.MailFailed();
            else reminder.MailDelivered(message.SentAt ?? now);
        }
    }
}
