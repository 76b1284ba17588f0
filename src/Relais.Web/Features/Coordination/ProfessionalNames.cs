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
        var rows = await RowsAsync(db, ids, ct);
        return rows.ToDictionary(u => u.Id, u => RelaisUser.NameOf(u.FirstName, u.LastName));
    }

    /// <summary>
    /// "Claire Martin": the form the documents list and the referrals list still show, until the
    /// browser journeys that read those lists move to <see cref="RelaisUser.NameOf"/> with them.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> AsWrittenAsync(RelaisDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var rows = await RowsAsync(db, ids, ct);
        return rows.ToDictionary(u => u.Id, u => $"{u.FirstName} {u.LastName}");
    }

    private static async Task<List<(Guid Id, string FirstName, string LastName)>> RowsAsync(RelaisDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct);
        return rows.Select(u => (u.Id, u.FirstName, u.LastName)).ToList();
    }
}
