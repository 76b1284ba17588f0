using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Transmissions;

/// <summary>Opening a transmission marks it read for its recipient (read is not acknowledged).</summary>
public sealed class MarkTransmissionRead(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CurrentUser user, Guid transmissionId, CancellationToken ct)
    {
        var entry = await db.TransmissionRecipients.FirstOrDefaultAsync(r => r.TransmissionId == transmissionId && r.RecipientId == user.Id, ct);
        if (entry is null || entry.ReadAt is not null) return;
        entry.MarkRead(clock.Now);
        await db.SaveChangesAsync(ct);
    }
}
