using Relais.Domain.Audit;
using Relais.Domain.Messaging;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Messages;

public sealed record MessageInput(ThreadKind? Thread, string? Body);

/// <summary>Posts to a patient's thread (<see cref="Threads"/>), audited; the author has read their own thread up to it. Access was checked by the caller.</summary>
public sealed class PostMessage(RelaisDb db, Clock clock, MarkThreadRead markRead)
{
    public async Task<ThreadMessage> HandleAsync(CurrentUser user, Guid patientId, MessageInput input, CancellationToken ct)
    {
        var thread = input.Thread ?? Threads.DefaultFor(user);
        Threads.EnsureAllowed(user, thread);
        var message = ThreadMessage.Post(patientId, thread, user.Id, input.Body, clock.Now);
        db.ThreadMessages.Add(message);
        await markRead.MarkAsync(user, patientId, thread, message.SentAt, ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "message", AuditOutcomes.Allowed, thread.ToString()));
        await db.SaveChangesAsync(ct);
        return message;
    }
}
