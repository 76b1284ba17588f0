using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.Symptoms.Responses;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Assignments;

/// <summary>The questionnaire to send (its code) and the day it is to be answered by.</summary>
public sealed record SendQuestionnaireInput(string? Questionnaire, DateOnly? DueOn);

/// <summary>A questionnaire sent once: <c>status</c> is "open", "answered" or "withdrawn".</summary>
public sealed record AssignmentDto(Guid Id, Guid PatientId, string Questionnaire, string Title, DateOnly DueOn, string Status, string? AssignedBy, DateTimeOffset AssignedAt,
    Guid? ResponseId, DateTimeOffset? AnsweredAt, bool Late);

public sealed record AssignmentList(IReadOnlyList<AssignmentDto> Items, int Total);

/// <summary>
/// A member of the care team sends the patient a questionnaire to answer once, by a given day (issue 14 point 2):
/// one of the questionnaires the patient may answer (<see cref="MyQuestionnairesQuery"/>), never to a patient who died
/// or moved away. The patient sees it due on the portal and the home page; the next answer closes it.
/// </summary>
public sealed class SendQuestionnaire(RelaisDb db, Clock clock, MyQuestionnairesQuery patientQuestionnaires, Questionnaires.QuestionnaireQueries questionnaires)
{
    /// <summary>The assignments listed on the record: the latest first.</summary>
    public const int MaxListed = 50;

    public async Task<AssignmentDto> HandleAsync(CurrentUser user, Guid patientId, SendQuestionnaireInput input, CancellationToken ct)
    {
        var code = input.Questionnaire?.Trim();
        if (string.IsNullOrEmpty(code)) throw new DomainValidationException("questionnaire", "Choisissez le questionnaire à envoyer.");
        var offered = await patientQuestionnaires.HandleAsync(patientId, ct);
        var questionnaire = offered.FirstOrDefault(q => q.Code == code)
            ?? throw new DomainValidationException("questionnaire", $"Le questionnaire « {code} » n'est pas proposé à ce patient (validé, et des sites de ses cancers).");
        if (input.DueOn is not { } dueOn) throw new DomainValidationException("dueOn", "Indiquez le jour où le patient doit avoir répondu.");
        if (await db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare).AnyAsync(e => e.PatientId == patientId, ct))
            throw new DomainValidationException("patientId", "Ce patient a quitté le suivi (décès ou déménagement) : aucun questionnaire ne lui est envoyé.");
        var assignment = QuestionnaireAssignment.Send(patientId, questionnaire.Code, dueOn, user.Id, clock.Today, clock.Now);
        db.QuestionnaireAssignments.Add(assignment);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "questionnaire-assignment", AuditOutcomes.Allowed,
            $"assignment={assignment.Id};questionnaire={assignment.QuestionnaireCode}"));
        await db.SaveChangesAsync(ct);
        var names = await ProfessionalNames.OfAsync(db, [user.Id], ct);
        return ToDto(assignment, questionnaire.Title, names.GetValueOrDefault(user.Id), clock.Today);
    }

    public async Task<bool> WithdrawAsync(CurrentUser user, Guid patientId, Guid assignmentId, CancellationToken ct)
    {
        var assignment = await db.QuestionnaireAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.PatientId == patientId, ct);
        if (assignment is null) return false;
        assignment.Withdraw(clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "questionnaire-assignment-withdrawn", AuditOutcomes.Allowed,
            $"assignment={assignmentId}"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The questionnaires sent to the patient, the latest first.</summary>
    public async Task<AssignmentList> ListAsync(Guid patientId, CancellationToken ct)
    {
        var query = db.QuestionnaireAssignments.AsNoTracking().Where(a => a.PatientId == patientId);
        var rows = await query.OrderByDescending(a => a.AssignedAt).ThenBy(a => a.Id).Take(MaxListed).ToListAsync(ct);
        var titles = (await questionnaires.ListAsync(ct)).Items.ToDictionary(q => q.Code, q => q.Title);
        var names = await ProfessionalNames.OfAsync(db, rows.Select(r => r.AssignedBy), ct);
        return new AssignmentList([.. rows.Select(a => ToDto(a, titles.GetValueOrDefault(a.QuestionnaireCode, a.QuestionnaireCode), names.GetValueOrDefault(a.AssignedBy), clock.Today))],
            await query.CountAsync(ct));
    }

    /// <summary>The open assignments of a patient still in care (those the portal shows as due), by due day.</summary>
    public static async Task<IReadOnlyList<QuestionnaireAssignment>> OpenAsync(RelaisDb db, Guid patientId, CancellationToken ct)
    {
        var left = db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare);
        return (await db.QuestionnaireAssignments.AsNoTracking()
                .Where(a => a.PatientId == patientId && a.AnsweredAt == null && a.WithdrawnAt == null && !left.Any(e => e.PatientId == a.PatientId))
                .ToListAsync(ct))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToList();
    }

    private static AssignmentDto ToDto(QuestionnaireAssignment a, string title, string? by, DateOnly today) =>
        new(a.Id, a.PatientId, a.QuestionnaireCode, title, a.DueOn, a.AnsweredAt is not null ? "answered" : a.WithdrawnAt is not null ? "withdrawn" : "open", by, a.AssignedAt,
            a.ResponseId, a.AnsweredAt, a.NeedsReminder(today));
}
