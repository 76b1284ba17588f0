using Microsoft.EntityFrameworkCore;
using Relais.Domain.Messaging;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Messages;

/// <summary>A thread with messages the reader has not opened yet, for the inbox beside the transmissions.</summary>
public sealed record UnreadThread(Guid PatientId, string PatientName, ThreadKind Thread, int Count, DateTimeOffset LastSentAt);

/// <summary>
/// The messages of patients and colleagues the reader has not read: written by someone else, in a thread the reader
/// reads (<see cref="Threads.VisibleTo"/>), after the reader's read mark (<see cref="MarkThreadRead"/>), about a patient
/// the access rule lets the reader see today. No message text leaves this query.
/// </summary>
public sealed class UnreadMessages(RelaisDb db, Clock clock)
{
    /// <summary>The most threads the inbox lists; the count says how many there are in all.</summary>
    public const int MaxThreads = 50;

    public Task<int> CountAsync(CurrentUser user, CancellationToken ct) => Unread(user).CountAsync(ct);

    /// <summary>The threads holding unread messages, the most recently written to first.</summary>
    public async Task<Capped<UnreadThread>> ThreadsAsync(CurrentUser user, CancellationToken ct)
    {
        var threads = await Unread(user).GroupBy(m => new { m.PatientId, m.Thread })
            .Select(g => new { g.Key.PatientId, g.Key.Thread, Count = g.Count(), Last = g.Max(m => m.SentAt) })
            .OrderByDescending(g => g.Last).ThenBy(g => g.PatientId)
            .ToCappedAsync(MaxThreads, ct);
        var ids = threads.Items.Select(t => t.PatientId).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.BirthName, p.UsedName, p.FirstNames }).ToDictionaryAsync(p => p.Id, p => PatientName.Of(p.BirthName, p.UsedName, p.FirstNames), ct);
        return new([.. threads.Items.Select(t => new UnreadThread(t.PatientId, names[t.PatientId], t.Thread, t.Count, t.Last))], threads.Total);
    }

    private IQueryable<ThreadMessage> Unread(CurrentUser user)
    {
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var careTeamToo = Threads.VisibleTo(user).Contains(ThreadKind.CareTeam);
        return db.ThreadMessages.AsNoTracking()
            .Where(m => visible.Contains(m.PatientId) && m.AuthorId != user.Id && (careTeamToo || m.Thread == ThreadKind.Patient)
                && !db.ThreadReadMarks.Any(k => k.UserId == user.Id && k.PatientId == m.PatientId && k.Thread == m.Thread && k.ReadUpTo >= m.SentAt));
    }
}
