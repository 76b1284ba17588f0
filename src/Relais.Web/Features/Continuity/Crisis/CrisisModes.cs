using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Continuity.Crisis;

public sealed record CrisisTerritory(string Code, string Name, bool Active, DateTimeOffset? Since);

public sealed record CrisisTerritories(IReadOnlyList<CrisisTerritory> Territories);

/// <summary>
/// Which territories (living areas) are in crisis, and whether the signed-in person's is: a professional's territory is
/// the area of the postcode of the establishment their account belongs to.
/// </summary>
public sealed class CrisisModes(RelaisDb db)
{
    public async Task<CrisisTerritories> HandleAsync(CancellationToken ct)
    {
        var areas = await db.LivingAreas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var active = await db.CrisisPeriods.AsNoTracking().Where(c => c.EndedAt == null).ToDictionaryAsync(c => c.AreaCode, c => c.StartedAt, ct);
        return new CrisisTerritories(areas.Select(a => new CrisisTerritory(a.Code, a.Name, active.ContainsKey(a.Code), active.TryGetValue(a.Code, out var s) ? s : null)).ToList());
    }

    /// <summary>The crisis of the caller's territory, if one is on: its territory's name and since when.</summary>
    public async Task<CrisisTerritory?> OfUserAsync(CurrentUser user, CancellationToken ct) =>
        await (from u in db.Users.AsNoTracking()
               where u.Id == user.Id
               join o in db.Organisations on u.OrganisationId equals o.Id
               join c in db.Communes on o.PostalCode equals c.Postcode
               join p in db.CrisisPeriods on c.AreaCode equals p.AreaCode
               where p.EndedAt == null
               join a in db.LivingAreas on p.AreaCode equals a.Code
               select new CrisisTerritory(a.Code, a.Name, true, p.StartedAt)).FirstOrDefaultAsync(ct);
}
