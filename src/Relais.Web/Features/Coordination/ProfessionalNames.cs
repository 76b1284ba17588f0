using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination;

/// <summary>The display names of a set of users, read in one query and formatted in memory.</summary>
public static class ProfessionalNames
{
    /// <summary>"Claire MARTIN" (<see cref="RelaisUser.NameOf"/>): SQLite's upper() is ASCII-only, so the capitals are put in memory.</summary>
    public static async Task<Dictionary<Guid, string>> OfAsync(RelaisDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        // No one to name: no query (a patient page asks for the authors of sections that are often empty).
        if (set.Count == 0) return [];
        var rows = await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct);
        return rows.ToDictionary(u => u.Id, u => RelaisUser.NameOf(u.FirstName, u.LastName));
    }
}
