using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>Body of POST /api/break-glass: the patient and the written reason.</summary>
public sealed record BreakGlassInput(Guid? PatientId, string? Reason);

/// <summary>The answer, the same whether or not the access was granted: the emergency form is no directory.</summary>
public sealed record BreakGlassAnswer(DateTimeOffset ExpiresAt, string Message);

/// <summary>What the caller may do next: open the record when <see cref="GrantedPatientId"/> is set.</summary>
public sealed record BreakGlassOutcome(BreakGlassAnswer Answer, Guid? GrantedPatientId);

/// <summary>
/// Break-the-glass (PRODUCT.md §2): emergency access for a professional outside the care team, with a
/// written reason, for four hours, audited, flagged for review and shown to the patient. The patient's
/// objection to this professional still applies. A patient that does not exist gets the same answer.
/// </summary>
public sealed class OpenBreakGlass(RelaisDb db, Clock clock)
{
    private const string Message = "Accès d'urgence enregistré : il sera revu et le patient en sera informé.";

    public async Task<BreakGlassOutcome> HandleAsync(CurrentUser user, BreakGlassInput input, CancellationToken ct)
    {
        if (input.PatientId is not { } patientId)
            throw new DomainValidationException("patientId", "Le patient est obligatoire.");
        var now = clock.Now;
        var grant = BreakGlassGrant.Open(patientId, user.Id, input.Reason, now);
        var exists = await db.Patients.AnyAsync(p => p.Id == patientId, ct);
        var objection = exists && await db.AccessObjections.AnyAsync(o => o.PatientId == patientId && o.ProfessionalId == user.Id && o.WithdrawnAt == null, ct);
        var granted = exists && !objection;
        if (granted) db.BreakGlassGrants.Add(grant);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.BreakGlass, "POST /api/break-glass",
            granted ? AuditOutcomes.BreakGlass : AuditOutcomes.Denied, exists ? (objection ? "objection" : "granted") : "not-found"));
        await db.SaveChangesAsync(ct);
        return new BreakGlassOutcome(new BreakGlassAnswer(grant.ExpiresAt, Message), granted ? patientId : null);
    }

    /// <summary>The web form names the patient by INS: an unknown INS is audited as a denial, like an unknown id.</summary>
    public async Task<BreakGlassOutcome> HandleByInsAsync(CurrentUser user, string? ins, string? reason, CancellationToken ct)
    {
        var number = InsNumber.Parse(ins);
        var patientId = await db.Patients.Where(p => p.Ins == number.Value && p.SuspectedDuplicateSince == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        return await HandleAsync(user, new BreakGlassInput(patientId ?? Guid.Empty, reason), ct);
    }
}
