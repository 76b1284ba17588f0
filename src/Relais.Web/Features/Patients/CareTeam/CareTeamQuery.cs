using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.CareTeam;

/// <summary>A patient's care team, current members first. The caller has passed the access rule.</summary>
public sealed class CareTeamQuery(RelaisDb db, Clock clock)
{
    public async Task<IReadOnlyList<CareTeamMemberDto>> GetAsync(Guid patientId, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await (
                from m in db.CareTeamMembers.AsNoTracking()
                join u in db.Users.AsNoTracking() on m.ProfessionalId equals u.Id
                join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                where m.PatientId == patientId
                orderby m.From, m.Id
                select new { m, u.FirstName, u.LastName, u.Rpps, u.Specialty, Org = o == null ? null : o.Name })
            .ToListAsync(ct);
        return rows.Select(r => new CareTeamMemberDto(r.m.Id,
                new ProfessionalRef(r.m.ProfessionalId, RelaisUser.NameOf(r.FirstName, r.LastName), r.Rpps, r.Specialty, r.Org),
                r.m.Role, r.m.From, r.m.To, r.m.IsActiveNow(today)) { Version = r.m.Version })
            .OrderByDescending(r => r.Active).ThenBy(r => r.Role)
            .ToList();
    }
}
