using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Identity;

/// <summary>Body of POST /api/patients/{id}/identity/document: the document checked and when (today when absent).</summary>
public sealed record IdentityDocumentInput(IdentityDocumentKind? Kind, DateOnly? CheckedOn);

/// <summary>
/// A professional records the high-trust identity document checked against the identity (RNIV): validated, or
/// qualified after INSi. The checker is the caller. The caller has the write right.
/// </summary>
public sealed class CheckIdentityDocument(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CurrentUser user, Guid patientId, IdentityDocumentInput input, CancellationToken ct)
    {
        var kind = input.Kind ?? throw new DomainValidationException("kind", "Indiquez le justificatif d'identité vérifié.");
        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
        var now = clock.Now;
        patient.IdentityDocumentChecked(kind, user.Id, input.CheckedOn ?? clock.Today, clock.Today, now);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "POST /api/patients/{id}/identity/document", AuditOutcomes.Allowed, "identity-document-checked"));
        await db.SaveChangesAsync(ct);
    }
}
