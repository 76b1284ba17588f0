using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Patients.CareTeam;

/// <summary>
/// Body of POST /api/patients/{id}/care-team/{memberId}/end: the last day of participation, today when absent;
/// the membership's version (or If-Match) refuses a change made from an older state.
/// </summary>
public sealed record EndMembershipInput(DateOnly? To, int? Version = null);

/// <summary>Ends a care-team membership: after its last day, the professional no longer reads the record.</summary>
public sealed class EndMembership(RelaisDb db, Clock clock)
{
    /// <returns>False when the patient's team has no such member.</returns>
    public async Task<bool> HandleAsync(Guid patientId, Guid memberId, EndMembershipInput input, CancellationToken ct)
    {
        var member = await db.CareTeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.PatientId == patientId, ct);
        if (member is null) return false;
        member.EnsureVersion(input.Version);
        member.End(input.To ?? clock.Today);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
