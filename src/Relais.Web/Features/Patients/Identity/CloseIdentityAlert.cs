using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Identity;

/// <summary>Body of POST /api/identity-vigilance/{alertId}/close: what the referent did.</summary>
public sealed record CloseIdentityAlertInput(string? Resolution);

/// <summary>
/// The referent closes a line of the worklist; once a record has no open line, its flags drop (the checks
/// made stay) and its identity can be recovered and qualified again.
/// </summary>
public sealed class CloseIdentityAlert(RelaisDb db, Clock clock)
{
    /// <returns>False when there is no such line.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid alertId, CloseIdentityAlertInput input, CancellationToken ct)
    {
        var alert = await db.IdentityAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return false;
        var now = clock.Now;
        alert.Close(user.Id, input.Resolution, now);
        if (!await db.IdentityAlerts.AnyAsync(a => a.PatientId == alert.PatientId && a.Id != alert.Id && a.ClosedAt == null, ct))
            (await db.Patients.FirstAsync(p => p.Id == alert.PatientId, ct)).IdentityReviewed(now);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, alert.PatientId, AuditActions.Write, "POST /api/identity-vigilance/{id}/close", AuditOutcomes.Allowed, "identity-alert-closed"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
