using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.RareCancers;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Expertise.RareCancers;

public sealed record ExpertReviewInput(Guid? EpisodeId, string? Ground);

/// <summary>Opens the expert circuit of an episode on its ground (<see cref="RareCancerGrounds"/>): its missing steps go to the team's worklist.</summary>
public sealed class OpenExpertReview(RelaisDb db, Clock clock)
{
    public async Task<ExpertReviewDto> HandleAsync(CurrentUser user, Guid patientId, ExpertReviewInput input, CancellationToken ct)
    {
        if (input.EpisodeId is not { } episodeId) throw new DomainValidationException("episodeId", "Choisissez l'épisode de cancer.");
        var ground = EnumCodes.Parse<RareCancerGround>(input.Ground, "ground");
        if (!await db.Episodes.AnyAsync(e => e.Id == episodeId && e.PatientId == patientId, ct))
            throw new DomainValidationException("episodeId", "Cet épisode n'appartient pas à ce patient.");
        if (await db.ExpertReviews.AnyAsync(r => r.EpisodeId == episodeId, ct))
            throw new DomainValidationException("episodeId", "Le circuit expert de cet épisode est déjà ouvert.");
        var review = ExpertReview.Open(patientId, episodeId, ground, user.Id, clock.Now);
        db.ExpertReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return ExpertReviewDto.Of(review);
    }
}
