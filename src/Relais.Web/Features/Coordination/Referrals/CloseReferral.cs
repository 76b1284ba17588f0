using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Referrals;

/// <summary>The team closes a referral: the patient was seen (done) or the request is withdrawn. Access was checked by the caller.</summary>
public sealed class CloseReferral(RelaisDb db, Clock clock)
{
    /// <returns>False when the patient has no such referral.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid referralId, bool done, CancellationToken ct)
    {
        var referral = await db.ReferralTasks.FirstOrDefaultAsync(r => r.Id == referralId && r.PatientId == patientId, ct);
        if (referral is null) return false;
        referral.Close(user.Id, clock.Now, done);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
