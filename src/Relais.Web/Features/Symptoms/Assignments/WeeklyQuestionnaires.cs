using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;

namespace Relais.Web.Features.Symptoms.Assignments;

/// <summary>A patient in a phase that assigns a weekly questionnaire, with the state of its current occurrence.</summary>
/// <param name="IsDue">The current occurrence waits for the patient's answer (<see cref="QuestionnaireSchedule.IsDue"/>), reminded or not yet.</param>
public sealed record WeeklyStanding(Guid PatientId, Guid EpisodeId, string Questionnaire, int Occurrence, DateOnly Due, DateOnly? LastAnswered, ScheduleState State, bool IsDue);

/// <summary>The questionnaires the phases assign (<see cref="QuestionnaireSchedule"/>), read for a set of episodes.</summary>
public static class WeeklyQuestionnaires
{
    public static async Task<IReadOnlyList<WeeklyStanding>> StandingsAsync(RelaisDb db, IQueryable<Domain.Episodes.CancerEpisode> episodes, DateOnly today, CancellationToken ct)
    {
        var code = QuestionnaireSchedule.Assigned(PathwayPhase.ActiveTreatment)!;
        var rows = await (from e in episodes.Where(e => e.Phase == PathwayPhase.ActiveTreatment)
                          select new
                          {
                              e.Id, e.PatientId, e.PhaseSince,
                              Last = db.QuestionnaireResponses.Where(r => r.PatientId == e.PatientId && r.QuestionnaireCode == code)
                                  .OrderByDescending(r => r.AuthoredAt).Select(r => (DateTimeOffset?)r.AuthoredAt).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(ct);
        var standings = new List<WeeklyStanding>();
        foreach (var row in rows)
        {
            if (QuestionnaireSchedule.CurrentDue(row.PhaseSince, today) is not { } due) continue;
            DateOnly? last = row.Last is { } at ? DateOnly.FromDateTime(Clock.ToParis(at).DateTime) : null;
            standings.Add(new WeeklyStanding(row.PatientId, row.Id, code, due.Occurrence, due.Due, last,
                QuestionnaireSchedule.State(PathwayPhase.ActiveTreatment, row.PhaseSince, last, today),
                QuestionnaireSchedule.IsDue(PathwayPhase.ActiveTreatment, row.PhaseSince, last, today)));
        }
        return standings;
    }

    /// <summary>
    /// How many questionnaires wait for the patient's answer (the home page and the notifications count them): the
    /// phase's weekly one when due, those the team sent once and are still open, and the current occurrence of the
    /// follow-up plans the team chose (<see cref="FollowUpQuestionnaires"/>) when unanswered.
    /// </summary>
    public static async Task<int> DueCountAsync(RelaisDb db, Guid patientId, DateOnly today, CancellationToken ct) =>
        (await DueCodesAsync(db, patientId, today, ct)).Count;

    /// <summary>The codes of the questionnaires due (one answer answers a questionnaire both weekly and sent).</summary>
    public static async Task<IReadOnlySet<string>> DueCodesAsync(RelaisDb db, Guid patientId, DateOnly today, CancellationToken ct) =>
        (await StandingsAsync(db, db.Episodes.Where(e => e.PatientId == patientId), today, ct)).Where(s => s.IsDue).Select(s => s.Questionnaire)
            .Concat((await SendQuestionnaire.OpenAsync(db, patientId, ct)).Select(a => a.QuestionnaireCode))
            .Concat((await FollowUpQuestionnaires.StandingsAsync(db, patientId, today, ct)).Where(s => s.IsDue).Select(s => s.Questionnaire)).ToHashSet();
}
