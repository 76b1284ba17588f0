using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Triage;

/// <summary>A member of the team takes a triage alert in charge: it stops counting towards escalation.</summary>
public sealed class AcknowledgeSymptomAlert(RelaisDb db, Clock clock)
{
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid alertId, CancellationToken ct)
    {
        var alert = await db.SymptomAlerts.FirstOrDefaultAsync(a => a.Id == alertId && a.PatientId == patientId, ct);
        if (alert is null) return false;
        alert.Acknowledge(user.Id, clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "symptom-alert-acknowledged", AuditOutcomes.Allowed, $"alert={alertId}"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
