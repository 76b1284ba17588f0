using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>The patient lifts an objection: the professional reads the record again if the access rule allows it.</summary>
public sealed class WithdrawObjection(RelaisDb db, Clock clock)
{
    /// <returns>False when the caller's record has no such objection.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid objectionId, CancellationToken ct)
    {
        var patientId = OwnRecord.Of(user);
        var objection = await db.AccessObjections.FirstOrDefaultAsync(o => o.Id == objectionId && o.PatientId == patientId, ct);
        if (objection is null) return false;
        var now = clock.Now;
        objection.Withdraw(now);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "DELETE /api/me/objections", AuditOutcomes.Allowed, "objection-withdrawn"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
