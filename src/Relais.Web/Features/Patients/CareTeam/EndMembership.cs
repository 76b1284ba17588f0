using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.CareTeam;

/// <summary>
/// Body of POST /api/patients/{id}/care-team/{memberId}/end: the last day of participation, today when absent;
/// the membership's version (or If-Match) refuses a change made from an older state.
/// </summary>
public sealed record EndMembershipInput(DateOnly? To, int? Version = null);

/// <summary>
/// Ends a care-team membership: after its last day, the professional no longer reads the record. Who may end
/// whose membership, and that the team keeps a referring physician, is <see cref="CareTeamChanges"/>' rule.
/// </summary>
public sealed class EndMembership(RelaisDb db, Clock clock)
{
    /// <returns>False when the patient's team has no such member.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid memberId, EndMembershipInput input, CancellationToken ct)
    {
        var team = await db.CareTeamMembers.Where(m => m.PatientId == patientId).ToListAsync(ct);
        var member = team.FirstOrDefault(m => m.Id == memberId);
        if (member is null) return false;
        member.EnsureVersion(input.Version);
        var lastDay = input.To ?? clock.Today;
        switch (CareTeamChanges.RefusalToEnd(user.Id, member, team, lastDay, clock.Today))
        {
            case CareTeamChangeRefusal.NotYoursToEnd:
                throw new CapabilityRefusedException(Capability.ManageCareTeam,
                    "Chacun met fin à sa propre participation ; celle des autres membres, le médecin référent ou l'infirmier(e) de coordination.");
            case CareTeamChangeRefusal.LastReferringPhysician:
                throw new DomainValidationException("memberId", CareTeamChanges.LastReferringMessage);
        }
        member.End(lastDay, clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
