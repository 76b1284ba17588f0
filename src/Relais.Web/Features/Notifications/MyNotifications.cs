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

/// <summary>An outcome of a patient's alert, in the patient's words on the page (what the team did).</summary>
public sealed record AlertOutcome(Guid AlertId, string Title, DateTimeOffset RaisedAt, Domain.Questionnaires.TriageAction Action, DateTimeOffset ActionAt, bool New);

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
        return new(await messages.CountAsync(user, ct), await inbox.UnreadTransmissionsAsync(user, ct), questionnaires, outcomes, setting?.EmailOptIn ?? false);
    }

    /// <summary>The latest outcomes of the patient's own alerts, the new ones marked.</summary>
    public async Task<IReadOnlyList<AlertOutcome>> OutcomesAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.Kind != AccessorKind.Patient || user.OwnPatientId is not { } own) return [];
        var seen = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == user.Id).Select(s => s.OutcomesSeenAt).FirstOrDefaultAsync(ct);
        var rows = await Outcomes(own, null).OrderByDescending(a => a.ActionAt).ThenBy(a => a.Id).Take(MaxOutcomes)
            .Select(a => new { a.Id, a.Title, a.RaisedAt, a.Action, a.ActionAt }).ToListAsync(ct);
        return [.. rows.Select(a => new AlertOutcome(a.Id, a.Title, a.RaisedAt, a.Action!.Value, a.ActionAt!.Value, seen is null || a.ActionAt > seen))];
    }

    /// <summary>The alerts of the patient on which the team recorded what it did, after <paramref name="seenAt"/> when given.</summary>
    private IQueryable<Domain.Questionnaires.SymptomAlert> Outcomes(Guid patientId, DateTimeOffset? seenAt) =>
        db.SymptomAlerts.AsNoTracking().Where(a => a.PatientId == patientId && a.ActionAt != null && (seenAt == null || a.ActionAt > seenAt));
}
