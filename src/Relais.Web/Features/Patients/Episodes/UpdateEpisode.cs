using Microsoft.EntityFrameworkCore;
using Relais.Domain.Episodes;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>
/// Corrects an episode's diagnosis and staging; its phase changes only by <see cref="MoveEpisode"/>. The change
/// names what it changes (a merge patch: nothing left out is erased) and is refused when made from an older version.
/// </summary>
public sealed class UpdateEpisode(RelaisDb db, Clock clock)
{
    /// <returns>The episode, or null when the patient has no such episode.</returns>
    /// <param name="expectedVersion">From If-Match; else the body's <c>version</c>; else no check.</param>
    public async Task<CancerEpisode?> HandleAsync(Guid patientId, Guid episodeId, MergePatch<EpisodeInput> change, int? expectedVersion, CancellationToken ct)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct);
        if (episode is null) return null;
        var input = change.ApplyTo(EpisodeInput.From(episode));
        episode.EnsureVersion(expectedVersion ?? input.Version);
        episode.Update(input.ToDetails(), clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return episode;
    }
}
