using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Identity;

/// <summary>
/// Asks the INSi teleservice to verify the patient's INS with the strict traits: verified, the identity is
/// recovered (qualified when a high-trust document was checked). The caller has the write right.
/// </summary>
public sealed class VerifyIdentityWithInsi(RelaisDb db, Clock clock, IInsiTeleservice insi)
{
    /// <returns>The teleservice's outcome; the identity changed only when it is <see cref="InsiOutcome.Verified"/>.</returns>
    public async Task<InsiOutcome> HandleAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
        var answer = await insi.VerifyAsync(new InsiQuery(patient.Ins, patient.BirthName, patient.FirstNames, patient.BirthDate, patient.Sex), ct);
        if (answer.Outcome == InsiOutcome.Unavailable) return answer.Outcome;
        if (answer.Outcome == InsiOutcome.NotRecognised)
            throw new DomainValidationException("ins", "Le téléservice INSi ne retrouve pas ce matricule avec ces traits d'identité : vérifiez-les sur une pièce d'identité.");
        var now = clock.Now;
        patient.InsVerifiedByInsi(answer.Oid ?? "", now);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "POST /api/patients/{id}/identity/insi", AuditOutcomes.Allowed, "insi-verified"));
        await db.SaveChangesAsync(ct);
        return answer.Outcome;
    }
}
