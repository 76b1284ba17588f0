using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients;

/// <summary>
/// One record per INS, without an existence oracle (SECURITY.md §1): giving a record an INS that another
/// record holds answers 409 with a link only to a caller the access rule lets read that record. Anyone else
/// gets the answer a free INS gets, and the new record is flagged for the identity-vigilance referent, who
/// reconciles the two (RNIV). Either way the access rule's check of the other record is audited.
/// </summary>
public sealed class InsDuplicates(RelaisDb db, PatientAccess access)
{
    /// <returns>The record already holding <paramref name="ins"/> when the caller may not read it; null when the INS is free.</returns>
    /// <remarks>Runs before the caller's changes are tracked: a refused check commits its audit row alone.</remarks>
    public async Task<Guid?> CheckAsync(CurrentUser user, string ins, Guid? except, string resource, CancellationToken ct)
    {
        var holder = await db.Patients.AsNoTracking()
            .Where(p => p.Ins == ins && p.SuspectedDuplicateSince == null && (except == null || p.Id != except))
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (holder is not { } id) return null;
        var decision = await access.CheckAsync(user, id, AccessKind.Read, resource, ct);
        if (decision.Granted)
            throw new LinkedConflictException("ins", "Un dossier porte déjà ce matricule INS : ouvrez-le plutôt que d'en créer un second.", $"/api/patients/{id}");
        return id;
    }

    /// <summary>Flags <paramref name="patient"/> as a suspected duplicate of <paramref name="holder"/> and puts it on the referent's worklist, audited.</summary>
    public void Flag(CurrentUser user, Patient patient, Guid holder, string resource, DateTimeOffset now)
    {
        patient.SuspectDuplicate(now);
        db.IdentityAlerts.Add(IdentityAlert.Raise(patient.Id, IdentityAlertKind.SuspectedDuplicate, patient.Ins, null, holder, user.Id, now));
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patient.Id, AuditActions.Write, resource, AuditOutcomes.Allowed, "identity-vigilance:suspected-duplicate"));
    }

    /// <summary>A mismatch the user confirmed goes to the referent's worklist, audited.</summary>
    public void ReportMismatch(CurrentUser user, Patient patient, string resource, DateTimeOffset now)
    {
        db.IdentityAlerts.Add(IdentityAlert.Raise(patient.Id, IdentityAlertKind.ConfirmedMismatch, patient.Ins, patient.IdentityMismatchReason, null, user.Id, now));
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patient.Id, AuditActions.Write, resource, AuditOutcomes.Allowed, "identity-vigilance:confirmed-mismatch"));
    }
}
