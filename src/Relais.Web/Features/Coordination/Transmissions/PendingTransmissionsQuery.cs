using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Transmissions;

public sealed record PendingItem(Guid TransmissionId, Guid PatientId, string PatientName, ObligationCode Obligation, string Title, string Recipient,
    RecipientKinds RecipientKind, DateTimeOffset CreatedAt, DateTimeOffset DueAt, TransmissionStatus Status, bool MailFailed);

public sealed record PendingPage(IReadOnlyList<PendingItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// What is late or not yet acknowledged: for a sender, what they sent; for a nurse coordinator,
/// everything sent for the patients of their care teams. Only patients the access rule lets the user see today.
/// </summary>
public sealed class PendingTransmissionsQuery(RelaisDb db, Clock clock)
{
    /// <summary>The transmissions that found no recipient head the first page, at most this many; the page's total counts them all.</summary>
    public const int MaxOrphans = 50;

    /// <summary>How a row still waiting for the patient's portal account names its recipient.</summary>
    public const string AwaitingPatient = "Le patient — pas encore reçu (compte patient non activé)";

    public async Task<PendingPage> HandleAsync(CurrentUser user, bool lateOnly, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var now = clock.Now;
        var today = clock.Today;
        var visible = PatientQueries.VisibleIds(db, user, today, now);
        var coordinator = user.IsInRole(Roles.NurseCoordinator);
        // Read on the recipient rows (partial index on what is unacknowledged); the transmission is joined only to
        // check the sender, and for the page's 20 rows.
        // Joined to each source of the access rule and made distinct on the row's key (PatientQueries.VisibleSources).
        var recipients = from patientId in PatientQueries.VisibleSources(db, user, today, now)
                         join r in db.TransmissionRecipients on patientId equals r.PatientId
                         where r.AcknowledgedAt == null
                         select r;
        if (lateOnly) recipients = recipients.Where(r => r.DueAt <= now);
        if (!coordinator) recipients = recipients.Where(r => db.Transmissions.Any(t => t.Id == r.TransmissionId && t.SenderId == user.Id));
        // One pass over them (a nurse coordinator's ~1,900 patients, each an index probe): see KeyPaging.
        var keys = await recipients.Select(r => new { r.Id, r.DueAt }).Distinct().ToListAsync(ct);
        var total = keys.Count;
        var pageIds = keys.OrderBy(k => k.DueAt).ThenBy(k => k.Id).PageIds(page, pageSize, k => k.Id);
        var pageRows = db.TransmissionRecipients.AsNoTracking().Where(r => pageIds.Contains(r.Id));
        var rows = (await (from r in pageRows
                           join t in db.Transmissions on r.TransmissionId equals t.Id
                           join p in db.Patients on r.PatientId equals p.Id
                           // A row waiting for the patient's portal account names no account (TransmissionRecipient.AwaitsPortalAccount).
                           join u in db.Users on r.RecipientId equals u.Id into accounts
                           from u in accounts.DefaultIfEmpty()
                           select new
                           {
                               t.Id, t.PatientId, p.BirthName, p.UsedName, p.FirstNames, t.Obligation, t.Title, FirstName = u == null ? null : u.FirstName, LastName = u == null ? null : u.LastName,
                               r.Kind, t.CreatedAt, r.DueAt, r.DeliveredAt, r.MailFailedAt, RecipientRowId = r.Id,
                           })
            .ToListAsync(ct)).OrderBy(x => x.DueAt).ThenBy(x => x.RecipientRowId).ToList();
        // Transmissions that found nobody to receive them (no declared GP...) come first: they need a hand.
        var orphans = page > 1 || lateOnly ? new Capped<PendingItem>([], 0) : await (from t in db.Transmissions.AsNoTracking()
                                                          join p in db.Patients on t.PatientId equals p.Id
                                                          where !db.TransmissionRecipients.Any(r => r.TransmissionId == t.Id) && visible.Contains(t.PatientId) && (coordinator || t.SenderId == user.Id)
                                                          orderby t.CreatedAt descending
                                                          select new PendingItem(t.Id, t.PatientId, p.BirthName + " " + p.FirstNames, t.Obligation, t.Title,
                                                              "Aucun destinataire (médecin traitant non déclaré ?)", RecipientKinds.None, t.CreatedAt, t.DueAt, TransmissionStatus.Failed, false))
                                                         .ToCappedAsync(MaxOrphans, ct);
        return new PendingPage(orphans.Items.Concat(rows.Select(x => new PendingItem(x.Id, x.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.Obligation, x.Title,
            x.FirstName is null ? AwaitingPatient : RelaisUser.NameOf(x.FirstName, x.LastName ?? ""), x.Kind, x.CreatedAt, x.DueAt, TransmissionRules.Status(x.DeliveredAt, null, x.MailFailedAt, x.DueAt, now), x.MailFailedAt != null))).ToList(),
            total + orphans.Total, page, pageSize);
    }
}
