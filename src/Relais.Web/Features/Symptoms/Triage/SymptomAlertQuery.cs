using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.Symptoms.Questionnaires;

namespace Relais.Web.Features.Symptoms.Triage;

public sealed record AnswerLine(string LinkId, string Question, string Answer);

public sealed record TrendPoint(DateTimeOffset At, int Grade, decimal? Score);

public sealed record SymptomAlertDetail(Guid Id, Guid PatientId, string Rule, string Title, string Severity, DateTimeOffset RaisedAt, string TeamAction,
    string PatientInstruction, string Source, string Questionnaire, string QuestionnaireTitle, int QuestionnaireVersion, IReadOnlyList<AnswerLine> Answers,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Action, string? ActionNote, DateTimeOffset? ActionAt, string? ActionBy,
    DateTimeOffset? EscalatedAt, string? EscalatedTo, IReadOnlyList<TrendPoint> Trend, int Grade, AlertPharmacovigilance? Pharmacovigilance);

/// <summary>
/// A severe adverse effect (grade ≥ 3) calls for a pharmacovigilance declaration when a drug is suspected:
/// <see cref="Prompt"/> while it is not recorded, the portal where it is made, then the drug, when and by whom.
/// </summary>
public sealed record AlertPharmacovigilance(bool Prompt, string Url, string? SuspectedDrug, DateTimeOffset? DeclaredAt, string? DeclaredBy);

/// <summary>A triage alert with the answers that raised it, its rule, what became of it, and the trend of the patient's answers to that questionnaire.</summary>
public sealed class SymptomAlertQuery(RelaisDb db, QuestionnaireQueries questionnaires)
{
    /// <summary>The latest answers drawn on the trend.</summary>
    public const int TrendPoints = 20;

    public async Task<SymptomAlertDetail?> HandleAsync(Guid patientId, Guid alertId, CancellationToken ct)
    {
        var alert = await db.SymptomAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId && a.PatientId == patientId, ct);
        if (alert is null) return null;
        var response = await db.QuestionnaireResponses.AsNoTracking().FirstAsync(r => r.Id == alert.ResponseId, ct);
        var version = await questionnaires.FindAsync(alert.QuestionnaireCode, alert.QuestionnaireVersion, ct);
        var answers = response.Answers.Select(a => new AnswerLine(a.LinkId, version?.Definition.Item(a.LinkId)?.Text ?? a.LinkId, a.Display)).ToList();
        var trend = await TrendAsync(db, patientId, alert.QuestionnaireCode, ct);
        var people = new[] { alert.AcknowledgedBy, alert.ActionBy, alert.EscalatedTo, alert.PharmacovigilanceDeclaredBy }.OfType<Guid>();
        var names = await ProfessionalNames.OfAsync(db, people, ct);
        string? Name(Guid? id) => id is { } g ? names.GetValueOrDefault(g) : null;
        return new SymptomAlertDetail(alert.Id, alert.PatientId, alert.Rule, alert.Title, alert.Severity.Code(), alert.RaisedAt, alert.TeamAction, alert.PatientInstruction,
            alert.Source, alert.QuestionnaireCode, version?.Title ?? alert.QuestionnaireCode, alert.QuestionnaireVersion, answers,
            alert.AcknowledgedAt, Name(alert.AcknowledgedBy), alert.Action?.Code(), alert.ActionNote, alert.ActionAt, Name(alert.ActionBy),
            alert.EscalatedAt, Name(alert.EscalatedTo), trend, response.Grade,
            SymptomAlert.PharmacovigilancePrompted(response.Grade)
                ? new AlertPharmacovigilance(alert.PharmacovigilanceDeclaredAt is null, Coordination.Events.ClinicalEventDto.PharmacovigilancePortal, alert.SuspectedDrug,
                    alert.PharmacovigilanceDeclaredAt, Name(alert.PharmacovigilanceDeclaredBy))
                : null);
    }

    /// <summary>The patient's latest answers to a questionnaire, oldest first: the trend the team and the patient see.</summary>
    public static async Task<IReadOnlyList<TrendPoint>> TrendAsync(RelaisDb db, Guid patientId, string questionnaire, CancellationToken ct) =>
        (await db.QuestionnaireResponses.AsNoTracking().Where(r => r.PatientId == patientId && r.QuestionnaireCode == questionnaire)
                .OrderByDescending(r => r.AuthoredAt).Take(TrendPoints).Select(r => new { r.AuthoredAt, r.Grade, r.Score }).ToListAsync(ct))
            .OrderBy(r => r.AuthoredAt).Select(r => new TrendPoint(r.AuthoredAt, r.Grade, r.Score)).ToList();
}
