using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Protocols;

/// <summary>Ships the four protocols and the monitoring modules (issue 16), "to validate", each on a database that has none of its code yet.</summary>
public sealed class EnsureShippedProtocols(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CancellationToken ct = default)
    {
        var existing = await db.Protocols.Select(p => p.Code).Distinct().ToListAsync(ct);
        foreach (var draft in ShippedProtocols.CreateDrafts(clock.Now).Concat(ShippedModules.CreateDrafts(clock.Now)).Where(d => !existing.Contains(d.Code)))
            db.Protocols.Add(draft);
        await db.SaveChangesAsync(ct);
    }
}
