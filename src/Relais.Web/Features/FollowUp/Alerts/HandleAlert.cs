using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Alerts;

/// <summary>A professional marks an alert as handled.</summary>
public sealed class HandleAlert(RelaisDb db, Clock clock)
{
    /// <summary>False when the patient has no such alert.</summary>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid alertId, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId && a.PatientId == patientId, ct);
        if (alert is null) return false;
        alert.Handle(user.Id, clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
