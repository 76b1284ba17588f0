using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Pathways;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>Body of POST /api/patients/{id}/episodes/{episodeId}/transitions.</summary>
public sealed record TransitionInput(PathwayPhase? To, DateOnly? OccurredOn, string? Note);

/// <summary>
/// Records the next step of an episode's pathway, as the pathway allows it (<see cref="PathwayTransitions"/>);
/// the phases with their own use case (PPS, end of treatment, shared follow-up) are refused, naming it.
/// </summary>
public sealed class MoveEpisode(RelaisDb db, Clock clock, PathwayObligations pathwayObligations)
{
    /// <returns>The recorded step, or null when the patient has no such episode.</returns>
    public async Task<PathwayEventDto?> HandleAsync(CurrentUser user, Guid patientId, Guid episodeId, TransitionInput input, CancellationToken ct)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct);
        if (episode is null) return null;
        if (input.To is not { } to) throw new DomainValidationException("to", "La phase visée est obligatoire.");
        PathwayTransitions.EnsureManualAllowed(episode.Phase, to);
        var today = clock.Today;
        var evt = episode.Transition(to, input.OccurredOn ?? today, user.Id, today, clock.Now, input.Note);
        db.PathwayEvents.Add(evt);
        await pathwayObligations.FireAsync(user, episode, ct);
        await db.SaveChangesAsync(ct);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        return PathwayEventDto.Of(evt, RelaisUser.NameOf(author.FirstName, author.LastName));
    }
}
