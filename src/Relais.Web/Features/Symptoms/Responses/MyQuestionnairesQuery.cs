using Microsoft.EntityFrameworkCore;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Symptoms.Questionnaires;

namespace Relais.Web.Features.Symptoms.Responses;

/// <summary>
/// A questionnaire waiting for the patient's answer: the week's one (no day), one the team sent, by <c>DueOn</c>, or the
/// occurrence of a follow-up plan the team chose (<paramref name="Regular"/>), due on <c>DueOn</c>.
/// </summary>
public sealed record DueQuestionnaire(string Code, string Title, DateOnly? DueOn, bool Regular = false);

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

    /// <summary>What waits for the patient's answer: the phase's weekly questionnaire when due, then those the team sent once, by due day.</summary>
    public async Task<IReadOnlyList<DueQuestionnaire>> DueAsync(Guid patientId, DateOnly today, CancellationToken ct)
    {
        var titles = (await questionnaires.ListAsync(ct)).Items.ToDictionary(q => q.Code, q => q.Title);
        var weekly = (await Assignments.WeeklyQuestionnaires.StandingsAsync(db, db.Episodes.Where(e => e.PatientId == patientId), today, ct))
            .Where(s => s.IsDue).Select(s => s.Questionnaire).Distinct().ToList();
        var sent = (await Assignments.SendQuestionnaire.OpenAsync(db, patientId, ct)).Where(a => !weekly.Contains(a.QuestionnaireCode)).DistinctBy(a => a.QuestionnaireCode).ToList();
        // The follow-up plans the team chose: the occurrence waiting, dated by its due day (one answer answers a questionnaire however it was asked).
        var planned = (await Assignments.FollowUpQuestionnaires.StandingsAsync(db, patientId, today, ct))
            .Where(s => s.IsDue && !weekly.Contains(s.Questionnaire) && !sent.Any(a => a.QuestionnaireCode == s.Questionnaire)).DistinctBy(s => s.Questionnaire);
        return [.. weekly.Select(c => new DueQuestionnaire(c, titles.GetValueOrDefault(c, c), null)),
            .. sent.Select(a => new DueQuestionnaire(a.QuestionnaireCode, titles.GetValueOrDefault(a.QuestionnaireCode, a.QuestionnaireCode), a.DueOn)),
            .. planned.Select(s => new DueQuestionnaire(s.Questionnaire, titles.GetValueOrDefault(s.Questionnaire, s.Questionnaire), s.Due, true))];
    }

    /// <summary>The trend of the patient's answers to the weekly toxicity questionnaire, the same chart the team reads (issue 14, point 2).</summary>
    public Task<IReadOnlyList<Triage.TrendPoint>> TrendAsync(Guid patientId, CancellationToken ct) =>
        Triage.SymptomAlertQuery.TrendAsync(db, patientId, ToxicityQuestionnaire.Code, ct);
}
