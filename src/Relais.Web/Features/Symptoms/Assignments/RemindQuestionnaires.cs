using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Symptoms.Assignments;

/// <summary>
/// Reminds a patient whose weekly questionnaire, questionnaire sent once or follow-up plan's occurrence is unanswered
/// the day after it was due (once per occurrence, through the one <see cref="ReminderScheduler"/>; e-mail without
/// clinical text). Run every minute by the background scheduler.
/// </summary>
public sealed class RemindQuestionnaires(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    public const int BatchSize = 500;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var requests = await SentOnceAsync(today, ct);
        requests.AddRange(await FollowUpPlansAsync(today, ct));
        var unanswered = (await WeeklyQuestionnaires.StandingsAsync(db, db.Episodes, today, ct)).Where(s => s.State != ScheduleState.UpToDate).ToList();
        if (unanswered.Count == 0) return requests.Count == 0 ? 0 : await scheduler.IssueAsync(requests, clock.Now, ct);
        var episodeIds = unanswered.Select(s => s.EpisodeId).ToList();
        var issued = (await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.QuestionnaireDue && episodeIds.Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.Occurrence }).ToListAsync(ct)).Select(r => (r.SubjectId, r.Occurrence)).ToHashSet();
        var due = unanswered.Where(s => !issued.Contains((s.EpisodeId, s.Occurrence))).DistinctBy(s => s.EpisodeId).Take(BatchSize).ToList();
        var patientIds = due.Select(s => s.PatientId).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.PatientId != null && patientIds.Contains(u.PatientId.Value) && u.IsActive && u.PasswordHash != null)
            .Select(u => new { u.Id, PatientId = u.PatientId!.Value, u.Email }).ToListAsync(ct);
        foreach (var s in due)
        {
            // A patient without an activated account is reminded on the record, as for the carnet (issue 11).
            var account = accounts.FirstOrDefault(a => a.PatientId == s.PatientId);
            var body = $"Bonjour,\n\nVotre questionnaire de la semaine sur les effets de votre traitement vous attend.\n"
                + $"{mail.Value.PublicUrl.TrimEnd('/')}/mon-dossier/questionnaires/{s.Questionnaire}\n\nRelais — votre parcours de soins partagé.";
            requests.Add(new ReminderRequest(ReminderKind.QuestionnaireDue, s.EpisodeId, account?.Id ?? s.PatientId, s.Occurrence, s.PatientId,
                PortalAccounts.HasMailbox(account?.Email) ? account!.Email : null, "Votre questionnaire de la semaine vous attend", "[Relais] Rappel : votre questionnaire",
                body, $"/mon-dossier/questionnaires/{s.Questionnaire}", null, null));
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }

    /// <summary>
    /// The follow-up plans' occurrences (<see cref="FollowUpQuestionnaires"/>) unanswered the day after their due day, not
    /// reminded yet (the reminder's subject is the plan, its occurrence the occurrence's number): only reminders, no call
    /// list, and none once the plan is stopped, the protocol over, or the patient dead or moved away.
    /// </summary>
    private async Task<List<ReminderRequest>> FollowUpPlansAsync(DateOnly today, CancellationToken ct)
    {
        var late = (await FollowUpQuestionnaires.StandingsAsync(db, null, today, ct)).Where(s => s.State == ScheduleState.Remind).ToList();
        if (late.Count == 0) return [];
        var planIds = late.Select(s => s.PlanId).ToList();
        var issued = (await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.QuestionnaireDue && planIds.Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.Occurrence }).ToListAsync(ct)).Select(r => (r.SubjectId, r.Occurrence)).ToHashSet();
        var due = late.Where(s => !issued.Contains((s.PlanId, s.Occurrence))).OrderBy(s => s.Due).ThenBy(s => s.PlanId).Take(BatchSize).ToList();
        var patientIds = due.Select(s => s.PatientId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.PatientId != null && patientIds.Contains(u.PatientId.Value) && u.IsActive && u.PasswordHash != null)
            .Select(u => new { u.Id, PatientId = u.PatientId!.Value, u.Email }).ToListAsync(ct);
        var requests = new List<ReminderRequest>(due.Count);
        foreach (var s in due)
        {
            var account = accounts.FirstOrDefault(x => x.PatientId == s.PatientId);
            var body = $"Bonjour,\n\nLe questionnaire régulier de votre suivi, à remplir depuis le {s.Due:dd/MM/yyyy}, vous attend.\n"
                + $"{mail.Value.PublicUrl.TrimEnd('/')}/mon-dossier/questionnaires/{s.Questionnaire}\n\nRelais — votre parcours de soins partagé.";
            requests.Add(new ReminderRequest(ReminderKind.QuestionnaireDue, s.PlanId, account?.Id ?? s.PatientId, s.Occurrence, s.PatientId,
                PortalAccounts.HasMailbox(account?.Email) ? account!.Email : null, "Le questionnaire de votre suivi vous attend", "[Relais] Rappel : votre questionnaire",
                body, $"/mon-dossier/questionnaires/{s.Questionnaire}", null, null));
        }
        return requests;
    }

    /// <summary>
    /// The questionnaires sent once and still unanswered the day after their due day, not reminded yet (the reminder's
    /// subject is the assignment, its occurrence 0), of patients still in care.
    /// </summary>
    private async Task<List<ReminderRequest>> SentOnceAsync(DateOnly today, CancellationToken ct)
    {
        var left = db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare);
        var reminded = db.Reminders.Where(r => r.Kind == ReminderKind.QuestionnaireDue && r.Occurrence == 0);
        var due = await db.QuestionnaireAssignments.AsNoTracking()
            .Where(a => a.AnsweredAt == null && a.WithdrawnAt == null && a.DueOn < today && !left.Any(e => e.PatientId == a.PatientId)
                && !reminded.Any(r => r.SubjectId == a.Id))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
        var patientIds = due.Select(a => a.PatientId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.PatientId != null && patientIds.Contains(u.PatientId.Value) && u.IsActive && u.PasswordHash != null)
            .Select(u => new { u.Id, PatientId = u.PatientId!.Value, u.Email }).ToListAsync(ct);
        var requests = new List<ReminderRequest>(due.Count);
        foreach (var a in due)
        {
            var account = accounts.FirstOrDefault(x => x.PatientId == a.PatientId);
            var body = $"Bonjour,\n\nVotre équipe de soins vous a envoyé un questionnaire, à remplir avant le {a.DueOn:dd/MM/yyyy} ; il vous attend toujours.\n"
                + $"{mail.Value.PublicUrl.TrimEnd('/')}/mon-dossier/questionnaires/{a.QuestionnaireCode}\n\nRelais — votre parcours de soins partagé.";
            requests.Add(new ReminderRequest(ReminderKind.QuestionnaireDue, a.Id, account?.Id ?? a.PatientId, 0, a.PatientId,
                PortalAccounts.HasMailbox(account?.Email) ? account!.Email : null, "Un questionnaire de votre équipe vous attend", "[Relais] Rappel : votre questionnaire",
                body, $"/mon-dossier/questionnaires/{a.QuestionnaireCode}", null, null));
        }
        return requests;
    }
}
