using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>Opens a cancer episode at its first pathway step. The caller has the write right.</summary>
public sealed class OpenEpisode(RelaisDb db, Clock clock, PathwayObligations pathwayObligations)
{
    public async Task<CancerEpisode> HandleAsync(CurrentUser user, Guid patientId, EpisodeInput input, CancellationToken ct)
    {
        var today = clock.Today;
        var (episode, opening) = CancerEpisode.Open(patientId, input.ToDetails(), input.InitialPhase ?? PathwayPhase.Suspicion,
            input.OpenedOn ?? input.DiagnosisDate ?? today, user.Id, today, clock.Now, input.Note);
        db.Episodes.Add(episode);
        db.PathwayEvents.Add(opening);
        await pathwayObligations.FireAsync(user, episode, ct);
        await db.SaveChangesAsync(ct);
        return episode;
    }
}
