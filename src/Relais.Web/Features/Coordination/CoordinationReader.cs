using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Features.Access;
using Relais.Web.Data;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Coordination;

public enum InboxFilter { All, Unread, ToAcknowledge, Late }

/// <summary>The read side of coordination, shared by the API and the pages.</summary>
public sealed class CoordinationReader(RelaisDb db, Clock clock)
{
    public async Task<IReadOnlyList<DocumentDto>> DocumentsAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new { d.Id, d.LineageId, d.Version, d.Kind, d.Title, d.ContentType, d.FileName, d.Size, d.Sha256, d.CreatedBy, d.CreatedAt, d.SignedBy, d.SignedAt })
            .ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.CreatedBy).Concat(rows.Where(r => r.SignedBy != null).Select(r => r.SignedBy!.Value)), ct);
        return rows.Select(d => new DocumentDto(d.Id, d.LineageId, d.Version, d.Kind, d.Title, d.ContentType, d.FileName, d.Size, d.Sha256,
            names.GetValueOrDefault(d.CreatedBy, "?"), d.CreatedAt, d.SignedBy is { } s ? names.GetValueOrDefault(s, "?") : null, d.SignedAt)).ToList();
    }

    public async Task<DocumentDto?> DocumentAsync(Guid patientId, Guid documentId, CancellationToken ct) =>
        (await DocumentsAsync(patientId, ct)).FirstOrDefault(d => d.Id == documentId);

    public Task<Document?> DocumentContentAsync(Guid patientId, Guid documentId, CancellationToken ct) =>
        db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.PatientId == patientId, ct);

    public async Task<IReadOnlyList<TransmissionDto>> TransmissionsAsync(Guid patientId, CancellationToken ct)
    {
        var transmissions = await db.Transmissions.AsNoTracking().Include(t => t.Recipients)
            .Where(t => t.PatientId == patientId).OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(ct);
        return await ToDtosAsync(transmissions, ct);
    }

    public async Task<TransmissionDto?> TransmissionAsync(Guid patientId, Guid transmissionId, CancellationToken ct)
    {
        var t = await db.Transmissions.AsNoTracking().Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == transmissionId && x.PatientId == patientId, ct);
        return t is null ? null : (await ToDtosAsync([t], ct))[0];
    }

    private async Task<IReadOnlyList<TransmissionDto>> ToDtosAsync(IReadOnlyList<Transmission> transmissions, CancellationToken ct)
    {
        var now = clock.Now;
        var names = await NamesAsync(transmissions.Select(t => t.SenderId).Concat(transmissions.SelectMany(t => t.Recipients.Select(r => r.RecipientId))), ct);
        return transmissions.Select(t =>
        {
            var recipients = t.Recipients.Select(r => new RecipientDto(r.Id, r.RecipientId, names.GetValueOrDefault(r.RecipientId, "?"), r.Kind, r.StatusAt(now),
                r.DueAt, r.DeliveredAt, r.MailSentAt, r.ReadAt, r.AcknowledgedAt)).ToList();
            return new TransmissionDto(t.Id, t.PatientId, t.Obligation, ObligationCatalogue.Get(t.Obligation).Trigger, t.Title, t.Message, t.DocumentId,
                names.GetValueOrDefault(t.SenderId, "?"), t.CreatedAt, t.DueAt, t.Urgent, Overall(recipients.Select(r => r.Status)), recipients);
        }).ToList();
    }

    /// <summary>A transmission is acknowledged when every recipient has; late or failed as soon as one is.</summary>
    public static TransmissionStatus Overall(IEnumerable<TransmissionStatus> statuses)
    {
        var list = statuses.ToList();
        if (list.Count == 0) return TransmissionStatus.Pending;
        if (list.Contains(TransmissionStatus.Failed)) return TransmissionStatus.Failed;
        if (list.Contains(TransmissionStatus.Late)) return TransmissionStatus.Late;
        if (list.All(s => s == TransmissionStatus.Acknowledged)) return TransmissionStatus.Acknowledged;
        if (list.Contains(TransmissionStatus.Pending)) return TransmissionStatus.Pending;
        return TransmissionStatus.Delivered;
    }

    /// <summary>
    /// A recipient's inbox: unread, to acknowledge or late; newest first; grouped by patient; paged. Only
    /// patients the access rule lets the recipient see today.
    /// </summary>
    public async Task<InboxPage> InboxAsync(CurrentUser user, InboxFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var now = clock.Now;
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, now);
        var mine = db.TransmissionRecipients.AsNoTracking().Where(r => r.RecipientId == user.Id && visible.Contains(r.PatientId));
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
        var counts = new InboxCounts(tally?.Unread ?? 0, tally?.ToAcknowledge ?? 0, tally?.Late ?? 0);
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
                    Sender = s.FirstName + " " + s.LastName, t.CreatedAt, r.DueAt, t.Urgent, r.DeliveredAt, r.AcknowledgedAt, r.MailFailedAt, r.ReadAt,
                    HasDocument = t.DocumentId != null,
                })
            .ToListAsync(ct);
        // A join does not keep the subquery's order: the page is put back in it.
        rows = rows.OrderByDescending(x => x.DeliveredAt).ThenByDescending(x => x.Id).ToList();
        var items = rows.Select(x => new InboxItem(x.Id, x.TransmissionId, x.PatientId, PatientReader.DisplayName(x.BirthName, x.UsedName, x.FirstNames), x.BirthDate,
            x.Obligation, x.Title, x.Sender, x.CreatedAt, x.DueAt, x.Urgent, TransmissionRules.Status(x.DeliveredAt, x.AcknowledgedAt, x.MailFailedAt, x.DueAt, now),
            x.ReadAt == null, x.HasDocument)).ToList();
        // Grouped by patient, groups in the order of their newest item.
        var groups = items.GroupBy(i => i.PatientId).Select(g => new InboxGroup(g.Key, g.First().PatientName, g.First().PatientBirthDate, g.ToList())).ToList();
        return new InboxPage(groups, total, page, pageSize, counts);
    }

    /// <summary>
    /// What is late or not yet acknowledged: for a sender, what they sent; for a nurse coordinator,
    /// everything sent for the patients of their care teams.
    /// </summary>
    public async Task<PendingPage> PendingAsync(CurrentUser user, bool lateOnly, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var now = clock.Now;
        var today = clock.Today;
        var visible = PatientQueries.VisibleIds(db, user, today, now);
        var coordinator = user.IsInRole(Roles.NurseCoordinator);
        // Counted and paged on the recipient rows (partial index on what is unacknowledged); the
        // transmission is joined only to check the sender, and for the page's 20 rows.
        var recipients = db.TransmissionRecipients.AsNoTracking().Where(r => r.AcknowledgedAt == null && visible.Contains(r.PatientId));
        if (lateOnly) recipients = recipients.Where(r => r.DueAt <= now);
        if (!coordinator) recipients = recipients.Where(r => db.Transmissions.Any(t => t.Id == r.TransmissionId && t.SenderId == user.Id));
        var total = await recipients.CountAsync(ct);
        var pageRows = recipients.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize);
        var rows = (await (from r in pageRows
                           join t in db.Transmissions on r.TransmissionId equals t.Id
                           join p in db.Patients on r.PatientId equals p.Id
                           join u in db.Users on r.RecipientId equals u.Id
                           select new
                           {
                               t.Id, t.PatientId, p.BirthName, p.UsedName, p.FirstNames, t.Obligation, t.Title, Recipient = u.FirstName + " " + u.LastName,
                               r.Kind, t.CreatedAt, r.DueAt, r.DeliveredAt, r.MailFailedAt, RecipientRowId = r.Id,
                           })
            .ToListAsync(ct)).OrderBy(x => x.DueAt).ThenBy(x => x.RecipientRowId).ToList();
        // Transmissions that found nobody to receive them (no declared GP...) come first: they need a hand.
        var orphans = page > 1 || lateOnly ? [] : await (from t in db.Transmissions.AsNoTracking()
                                                          join p in db.Patients on t.PatientId equals p.Id
                                                          where !db.TransmissionRecipients.Any(r => r.TransmissionId == t.Id) && visible.Contains(t.PatientId) && (coordinator || t.SenderId == user.Id)
                                                          orderby t.CreatedAt descending
                                                          select new PendingItem(t.Id, t.PatientId, p.BirthName + " " + p.FirstNames, t.Obligation, t.Title,
                                                              "Aucun destinataire (médecin traitant non déclaré ?)", RecipientKinds.None, t.CreatedAt, t.DueAt, TransmissionStatus.Failed, false))
                                                         .Take(50).ToListAsync(ct);
        return new PendingPage(orphans.Concat(rows.Select(x => new PendingItem(x.Id, x.PatientId, PatientReader.DisplayName(x.BirthName, x.UsedName, x.FirstNames), x.Obligation, x.Title,
            x.Recipient, x.Kind, x.CreatedAt, x.DueAt, TransmissionRules.Status(x.DeliveredAt, null, x.MailFailedAt, x.DueAt, now), x.MailFailedAt != null))).ToList(),
            total + orphans.Count, page, pageSize);
    }

    public async Task<IReadOnlyList<ClinicalEventDto>> EventsAsync(Guid patientId, CancellationToken ct)
    {
        var events = await db.ClinicalEvents.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.ReportedAt).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var referrals = await db.ReferralTasks.AsNoTracking().Where(r => r.ClinicalEventId != null && ids.Contains(r.ClinicalEventId.Value))
            .ToDictionaryAsync(r => r.ClinicalEventId!.Value, r => r.Id, ct);
        var names = await NamesAsync(events.Select(e => e.ReportedBy), ct);
        return events.Select(e => ToDto(e, names.GetValueOrDefault(e.ReportedBy, "?"), referrals.TryGetValue(e.Id, out var r) ? r : null)).ToList();
    }

    /// <summary>French pharmacovigilance reporting portal [G] (PRODUCT.md §9).</summary>
    public const string PharmacovigilanceUrl = "https://signalement.social-sante.gouv.fr";

    public static ClinicalEventDto ToDto(ClinicalEvent e, string reportedBy, Guid? referralId) => new(
        e.Id, e.Kind, e.Description, e.OccurredOn, e.Grade, e.TreatmentsGiven, e.SuspectedDrug, e.IsUrgent, e.NeedsPharmacovigilance && e.PharmacovigilanceDeclaredAt is null,
        e.NeedsPharmacovigilance ? PharmacovigilanceUrl : null, e.PharmacovigilanceDeclaredAt, reportedBy, e.ReportedAt, e.TransmissionId, referralId);

    /// <summary>Open referrals back to the specialist (C14) for the patients of the user's care teams, by due date.</summary>
    public async Task<IReadOnlyList<ReferralDto>> OpenReferralsAsync(CurrentUser user, CancellationToken ct)
    {
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var rows = await (from r in db.ReferralTasks.AsNoTracking()
                          join p in db.Patients on r.PatientId equals p.Id
                          join u in db.Users on r.CreatedBy equals u.Id
                          where r.Status == ReferralStatus.Open && visible.Contains(r.PatientId)
                          orderby r.DueOn
                          select new { r, p.BirthName, p.UsedName, p.FirstNames, By = u.FirstName + " " + u.LastName })
            .Take(200).ToListAsync(ct);
        return rows.Select(x => new ReferralDto(x.r.Id, x.r.PatientId, PatientReader.DisplayName(x.BirthName, x.UsedName, x.FirstNames), x.r.Reason, x.r.DueOn, x.r.Status, x.r.CreatedAt, x.By)).ToList();
    }

    public async Task<IReadOnlyList<MessageDto>> MessagesAsync(CurrentUser user, Guid patientId, ThreadKind thread, CancellationToken ct)
    {
        var readUpTo = await db.ThreadReadMarks.AsNoTracking().Where(m => m.UserId == user.Id && m.PatientId == patientId && m.Thread == thread)
            .Select(m => (DateTimeOffset?)m.ReadUpTo).FirstOrDefaultAsync(ct);
        var rows = await (from m in db.ThreadMessages.AsNoTracking()
                          join u in db.Users on m.AuthorId equals u.Id
                          where m.PatientId == patientId && m.Thread == thread
                          orderby m.SentAt
                          select new { m, Author = u.FirstName + " " + u.LastName })
            .ToListAsync(ct);
        return rows.Select(x => new MessageDto(x.m.Id, x.m.Thread, x.Author, x.m.AuthorId, x.m.Body, x.m.SentAt,
            x.m.AuthorId != user.Id && (readUpTo is null || x.m.SentAt > readUpTo))).ToList();
    }

    public async Task<IReadOnlyList<DeadLetterDto>> DeadLettersAsync(CancellationToken ct) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.DeadLetter).OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new DeadLetterDto(m.Id, m.ToAddress, m.ObligationCode, m.Attempts, m.CreatedAt, m.LastError)).ToListAsync(ct);

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, ct);
    }
}
