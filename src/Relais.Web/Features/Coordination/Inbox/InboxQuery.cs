using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination.Messages;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Inbox;

public enum InboxFilter { All, Unread, ToAcknowledge, Late }

public sealed record InboxItem(Guid RecipientEntryId, Guid TransmissionId, Guid PatientId, string PatientName, DateOnly PatientBirthDate,
    ObligationCode Obligation, string Title, string Sender, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Urgent,
    TransmissionStatus Status, bool Unread, bool HasDocument, bool Escalation = false);

public sealed record InboxGroup(Guid PatientId, string PatientName, DateOnly PatientBirthDate, IReadOnlyList<InboxItem> Items);

/// <param name="Messages">Beside the transmissions, the threads of patients and colleagues holding messages the reader has not read.</param>
public sealed record InboxPage(IReadOnlyList<InboxGroup> Groups, int Total, int Page, int PageSize, InboxCounts Counts, IReadOnlyList<UnreadThread> Messages);

/// <param name="UnreadMessages">Messages of patients and colleagues not read yet (<see cref="Coordination.Messages.UnreadMessages"/>).</param>
public sealed record InboxCounts(int Unread, int ToAcknowledge, int Late, int UnreadMessages = 0);

/// <summary>
/// A recipient's inbox: unread, to acknowledge or late; newest first; grouped by patient; paged. Only
/// patients the access rule lets the recipient see today.
/// </summary>
public sealed class InboxQuery(RelaisDb db, Clock clock, UnreadMessages messages)
{
    public async Task<InboxPage> HandleAsync(CurrentUser user, InboxFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var now = clock.Now;
        var mine = Mine(user);
        // The counts, and so the filter's total, in one round trip.
        var tally = await mine.GroupBy(_ => 1)
            .Select(g => new
            {
                All = g.Count(),
                Unread = g.Count(r => r.ReadAt == null),
                ToAcknowledge = g.Count(r => r.AcknowledgedAt == null),
                Late = g.Count(r => r.AcknowledgedAt == null && r.DueAt <= now),
            })
            .FirstOrDefaultAsync(ct);
        var threads = await messages.ThreadsAsync(user, ct);
        var counts = new InboxCounts(tally?.Unread ?? 0, tally?.ToAcknowledge ?? 0, tally?.Late ?? 0, 
            // Every thread listed: their counts add up; a cut list asks the database for the whole count.
            threads.IsComplete ? threads.Items.Sum(t => t.Count) : await messages.CountAsync(user, ct));
        var (filtered, total) = filter switch
        {
            InboxFilter.Unread => (mine.Where(r => r.ReadAt == null), counts.Unread),
            InboxFilter.ToAcknowledge => (mine.Where(r => r.AcknowledgedAt == null), counts.ToAcknowledge),
            InboxFilter.Late => (mine.Where(r => r.AcknowledgedAt == null && r.DueAt <= now), counts.Late),
            _ => (mine, tally?.All ?? 0),
        };
        // The page is cut on the recipient row (delivery time, index RecipientId + DeliveredAt) before any join.
        var pageRows = filtered.OrderByDescending(r => r.DeliveredAt).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize);
        var rows = await (
                from r in pageRows
                join t in db.Transmissions on r.TransmissionId equals t.Id
                join p in db.Patients on r.PatientId equals p.Id
                join s in db.Users on t.SenderId equals s.Id
                select new
                {
                    r.Id, r.TransmissionId, r.PatientId, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, t.Obligation, t.Title,
                    s.FirstName, s.LastName, t.CreatedAt, r.DueAt, t.Urgent, r.DeliveredAt, r.AcknowledgedAt, r.MailFailedAt, r.ReadAt,
                    HasDocument = t.DocumentId != null, r.IsEscalation,
                })
            .ToListAsync(ct);
        // A join does not keep the subquery's order: the page is put back in it.
        rows = rows.OrderByDescending(x => x.DeliveredAt).ThenByDescending(x => x.Id).ToList();
        var items = rows.Select(x => new InboxItem(x.Id, x.TransmissionId, x.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.BirthDate,
            x.Obligation, x.Title, RelaisUser.NameOf(x.FirstName, x.LastName), x.CreatedAt, x.DueAt, x.Urgent,
            TransmissionRules.Status(x.DeliveredAt, x.AcknowledgedAt, x.MailFailedAt, x.DueAt, now), x.ReadAt == null, x.HasDocument, x.IsEscalation)).ToList();
        // Grouped by patient, groups in the order of their newest item.
        var groups = items.GroupBy(i => i.PatientId).Select(g => new InboxGroup(g.Key, g.First().PatientName, g.First().PatientBirthDate, g.ToList())).ToList();
        return new InboxPage(groups, total, page, pageSize, counts, threads.Items);
    }

    /// <summary>The transmissions the user has not opened yet (documents, for the patient).</summary>
    public Task<int> UnreadTransmissionsAsync(CurrentUser user, CancellationToken ct) => Mine(user).CountAsync(r => r.ReadAt == null, ct);

    private IQueryable<TransmissionRecipient> Mine(CurrentUser user)
    {
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        return db.TransmissionRecipients.AsNoTracking().Where(r => r.RecipientId == user.Id && visible.Contains(r.PatientId));
    }
}
