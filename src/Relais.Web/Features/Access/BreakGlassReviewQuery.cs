using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

public sealed record BreakGlassReviewItem(Guid Id, Guid PatientId, string Professional, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReviewedAt, string? ReviewNote);

/// <summary>The emergency accesses to review, newest first; the patient is shown by identifier only.</summary>
public sealed class BreakGlassReviewQuery(RelaisDb db)
{
    public const int MaxItems = 200;

    public async Task<List<BreakGlassReviewItem>> ListAsync(bool pendingOnly, CancellationToken ct)
    {
        var rows = await (
                from g in db.BreakGlassGrants.AsNoTracking()
                join u in db.Users.AsNoTracking() on g.ProfessionalId equals u.Id
                where !pendingOnly || g.ReviewedAt == null
                orderby g.GrantedAt descending
                select new { g, u.FirstName, u.LastName })
            .Take(MaxItems).ToListAsync(ct);
        return rows.Select(r => new BreakGlassReviewItem(r.g.Id, r.g.PatientId, RelaisUser.NameOf(r.FirstName, r.LastName), r.g.Reason,
            r.g.GrantedAt, r.g.ExpiresAt, r.g.ReviewedAt, r.g.ReviewNote)).ToList();
    }
}
