using Relais.Domain.Professionals;
using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Professionals;

public sealed record ProfessionalListItem(Guid Id, string DisplayName, string? Rpps, Specialty Specialty, string? Organisation, string? City);

/// <summary>The directory of professionals, to choose a GP or a care-team member, and to name one. No patient data.</summary>
public sealed class ProfessionalDirectory(RelaisDb db)
{
    public const int MaxTake = 200;

    /// <summary>Active accounts with the given role (any professional role when none), by name or RPPS number.</summary>
    public async Task<List<ProfessionalListItem>> ListAsync(string? role, string? search, int take, CancellationToken ct)
    {
        var query = from u in db.Users.AsNoTracking()
                    join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                    from o in orgs.DefaultIfEmpty()
                    where u.IsActive
                    select new { u, o };
        var roleIds = string.IsNullOrWhiteSpace(role)
            ? db.Roles.Where(r => Roles.Professionals.Contains(r.Name!)).Select(r => r.Id)
            : db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        query = query.Where(x => db.UserRoles.Any(ur => ur.UserId == x.u.Id && roleIds.Contains(ur.RoleId)));
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Translated to SQL upper(): the culture overloads the analyzers ask for have no translation.
#pragma warning disable CA1304, CA1311, CA1862
            var term = search.Trim().ToUpper();
            query = query.Where(x => x.u.LastName.ToUpper().Contains(term) || x.u.FirstName.ToUpper().Contains(term) || x.u.Rpps == search.Trim());
#pragma warning restore CA1304, CA1311, CA1862
        }
        var rows = await query.OrderBy(x => x.u.LastName).ThenBy(x => x.u.FirstName).Take(Math.Clamp(take, 1, MaxTake))
            .Select(x => new { x.u.Id, x.u.FirstName, x.u.LastName, x.u.Rpps, x.u.Specialty, Org = x.o == null ? null : x.o.Name, City = x.o == null ? null : x.o.City })
            .ToListAsync(ct);
        return rows.Select(r => new ProfessionalListItem(r.Id, RelaisUser.NameOf(r.FirstName, r.LastName), r.Rpps, r.Specialty, r.Org, r.City)).ToList();
    }

    /// <summary>One professional, as a patient's record names them (GP, care-team member, objection).</summary>
    public async Task<ProfessionalRef?> FindAsync(Guid id, CancellationToken ct)
    {
        var r = await (
                from u in db.Users.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                where u.Id == id
                select new { u.Id, u.FirstName, u.LastName, u.Rpps, u.Specialty, Org = o == null ? null : o.Name })
            .FirstOrDefaultAsync(ct);
        return r is null ? null : new ProfessionalRef(r.Id, RelaisUser.NameOf(r.FirstName, r.LastName), r.Rpps, r.Specialty, r.Org);
    }
}
