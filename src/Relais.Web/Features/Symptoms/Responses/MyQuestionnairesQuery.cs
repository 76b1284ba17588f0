using Microsoft.EntityFrameworkCore;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Symptoms.Questionnaires;

namespace Relais.Web.Features.Symptoms.Responses;

/// <summary>
/// The questionnaires a patient may answer: the toxicity questionnaire, ESAS-r, and the warning signs of the
/// patient's own cancer sites only; validated versions only.
/// </summary>
public sealed class MyQuestionnairesQuery(RelaisDb db, QuestionnaireQueries questionnaires)
{
    public async Task<IReadOnlyList<QuestionnaireSummary>> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var sites = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.PrimarySite).ToListAsync(ct);
        var warningSigns = sites.Select(WarningSignQuestionnaires.ForSite).OfType<QuestionnaireDefinition>().Select(d => d.Code).Distinct();
        var codes = new[] { ToxicityQuestionnaire.Code, EsasQuestionnaire.Code }.Concat(warningSigns).ToHashSet();
        return [.. (await questionnaires.ListAsync(ct)).Items.Where(q => codes.Contains(q.Code) && q.Status == "active")];
    }

    /// <summary>The trend of the patient's answers to the weekly toxicity questionnaire, the same chart the team reads (issue 14, point 2).</summary>
    public Task<IReadOnlyList<Triage.TrendPoint>> TrendAsync(Guid patientId, CancellationToken ct) =>
        Triage.SymptomAlertQuery.TrendAsync(db, patientId, ToxicityQuestionnaire.Code, ct);
}
