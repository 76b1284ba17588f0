using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>Who accessed the record and when: what the patient is shown (PRODUCT.md §2).</summary>
public sealed class AccessLogQuery(RelaisDb db)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<AccessLogEntry>> GetAsync(Guid patientId, int take, CancellationToken ct)
    {
        var rows = await (
                from a in db.AuditEntries.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.ActorId equals u.Id into us
                from u in us.DefaultIfEmpty()
                where a.PatientId == patientId
                orderby a.Id descending
                select new { a.At, a.Action, a.Outcome, a.ActorRole, First = u == null ? null : u.FirstName, Last = u == null ? null : u.LastName })
            .Take(Math.Clamp(take, 1, MaxTake))
            .ToListAsync(ct);
        return rows.Select(r => new AccessLogEntry(r.At, r.Last is null ? "Inconnu" : RelaisUser.NameOf(r.First!, r.Last),
            // The role as the API writes every code, in kebab-case ("general-practitioner"), not the stored role name.
            r.ActorRole is null ? null : Admin.Users.AccountLabels.RoleCode(r.ActorRole), r.Action, r.Outcome)).ToList();
    }
}
