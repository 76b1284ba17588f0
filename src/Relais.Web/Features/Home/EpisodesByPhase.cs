using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Web.Data;

namespace Relais.Web.Features.Home;

public sealed record PhaseCount(PathwayPhase Phase, int Count);

/// <summary>
/// The 3C's indicator: how many cancer episodes are at each phase of the pathway, every phase listed
/// (zero included). An aggregate, with no nominative data.
/// </summary>
public sealed class EpisodesByPhase(RelaisDb db)
{
    public async Task<IReadOnlyList<PhaseCount>> GetAsync(CancellationToken ct)
    {
        var rows = await db.Episodes.GroupBy(e => e.Phase).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<PathwayPhase>().Select(p => new PhaseCount(p, rows.FirstOrDefault(r => r.Key == p)?.Count ?? 0)).ToList();
    }
}
