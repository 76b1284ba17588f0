using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Assignments;

public sealed record CallListItem(Guid PatientId, string PatientName, string Questionnaire, DateOnly Due, DateOnly? LastAnswered);

public sealed record CallListPage(IReadOnlyList<CallListItem> Items, int Total);

/// <summary>
/// The nurse coordinator's call list: patients in active treatment whose weekly questionnaire is still unanswered a day
/// after its reminder (<see cref="QuestionnaireSchedule"/>), among the patients the access rule lets the caller see;
/// the longest unanswered first. Each patient listed is an audited read.
/// </summary>
public sealed class CallList(RelaisDb db, Clock clock)
{
    public async Task<CallListPage> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var now = clock.Now;
        var standings = await ToCallAsync(user, ct);
        var ids = standings.Select(s => s.PatientId).ToList();
        var names = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.BirthName, p.UsedName, p.FirstNames }).ToDictionaryAsync(p => p.Id, ct);
        foreach (var id in ids)
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, id, AuditActions.List, "GET /api/worklists/call-list", AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new CallListPage([.. standings.Select(s => new CallListItem(s.PatientId, PatientName.Of(names[s.PatientId].BirthName, names[s.PatientId].UsedName, names[s.PatientId].FirstNames),
            s.Questionnaire, s.Due, s.LastAnswered))], standings.Count);
    }

    /// <summary>How many patients are on the caller's call list (the home page's line), with no patient named.</summary>
    public async Task<int> CountAsync(CurrentUser user, CancellationToken ct) => (await ToCallAsync(user, ct)).Count;

    private async Task<List<WeeklyStanding>> ToCallAsync(CurrentUser user, CancellationToken ct)
    {
        var active = PatientQueries.ActiveIds(db, user, clock.Today, clock.Now);
        return (await WeeklyQuestionnaires.StandingsAsync(db, db.Episodes.Where(e => active.Contains(e.PatientId)), clock.Today, ct))
            .Where(s => s.State == ScheduleState.CallList).DistinctBy(s => s.PatientId).OrderBy(s => s.LastAnswered ?? DateOnly.MinValue).ThenBy(s => s.PatientId).ToList();
    }
}
