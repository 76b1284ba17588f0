using Microsoft.EntityFrameworkCore;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;

namespace Relais.Web.Features.Symptoms.Questionnaires;

/// <summary>Ships the questionnaires, "to validate", on a database that has none of their code yet.</summary>
public sealed class EnsureShippedQuestionnaires(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CancellationToken ct = default)
    {
        var existing = await db.Questionnaires.Select(q => q.Code).Distinct().ToListAsync(ct);
        foreach (var definition in ShippedQuestionnaires.All.Where(d => !existing.Contains(d.Code)))
            db.Questionnaires.Add(QuestionnaireVersion.Draft(definition, clock.Now));
        await db.SaveChangesAsync(ct);
    }
}
