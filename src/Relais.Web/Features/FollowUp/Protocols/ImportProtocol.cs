using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Protocols;

/// <summary>Imports a protocol as a new version to validate; every fault is reported with the item it concerns.</summary>
public sealed class ImportProtocol(RelaisDb db, Clock clock)
{
    public async Task<(ProtocolSummary? Created, IReadOnlyList<ProtocolError> Errors)> HandleAsync(string json, CancellationToken ct)
    {
        var import = ProtocolJson.Import(json);
        if (!import.IsValid) return (null, import.Errors);
        var definition = import.Definition!;
        var latest = await db.Protocols.Where(p => p.Code == definition.Code).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        // An export edited while someone imported a newer version would silently drop that version's changes: 409.
        if (latest is not null && definition.Version < latest.Version)
            throw new Domain.StaleVersionException("version", definition.Version, latest.Version);
        // An import is always a new version: an edited export of the latest keeps its number, so it is renumbered.
        if (latest is not null && definition.Version <= latest.Version) definition = definition with { Version = latest.Version + 1 };
        var protocol = latest is null ? SurveillanceProtocol.Draft(definition, clock.Now) : latest.Revise(definition, clock.Now);
        db.Protocols.Add(protocol);
        await db.SaveChangesAsync(ct);
        return (ProtocolQueries.Summary(protocol), []);
    }
}
