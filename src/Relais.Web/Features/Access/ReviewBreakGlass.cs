using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>Body of POST /api/admin/break-glass/{grantId}/review.</summary>
public sealed record ReviewInput(string? Note);

/// <summary>An administrator reviews an emergency access after the fact (every one is flagged for review).</summary>
public sealed class ReviewBreakGlass(RelaisDb db, Clock clock)
{
    /// <returns>False when there is no such emergency access.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid grantId, string? note, CancellationToken ct)
    {
        var grant = await db.BreakGlassGrants.FirstOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return false;
        grant.Review(user.Id, note, clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
