using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.PalliativeCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Palliative;

/// <summary>Body of POST /api/patients/{id}/palliative/caregivers.</summary>
public sealed record CaregiverInput(string? Name, string? Relationship, string? Phone, string? Email, bool? IsTrustedPerson, string? Note);

/// <summary>Identifies the patient's caregivers on the record, and removes one (issue 13 point 6, [G] §2.6); each change audited.</summary>
public sealed class ManageCaregivers(RelaisDb db, Clock clock)
{
    public async Task<CaregiverDto> AddAsync(CurrentUser user, Guid patientId, CaregiverInput input, CancellationToken ct)
    {
        var caregiver = CaregiverContact.Record(patientId, input.Name, input.Relationship, input.Phone, input.Email, input.IsTrustedPerson == true, input.Note, user.Id, clock.Now);
        db.CaregiverContacts.Add(caregiver);
        Audit(user, patientId, caregiver.Id, "added");
        await db.SaveChangesAsync(ct);
        return PalliativeQuery.Dto(caregiver);
    }

    public async Task<bool> RemoveAsync(CurrentUser user, Guid patientId, Guid caregiverId, CancellationToken ct)
    {
        var caregiver = await db.CaregiverContacts.FirstOrDefaultAsync(c => c.Id == caregiverId && c.PatientId == patientId, ct);
        if (caregiver is null) return false;
        caregiver.Remove(clock.Now);
        Audit(user, patientId, caregiver.Id, "removed");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Audit(CurrentUser user, Guid patientId, Guid id, string what) =>
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "caregiver", AuditOutcomes.Allowed, $"{id} {what}"));
}
