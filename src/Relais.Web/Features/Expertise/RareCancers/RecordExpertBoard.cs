using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Expertise.RareCancers;

public sealed record ExpertBoardInput(DateOnly? ExpertBoardOn, string? ExpertNetwork, int? Revision);

/// <summary>Records the discussion of the case at the expert network's tumor board [G] §1.1.</summary>
public sealed class RecordExpertBoard(RelaisDb db, Clock clock)
{
    public async Task<ExpertReviewDto?> HandleAsync(Guid patientId, Guid reviewId, ExpertBoardInput input, CancellationToken ct)
    {
        var review = await db.ExpertReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.PatientId == patientId, ct);
        if (review is null) return null;
        review.EnsureRevision(input.Revision);
        review.RecordExpertBoard(input.ExpertBoardOn, input.ExpertNetwork, clock.Today);
        await db.SaveChangesAsync(ct);
        return ExpertReviewDto.Of(review);
    }
}
