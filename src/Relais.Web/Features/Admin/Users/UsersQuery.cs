using Microsoft.EntityFrameworkCore;
using Relais.Domain.Accounts;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Admin.Users;

/// <summary>An account as the administrators' list shows it; roles in the API's kebab-case ("general-practitioner").</summary>
public sealed record UserListItem(Guid Id, string Email, string FirstName, string LastName, string DisplayName, IReadOnlyList<string> Roles,
    Specialty Specialty, string? Rpps, Guid? OrganisationId, string? Organisation, AccountStatus Status, bool TwoFactorEnabled);

public sealed record UserPage(IReadOnlyList<UserListItem> Items, int Total, int Page, int PageSize);

public sealed record OrganisationOption(Guid Id, string Name);

/// <summary>The accounts, for administrators: by name, e-mail or RPPS/ADELI number, a page at a time. No patient data.</summary>
public sealed class UsersQuery(RelaisDb db)
{
    public const int MaxPageSize = 100;

    public Task<UserPage> ListAsync(string? search, int page, int pageSize, CancellationToken ct) =>
        PageAsync(Matching(db.Users.AsNoTracking(), search), page, pageSize, ct);

    public async Task<UserListItem?> FindAsync(Guid id, CancellationToken ct) =>
        (await PageAsync(db.Users.AsNoTracking().Where(u => u.Id == id), 1, 1, ct)).Items is [var found] ? found : null;

    private async Task<UserPage> PageAsync(IQueryable<RelaisUser> query, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var rows = await (from u in query
                          join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                          from o in orgs.DefaultIfEmpty()
                          orderby u.LastName, u.FirstName, u.Id
                          select new
                          {
                              u.Id, u.Email, u.FirstName, u.LastName, u.Specialty, u.Rpps, u.OrganisationId, Org = o == null ? null : o.Name,
                              u.IsActive, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled,
                          })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await (from ur in db.UserRoles.AsNoTracking()
                            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var items = rows.Select(r => new UserListItem(r.Id, r.Email ?? "", r.FirstName, r.LastName, RelaisUser.NameOf(r.FirstName, r.LastName),
            roles[r.Id].Select(AccountLabels.RoleCode).Order(StringComparer.Ordinal).ToList(), r.Specialty, r.Rpps, r.OrganisationId, r.Org,
            AccountRules.StatusOf(r.IsActive, r.HasPassword), r.TwoFactorEnabled)).ToList();
        return new UserPage(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<OrganisationOption>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>
    /// Every word must appear in the name, the e-mail or the identifier, in any order ("martin claire"),
    /// whatever the case: ILIKE on PostgreSQL; on SQLite, LIKE, whose case folding covers ASCII letters
    /// only, so an accented letter is matched as typed ("lemaître" finds Lemaître, as upper() would not).
    /// </summary>
    private IQueryable<RelaisUser> Matching(IQueryable<RelaisUser> query, string? search)
    {
        foreach (var word in (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var pattern = "%" + word.Replace("\\", "").Replace("%", "").Replace("_", "") + "%";
            var upper = word.ToUpperInvariant();
            query = db.IsPostgres
                ? query.Where(u => EF.Functions.ILike(u.LastName, pattern) || EF.Functions.ILike(u.FirstName, pattern)
                    || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || (u.Rpps != null && u.Rpps.StartsWith(upper)))
                : query.Where(u => EF.Functions.Like(u.LastName, pattern) || EF.Functions.Like(u.FirstName, pattern)
                    || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || (u.Rpps != null && u.Rpps.StartsWith(upper)));
        }
        return query;
    }
}
