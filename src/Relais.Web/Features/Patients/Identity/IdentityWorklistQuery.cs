using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Identity;

/// <summary>A line of the identity-vigilance worklist: the record, what is wrong, who raised it.</summary>
public sealed record IdentityAlertDto(
    Guid Id, IdentityAlertKind Kind, Guid PatientId, string PatientName, DateOnly BirthDate, Sex Sex, string Ins, Guid? OtherPatientId,
    string? Reason, string RaisedBy, DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt, string? Resolution);

/// <summary>
/// The identity-vigilance referent's worklist (RNIV): confirmed mismatches between an INS and the identity,
/// and records given an INS another record holds. Each patient named on it is audited, like any list.
/// </summary>
public sealed class IdentityWorklistQuery(RelaisDb db, TimeProvider time)
{
        /// <summary>A screenful a referent can work through; the total says when there are more.</summary>
    public const int MaxItems = 500;

    public async Task<Capped<IdentityAlertDto>> ListAsync(CurrentUser user, bool includeClosed, CancellationToken ct)
    {
        var rows = await (
                from a in db.IdentityAlerts.AsNoTracking()
                join p in db.Patients.AsNoTracking() on a.PatientId equals p.Id
                join u in db.Users.AsNoTracking() on a.RaisedBy equals u.Id
                where includeClosed || a.ClosedAt == null
                orderby a.RaisedAt descending
                select new { a, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, p.Sex, u.FirstName, u.LastName })
            .ToCappedAsync(MaxItems, ct);
        var now = time.GetUtcNow();
        foreach (var patientId in rows.Items.Select(r => r.a.PatientId).Distinct())
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.List, "GET /api/identity-vigilance", AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new(rows.Items.Select(r => new IdentityAlertDto(r.a.Id, r.a.Kind, r.a.PatientId, PatientName.Of(r.BirthName, r.UsedName, r.FirstNames), r.BirthDate, r.Sex,
            r.a.Ins, r.a.OtherPatientId, r.a.Reason, RelaisUser.NameOf(r.FirstName, r.LastName), r.a.RaisedAt, r.a.ClosedAt, r.a.Resolution)).ToList(), rows.Total);
    }
}
