using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

public sealed record ObjectionDto(Guid Id, ProfessionalRef Professional, DateTimeOffset RecordedAt);

/// <summary>The objections a patient has in force: the professionals who may not read the record.</summary>
public sealed class ObjectionsQuery(RelaisDb db)
{
    public async Task<List<ObjectionDto>> GetAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await (
                from o in db.AccessObjections.AsNoTracking()
                join u in db.Users.AsNoTracking() on o.ProfessionalId equals u.Id
                join org in db.Organisations.AsNoTracking() on u.OrganisationId equals org.Id into orgs
                from org in orgs.DefaultIfEmpty()
                where o.PatientId == patientId && o.WithdrawnAt == null
                orderby o.RecordedAt, o.Id
                select new { o.Id, o.ProfessionalId, o.RecordedAt, u.FirstName, u.LastName, u.Rpps, u.Specialty, Org = org == null ? null : org.Name })
            .ToListAsync(ct);
        return rows.Select(r => new ObjectionDto(r.Id,
            new ProfessionalRef(r.ProfessionalId, RelaisUser.NameOf(r.FirstName, r.LastName), r.Rpps, r.Specialty, r.Org), r.RecordedAt)).ToList();
    }
}
