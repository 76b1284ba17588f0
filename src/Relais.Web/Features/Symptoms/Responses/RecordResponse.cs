using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Alerts;
using Relais.Domain.Audit;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Features.Symptoms.Questionnaires;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Symptoms.Responses;

/// <summary>A response: the questionnaire's code and the answers by linkId (a number, an option's code, true or false).</summary>
public sealed record ResponseInput(string? Questionnaire, Dictionary<string, JsonElement>? Answers);

/// <summary>
/// One alert the answers raised: <see cref="Route"/> says where it went — "triage" (the team's triage worklist) or
/// "early-return" (a warning sign of a patient in shared follow-up: the early-return alert and its C14).
/// </summary>
public sealed record ResponseAlert(Guid Id, string Rule, string Title, string Severity, string PatientInstruction, string TeamAction, string Route, string Source);

/// <summary>Whom to call now: "unit" in opening hours, "on-call" otherwise.</summary>
public sealed record CallNow(string Kind, string Number, string Text);

public sealed record ResponseResult(Guid Id, string Questionnaire, int Version, int Grade, decimal? Score, IReadOnlyList<ResponseAlert> Alerts, CallNow? Call,
    bool CopiedToGp, string NotWatched);

/// <summary>
/// Records a patient's answers (typed by the patient, or by a professional on the phone with the patient), reads them
/// against the validated version's rules, and acts at once: each fired rule is an alert — on the triage worklist, or on
/// the early-return route for a warning sign in shared follow-up — and the patient is told what to do now and whom
/// to call, whatever the hour; a grade ≥ 3 report is copied to the GP through the outbox.
/// </summary>
public sealed class RecordResponse(RelaisDb db, Clock clock, QuestionnaireQueries questionnaires, UnitContacts contacts, ReportCriteria earlyReturn,
    IOptions<MailOptions> mail)
{
    /// <summary>Said on every answer page and in every answer: the team does not read answers at night or at weekends.</summary>
    public const string NotWatched = "Vos réponses ne sont pas lues en permanence, ni la nuit ni le week-end : si vous allez mal, appelez sans attendre le numéro indiqué, ou le 15.";

    public async Task<ResponseResult> HandleAsync(CurrentUser user, Guid patientId, ResponseInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Questionnaire)) throw new DomainValidationException("questionnaire", "Indiquez le questionnaire auquel vous répondez.");
        var version = await questionnaires.InUseAsync(input.Questionnaire.Trim(), ct)
            ?? throw new DomainValidationException("questionnaire", $"Aucun questionnaire validé ne porte le code « {input.Questionnaire} ».");
        var definition = version.Definition;
        var answers = QuestionnaireEvaluation.Read(definition, Raw(input.Answers));
        var evaluation = QuestionnaireEvaluation.Evaluate(definition, answers);
        var now = clock.Now;
        var response = QuestionnaireResponse.Record(patientId, definition, answers, evaluation, user.Id, now);
        db.QuestionnaireResponses.Add(response);
        // A questionnaire the team sent once is answered by the patient's next response to it.
        foreach (var sent in await db.QuestionnaireAssignments
                     .Where(a => a.PatientId == patientId && a.QuestionnaireCode == definition.Code && a.AnsweredAt == null && a.WithdrawnAt == null).ToListAsync(ct))
            sent.Answered(response.Id, now);

        var centre = await contacts.CentreAsync(patientId, ct);
        var call = evaluation.Fired.Count == 0 ? null : contacts.Now(contacts.For(centre));
        var enrolment = evaluation.Fired.Any(r => r.EarlyReturn != ClinicalCriteria.None) ? await earlyReturn.EnrolmentAsync(patientId, ct) : null;
        var alerts = new List<ResponseAlert>();
        var earlyReturnCriteria = ClinicalCriteria.None;
        foreach (var rule in evaluation.Fired)
        {
            var instruction = call is null ? rule.PatientInstruction : $"{rule.PatientInstruction} {call.Text}";
            if (rule.EarlyReturn != ClinicalCriteria.None && enrolment is not null)
            {
                earlyReturnCriteria |= rule.EarlyReturn;
                alerts.Add(new(Guid.Empty, rule.Code, rule.Title, rule.Severity.Code(), instruction, rule.TeamAction, "early-return", rule.Source));
                continue;
            }
            var alert = SymptomAlert.Raise(patientId, response.Id, definition, rule, now);
            db.SymptomAlerts.Add(alert);
            alerts.Add(new(alert.Id, rule.Code, rule.Title, rule.Severity.Code(), instruction, rule.TeamAction, "triage", rule.Source));
        }
        if (earlyReturnCriteria != ClinicalCriteria.None)
        {
            var note = $"Questionnaire « {definition.Title} » : " + string.Join(" ; ", evaluation.Fired.Where(r => r.EarlyReturn != ClinicalCriteria.None).Select(r => r.Title));
            var stored = await earlyReturn.RaiseAsync(user, patientId, enrolment!, earlyReturnCriteria, clock.Today, note.Length > 500 ? note[..500] : note, ct);
            alerts = [.. alerts.Select(a => a.Route == "early-return" ? a with { Id = stored.Id } : a)];
        }

        var copied = QuestionnaireEvaluation.CopiedToGp(evaluation.Grade) && await CopyToGpAsync(patientId, response, definition, now, ct);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "questionnaire-response", AuditOutcomes.Allowed,
            $"questionnaire={definition.Code};version={definition.Version};alerts={alerts.Count};grade={evaluation.Grade}"));
        await db.SaveChangesAsync(ct);
        return new ResponseResult(response.Id, definition.Code, definition.Version, evaluation.Grade, response.Score, alerts,
            call is null ? null : new CallNow(call.Kind == CallKind.Unit ? "unit" : "on-call", call.Number, call.Text), copied, NotWatched);
    }

    /// <summary>The answers as text: a JSON number, string or boolean each; anything else names its linkId.</summary>
    private static Dictionary<string, string?> Raw(Dictionary<string, JsonElement>? answers)
    {
        var raw = new Dictionary<string, string?>();
        foreach (var (linkId, value) in answers ?? [])
            raw[linkId] = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw new DomainValidationException($"answers.{linkId}", "Une réponse est un nombre, un code de réponse, ou oui/non."),
            };
        return raw;
    }

    /// <summary>
    /// The grade ≥ 3 copy to the GP (issue 14: a patient-report copy of its own kind; C9 stays the GP's report to the
    /// team): an e-mail through the outbox, with no clinical text in its subject. False when there is no GP to reach.
    /// </summary>
    private async Task<bool> CopyToGpAsync(Guid patientId, QuestionnaireResponse response, QuestionnaireDefinition definition, DateTimeOffset now, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        if (patient.GeneralPractitionerId is not { } gpId || !mail.Value.Enabled) return false;
        var email = await db.Users.AsNoTracking().Where(u => u.Id == gpId && u.IsActive).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email is not { Length: > 0 }) return false;
        var (subject, body) = SymptomMailTexts.GradeThreeCopy(patient, response, definition, mail.Value);
        db.OutboxMessages.Add(OutboxMessage.Create(patientId, OutboxKind.PatientReport, null, gpId, email, subject, body, null, null, mail.Value.Domain, now));
        return true;
    }
}
