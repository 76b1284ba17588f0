using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Transmissions;

/// <summary>
/// "Pris connaissance": only the recipient closes the loop (PRODUCT.md §4). For the team's queue
/// (<see cref="TeamSignals"/>) the owner's acknowledgement, or that of the physician the item was escalated
/// to, takes the one team item in charge: both rows close. Audited.
/// </summary>
public sealed class AcknowledgeTransmission(RelaisDb db, Clock clock)
{
    /// <returns>False when the user is not a recipient of this transmission of the patient.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid transmissionId, CancellationToken ct)
    {
        var rows = await db.TransmissionRecipients
            .Where(r => r.TransmissionId == transmissionId && r.PatientId == patientId && (r.RecipientId == user.Id || r.Kind == RecipientKinds.SpecialistTeam))
            .ToListAsync(ct);
        var entry = rows.FirstOrDefault(r => r.RecipientId == user.Id);
        if (entry is null) return false;
        var now = clock.Now;
        entry.Acknowledge(now);
        if (entry.Kind == RecipientKinds.SpecialistTeam)
            foreach (var teamRow in rows.Where(r => r.Kind == RecipientKinds.SpecialistTeam)) teamRow.Acknowledge(now);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "acknowledge", AuditOutcomes.Allowed, transmissionId.ToString()));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
