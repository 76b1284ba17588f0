using Relais.Web.Data;

namespace Relais.Web.Features.Admin;

/// <summary>
/// An administrator sends a parked e-mail again once its cause is fixed: it goes back to the outbox
/// for the next dispatch, its attempts counted afresh. Only a dead letter can be retried.
/// </summary>
public sealed class RetryDeadLetter(RelaisDb db, Clock clock)
{
    /// <returns>False when there is no such message.</returns>
    public async Task<bool> HandleAsync(Guid messageId, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FindAsync([messageId], ct);
        if (message is null) return false;
        message.Retry(clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
