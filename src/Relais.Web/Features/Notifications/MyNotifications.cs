using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Features.Coordination.Inbox;
using Relais.Web.Features.Coordination.Messages;
using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Identity;

namespace Relais.Web.Features.Notifications;

/// <summary>
/// What is new for the signed-in person (issue 14, point 4), counted through the lists that show it: unread messages of
/// patients and colleagues, unread documents and transmissions, the questionnaires a patient has to answer, and the
/// outcomes of a patient's alerts not seen yet. <c>EmailOptIn</c> says whether the person agreed to an e-mail notice.
/// </summary>
public sealed record NotificationCounts(int Messages, int Documents, int QuestionnairesDue, int AlertOutcomes, bool EmailOptIn)
{
    public int Total => Messages + Documents + QuestionnairesDue + AlertOutcomes;
}

/// <summary>
/// The counts of the signed-in person for one request, read once: the layout shows them twice (the inbox link's number, the
/// "Nouveautés" count), each component through its own scope as the page renders beside them. Held in the request's items, so
/// it lives as long as the request and is never shared with another.
/// </summary>
public static class RequestNotificationCounts
{
    private static readonly object Key = new();

    public static Task<NotificationCounts> GetAsync(HttpContext http, IServiceScopeFactory scopes, CurrentUser user)
    {
        lock (http.Items)
        {
            if (http.Items.TryGetValue(Key, out var existing) && existing is Task<NotificationCounts> task) return task;
            var counts = ReadAsync(http, scopes, user);
            http.Items[Key] = counts;
            return counts;
        }
    }

    private static async Task<NotificationCounts> ReadAsync(HttpContext http, IServiceScopeFactory scopes, CurrentUser user)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MyNotifications>().CountsAsync(user, http.RequestAborted);
    }
}

/// <summary>
/// An outcome of an alert: for the patient, what the team did about their own report (in the patient's words on the
/// page); for a professional, what the team did about an alert of a patient that reached them — escalated to them as
/// the physician on call, or copied to them as the GP (grade ≥ 3) — with the patient named.
/// </summary>
public sealed record AlertOutcome(Guid AlertId, string Title, DateTimeOffset RaisedAt, Domain.Questionnaires.TriageAction Action, DateTimeOffset ActionAt, bool New,
    Guid? PatientId = null, string? PatientName = null, bool EscalatedToMe = false);

public sealed class MyNotifications(RelaisDb db, Clock clock, InboxQuery inbox, UnreadMessages messages)
{
    /// <summary>The outcomes the notifications page lists.</summary>
    public const int MaxOutcomes = 20;

    public async Task<NotificationCounts> CountsAsync(CurrentUser user, CancellationToken ct)
    {
        var setting = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (user.Kind is not (AccessorKind.Patient or AccessorKind.Professional)) return new(0, 0, 0, 0, setting?.EmailOptIn ?? false);
        var questionnaires = 0;
        var outcomes = 0;
        if (user.Kind == AccessorKind.Patient && user.OwnPatientId is { } own)
        {
            questionnaires = await WeeklyQuestionnaires.DueCountAsync(db, own, clock.Today, ct);
            outcomes = await Outcomes(own, setting?.OutcomesSeenAt).CountAsync(ct);
        }
        else if (user.Kind == AccessorKind.Professional)
            outcomes = await ReachedMe(user, setting?.OutcomesSeenAt).CountAsync(ct);
        return new(await messages.CountAsync(user, ct), await inbox.UnreadTransmissionsAsync(user, ct), questionnaires, outcomes, setting?.EmailOptIn ?? false);
    }

    /// <summary>The latest outcomes of the patient's own alerts, the new ones marked.</summary>
    public async Task<IReadOnlyList<AlertOutcome>> OutcomesAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.Kind == AccessorKind.Professional) return await ProfessionalOutcomesAsync(user, ct);
        if (user.Kind != AccessorKind.Patient || user.OwnPatientId is not { } own) return [];
        var seen = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == user.Id).Select(s => s.OutcomesSeenAt).FirstOrDefaultAsync(ct);
        var rows = await Outcomes(own, null).OrderByDescending(a => a.ActionAt).ThenBy(a => a.Id).Take(MaxOutcomes)
            .Select(a => new { a.Id, a.Title, a.RaisedAt, a.Action, a.ActionAt }).ToListAsync(ct);
        return [.. rows.Select(a => new AlertOutcome(a.Id, a.Title, a.RaisedAt, a.Action!.Value, a.ActionAt!.Value, seen is null || a.ActionAt > seen))];
    }

    /// <summary>
    /// The outcomes of the alerts that reached the professional, the latest first, the new ones marked. Each patient
    /// named is an audited read, as on every worklist.
    /// </summary>
    private async Task<IReadOnlyList<AlertOutcome>> ProfessionalOutcomesAsync(CurrentUser user, CancellationToken ct)
    {
        var seen = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == user.Id).Select(s => s.OutcomesSeenAt).FirstOrDefaultAsync(ct);
        var rows = await (from a in ReachedMe(user, null)
                          join p in db.Patients on a.PatientId equals p.Id
                          orderby a.ActionAt descending, a.Id
                          select new { a.Id, a.Title, a.RaisedAt, a.Action, a.ActionAt, a.PatientId, a.EscalatedTo, p.BirthName, p.UsedName, p.FirstNames })
            .Take(MaxOutcomes).ToListAsync(ct);
        foreach (var patientId in rows.Select(r => r.PatientId).Distinct())
            db.AuditEntries.Add(Domain.Audit.AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, Access.AuditActions.List, "GET /nouveautes (suites des alertes)",
                Access.AuditOutcomes.Allowed));
        if (rows.Count > 0) await db.SaveChangesAsync(ct);
        return [.. rows.Select(a => new AlertOutcome(a.Id, a.Title, a.RaisedAt, a.Action!.Value, a.ActionAt!.Value, seen is null || a.ActionAt > seen, a.PatientId,
            Features.Patients.PatientName.Of(a.BirthName, a.UsedName, a.FirstNames), a.EscalatedTo == user.Id))];
    }

    /// <summary>
    /// The alerts a colleague closed that had reached the professional: escalated to them as the physician on call, or
    /// copied to them as the patient's GP (a grade ≥ 3 report, <see cref="Domain.Questionnaires.QuestionnaireEvaluation.CopiedToGp"/>),
    /// among the patients the access rule still lets them see; after <paramref name="seenAt"/> when given.
    /// </summary>
    private IQueryable<Domain.Questionnaires.SymptomAlert> ReachedMe(CurrentUser user, DateTimeOffset? seenAt)
    {
        var visible = Access.PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        // "The patient's GP" and "a grade ≥ 3 report" as correlated tests on the alert's own row (a key lookup each): written as
        // IN lists inside the OR, PostgreSQL hashed every severe response of the region and scanned every alert (55,000 rows
        // each at 300,000 patients, 11,000 pages read on every page a professional opened, as the count is in the layout).
        return db.SymptomAlerts.AsNoTracking().Where(a => a.ActionAt != null && a.ActionBy != user.Id && (seenAt == null || a.ActionAt > seenAt)
            && visible.Contains(a.PatientId)
            && (a.EscalatedTo == user.Id
                || (db.Patients.Any(p => p.Id == a.PatientId && p.GeneralPractitionerId == user.Id)
                    && db.QuestionnaireResponses.Any(r => r.Id == a.ResponseId && r.Grade >= Domain.Questionnaires.QuestionnaireEvaluation.GpCopyGrade))));
    }

    /// <summary>The alerts of the patient on which the team recorded what it did, after <paramref name="seenAt"/> when given.</summary>
    private IQueryable<Domain.Questionnaires.SymptomAlert> Outcomes(Guid patientId, DateTimeOffset? seenAt) =>
        db.SymptomAlerts.AsNoTracking().Where(a => a.PatientId == patientId && a.ActionAt != null && (seenAt == null || a.ActionAt > seenAt));
}
