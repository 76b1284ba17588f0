using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>Body of POST /api/me/objections.</summary>
public sealed record ObjectionInput(Guid? ProfessionalId);

/// <summary>
/// A patient objects to sharing the record with one professional (PRODUCT.md §2): that professional
/// no longer reads it, even as a care-team member or through break-the-glass, until it is withdrawn.
/// </summary>
public sealed class RecordObjection(RelaisDb db, Clock clock)
{
    public async Task<AccessObjection> HandleAsync(CurrentUser user, ObjectionInput input, CancellationToken ct)
    {
        var patientId = OwnRecord.Of(user);
        if (input.ProfessionalId is not { } professionalId || !await db.Users.AnyAsync(u => u.Id == professionalId, ct))
            throw new DomainValidationException("professionalId", "Choisissez le professionnel concerné.");
        var now = clock.Now;
        var objection = AccessObjection.Record(patientId, professionalId, now);
        db.AccessObjections.Add(objection);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "POST /api/me/objections", AuditOutcomes.Allowed, "objection"));
        await db.SaveChangesAsync(ct);
        return objection;
    }
}
