using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Web.Features.Access;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Professionals;

public sealed record ProfessionalListItem(Guid Id, string DisplayName, string? Rpps, string Specialty, string? Organisation, string? City);

/// <summary>The directory of professionals, to choose a GP or a care-team member. No patient data.</summary>
public static class ProfessionalsApi
{
    public static IEndpointRouteBuilder MapProfessionals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/professionals", List).WithTags("Professionnels")
            .RequireAuthorization()
            .DeclareNoPatientData("directory of professionals");
        return app;
    }

    public static async Task<List<ProfessionalListItem>> ListAsync(RelaisDb db, string? role, string? search, int take, CancellationToken ct)
    {
        var query = from u in db.Users.AsNoTracking()
                    join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                    from o in orgs.DefaultIfEmpty()
                    where u.IsActive
                    select new { u, o };
        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            query = query.Where(x => db.UserRoles.Any(ur => ur.UserId == x.u.Id && roleIds.Contains(ur.RoleId)));
        }
        else
        {
            var proRoleIds = db.Roles.Where(r => Roles.Professionals.Contains(r.Name!)).Select(r => r.Id);
            query = query.Where(x => db.UserRoles.Any(ur => ur.UserId == x.u.Id && proRoleIds.Contains(ur.RoleId)));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpper();
            query = query.Where(x => x.u.LastName.ToUpper().Contains(term) || x.u.FirstName.ToUpper().Contains(term) || x.u.Rpps == search.Trim());
        }
        var rows = await query.OrderBy(x => x.u.LastName).ThenBy(x => x.u.FirstName).Take(Math.Clamp(take, 1, 200))
            .Select(x => new { x.u.Id, x.u.FirstName, x.u.LastName, x.u.Rpps, x.u.Specialty, Org = x.o == null ? null : x.o.Name, City = x.o == null ? null : x.o.City })
            .ToListAsync(ct);
        return rows.Select(r => new ProfessionalListItem(r.Id, $"{r.FirstName} {r.LastName.ToUpperInvariant()}", r.Rpps, r.Specialty.ToString(), r.Org, r.City)).ToList();
    }

    private static async Task<Ok<List<ProfessionalListItem>>> List(string? role, string? search, int? take, RelaisDb db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, role, search, take ?? 50, ct));
}
