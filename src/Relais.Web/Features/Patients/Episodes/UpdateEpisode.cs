using Microsoft.EntityFrameworkCore;
using Relais.Domain.Episodes;
using Relais.Web.Data;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>Corrects an episode's diagnosis and staging; its phase changes only by <see cref="MoveEpisode"/>.</summary>
public sealed class UpdateEpisode(RelaisDb db, Clock clock)
{
    /// <returns>The episode, or null when the patient has no such episode.</returns>
    public async Task<CancerEpisode?> HandleAsync(Guid patientId, Guid episodeId, EpisodeInput input, CancellationToken ct)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct);
        if (episode is null) return null;
        episode.Update(input.ToDetails(), clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return episode;
    }
}
