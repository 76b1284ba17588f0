using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.TeamQueue;

public enum TeamQueueFilter { Open, Late, Mine }

public sealed record TeamQueueItem(Guid RecipientEntryId, Guid TransmissionId, Guid PatientId, string PatientName, ObligationCode Obligation, string Title,
    string Sender, Guid OwnerId, string Owner, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Urgent, TransmissionStatus Status,
    bool Late, DateTimeOffset? EscalatedAt, DateTimeOffset? HandedOnAt);

public sealed record TeamQueuePage(IReadOnlyList<TeamQueueItem> Items, int Total, int Page, int PageSize, TeamQueueCounts Counts);

public sealed record TeamQueueCounts(int Open, int Late, int Mine);

/// <summary>
/// The specialist team's queue (<see cref="TeamSignals"/>): the inbound signals not yet taken in charge, for the
/// patients whose care team the user belongs to in a role that may own them, each with its named owner;
/// the most urgent first (by due time, so the late ones lead); paged. Patients who objected to the user are left out.
/// </summary>
public sealed class TeamQueueQuery(RelaisDb db, Clock clock)
{
    public async Task<TeamQueuePage> HandleAsync(CurrentUser user, TeamQueueFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var now = clock.Now;
        // One pass over the team's open items (a nurse coordinator's ~1,900 patients, each an index probe): see KeyPaging.
        var keys = await Open(user).Select(r => new { r.Id, r.DueAt, r.RecipientId }).Distinct().ToListAsync(ct);
        var counts = new TeamQueueCounts(keys.Count, keys.Count(k => k.DueAt <= now), keys.Count(k => k.RecipientId == user.Id));
        var (filtered, total) = filter switch
        {
            TeamQueueFilter.Late => (keys.Where(k => k.DueAt <= now), counts.Late),
            TeamQueueFilter.Mine => (keys.Where(k => k.RecipientId == user.Id), counts.Mine),
            _ => (keys, counts.Open),
        };
        var pageIds = filtered.OrderBy(k => k.DueAt).ThenBy(k => k.Id).PageIds(page, pageSize, k => k.Id);
        var pageRows = db.TransmissionRecipients.AsNoTracking().Where(r => pageIds.Contains(r.Id));
        var rows = (await (from r in pageRows
                           join t in db.Transmissions on r.TransmissionId equals t.Id
                           join p in db.Patients on r.PatientId equals p.Id
                           join o in db.Users on r.RecipientId equals o.Id
                           join s in db.Users on t.SenderId equals s.Id
                           select new
                           {
                               r.Id, r.TransmissionId, r.PatientId, p.BirthName, p.UsedName, p.FirstNames, t.Obligation, t.Title, SenderFirst = s.FirstName,
                               SenderLast = s.LastName, r.RecipientId, OwnerFirst = o.FirstName, OwnerLast = o.LastName, t.CreatedAt, r.DueAt, t.Urgent,
                               r.DeliveredAt, r.MailFailedAt, r.EscalatedAt, r.HandedOnAt,
                           })
            .ToListAsync(ct)).OrderBy(x => x.DueAt).ThenBy(x => x.Id).ToList();
        var items = rows.Select(x => new TeamQueueItem(x.Id, x.TransmissionId, x.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.Obligation,
            x.Title, RelaisUser.NameOf(x.SenderFirst, x.SenderLast), x.RecipientId, RelaisUser.NameOf(x.OwnerFirst, x.OwnerLast), x.CreatedAt, x.DueAt, x.Urgent,
            TransmissionRules.Status(x.DeliveredAt, null, x.MailFailedAt, x.DueAt, now), x.DueAt <= now, x.EscalatedAt, x.HandedOnAt)).ToList();
        return new TeamQueuePage(items, total, page, pageSize, counts);
    }

    /// <summary>
    /// The open team items of the patients whose care team the user is in, today, in a role that may own them: joined to the
    /// user's care-team rows, so an item appears once per role the user holds; the caller makes them distinct on their key.
    /// </summary>
    private IQueryable<TransmissionRecipient> Open(CurrentUser user)
    {
        var today = clock.Today;
        var roles = TeamSignals.OwnerRoles.ToList();
        var objected = db.AccessObjections.Where(o => o.ProfessionalId == user.Id && o.WithdrawnAt == null).Select(o => o.PatientId);
        var patients = db.CareTeamMembers
            .Where(Relais.Domain.Patients.CareTeamMember.ActiveNow(today)).Where(m => m.ProfessionalId == user.Id && roles.Contains(m.Role))
            .Select(m => m.PatientId)
            .Where(id => !objected.Contains(id));
        return from patientId in patients
               join r in db.TransmissionRecipients.AsNoTracking() on patientId equals r.PatientId
               where r.AcknowledgedAt == null && r.Kind == RecipientKinds.SpecialistTeam && !r.IsEscalation
               select r;
    }
}
