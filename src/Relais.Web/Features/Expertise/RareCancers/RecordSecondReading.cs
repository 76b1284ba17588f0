using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Expertise.RareCancers;

public sealed record SecondReadingInput(DateOnly? SecondReadingOn, string? SecondReadingConclusion, int? Revision);

/// <summary>Records the second pathology reading by an expert pathologist [G] §1.</summary>
public sealed class RecordSecondReading(RelaisDb db, Clock clock)
{
    public async Task<ExpertReviewDto?> HandleAsync(Guid patientId, Guid reviewId, SecondReadingInput input, CancellationToken ct)
    {
        var review = await db.ExpertReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.PatientId == patientId, ct);
        if (review is null) return null;
        review.EnsureRevision(input.Revision);
        review.RecordSecondReading(input.SecondReadingOn, input.SecondReadingConclusion, clock.Today);
        await db.SaveChangesAsync(ct);
        return ExpertReviewDto.Of(review);
    }
}
