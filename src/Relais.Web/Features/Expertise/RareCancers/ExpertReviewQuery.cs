using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.RareCancers;
using Relais.Web.Data;

namespace Relais.Web.Features.Expertise.RareCancers;

public sealed record ExpertReviewDto(Guid Id, Guid EpisodeId, string Ground, string GroundLabel, string Source, bool RequiresExpertBoard, DateOnly? SecondReadingOn,
    string? SecondReadingConclusion, DateOnly? ExpertBoardOn, string? ExpertNetwork, IReadOnlyList<string> Missing, int Revision)
{
    public static ExpertReviewDto Of(ExpertReview r)
    {
        var line = RareCancerGrounds.Of(r.Ground);
        return new(r.Id, r.EpisodeId, EnumCodes.Code(r.Ground), line.Label, line.Source, r.RequiresExpertBoard, r.SecondReadingOn, r.SecondReadingConclusion,
            r.ExpertBoardOn, r.ExpertNetwork, [.. r.Missing.Select(EnumCodes.Code)], r.Revision);
    }
}

/// <summary>The expert circuits of the patient's rare cancers and lymphomas.</summary>
public sealed class ExpertReviewQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<ExpertReviewDto>> HandleAsync(Guid patientId, CancellationToken ct) =>
        [.. (await db.ExpertReviews.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct)).OrderBy(r => r.OpenedAt).Select(ExpertReviewDto.Of)];

    /// <summary>The patient's episodes as the form offers them (site label and ICD-10 code).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> EpisodesAsync(Guid patientId, CancellationToken ct) =>
        [.. (await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Id, e.PrimarySite, e.PrimarySiteLabel }).ToListAsync(ct))
            .Select(e => (e.Id, e.PrimarySiteLabel is { } l ? $"{l} ({e.PrimarySite})" : e.PrimarySite))];
}
