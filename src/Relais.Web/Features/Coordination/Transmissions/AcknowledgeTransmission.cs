using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Transmissions;

/// <summary>"Pris connaissance": only the recipient closes the loop (PRODUCT.md §4). Audited.</summary>
public sealed class AcknowledgeTransmission(RelaisDb db, Clock clock)
{
    /// <returns>False when the user is not a recipient of this transmission of the patient.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid transmissionId, CancellationToken ct)
    {
        var entry = await db.TransmissionRecipients.FirstOrDefaultAsync(r => r.TransmissionId == transmissionId && r.PatientId == patientId && r.RecipientId == user.Id, ct);
        if (entry is null) return false;
        entry.Acknowledge(clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "acknowledge", AuditOutcomes.Allowed, transmissionId.ToString()));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
