using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.TeamQueue;

public sealed record SignalOwnerCandidate(Guid ProfessionalId, string Name, CareTeamRole Role);

/// <summary>Who owns the patient's inbound signals now, whether the team chose it, and who it could choose.</summary>
public sealed record SignalOwnerDto(Guid? OwnerId, string? OwnerName, CareTeamRole? OwnerRole, bool Chosen, IReadOnlyList<SignalOwnerCandidate> Candidates);

/// <summary>The care team's owner of inbound signals (<see cref="TeamSignals"/>). Access was checked by the caller.</summary>
public sealed class SignalOwnerQuery(RelaisDb db, Clock clock)
{
    public async Task<SignalOwnerDto> GetAsync(Guid patientId, CancellationToken ct)
    {
        var members = await TeamSignalQueries.ReachableMembersAsync(db, patientId, clock.Today, ct);
        var chosen = await TeamSignalQueries.ChosenOwnerAsync(db, patientId, ct);
        // No sender yet: the owner a signal from outside the team (the GP, the laboratory) would get.
        var owner = TeamSignals.ChooseOwner(members, chosen, Guid.Empty);
        var candidates = members.Where(m => TeamSignals.MayOwn(m.Role)).ToList();
        var names = await ProfessionalNames.OfAsync(db, candidates.Select(c => c.ProfessionalId), ct);
        var list = candidates.DistinctBy(c => c.ProfessionalId).Select(c => new SignalOwnerCandidate(c.ProfessionalId, names.GetValueOrDefault(c.ProfessionalId, "?"), c.Role)).ToList();
        var current = list.FirstOrDefault(c => c.ProfessionalId == owner);
        return new SignalOwnerDto(owner, current?.Name, current?.Role, chosen is not null && chosen == owner, list);
    }
}
