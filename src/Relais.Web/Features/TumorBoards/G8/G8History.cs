using Microsoft.EntityFrameworkCore;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;

namespace Relais.Web.Features.TumorBoards.G8;

public sealed record G8Dto(Guid Id, DateOnly AssessedOn, int Age, decimal Score, bool FullAssessmentRecommended)
{
    public static G8Dto From(G8Assessment g) => new(g.Id, g.AssessedOn, g.AgeAtAssessment, g.Score, g.FullAssessmentRecommended);
}

/// <summary>A patient's G8 screenings, the latest first.</summary>
public sealed class G8History(RelaisDb db)
{
    public async Task<IReadOnlyList<G8Dto>> HandleAsync(Guid patientId, CancellationToken ct) =>
        await db.G8Assessments.AsNoTracking().Where(g => g.PatientId == patientId).OrderByDescending(g => g.AssessedOn)
            .Select(g => new G8Dto(g.Id, g.AssessedOn, g.AgeAtAssessment, g.Score, g.FullAssessmentRecommended)).ToListAsync(ct);
}
