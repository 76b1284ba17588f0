using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Continuity;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Continuity.Deferrals;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Continuity.Rescheduling;

public sealed record ReschedulingItem(Guid DeferralId, Guid PatientId, string PatientName, DeferredItemRef Item, string What, DateOnly OriginalDate, string Reason,
    string Priority, string PriorityLabel, int MaxDelayDays, DateTimeOffset DecidedAt, int DaysWaited, DateOnly? Until, DateOnly Deadline, bool Overdue);

public sealed record DeferredItemRef(string Kind, Guid Id);

public sealed record ReschedulingPage(IReadOnlyList<ReschedulingItem> Items, int Total, int Overdue, int Page, int PageSize);

/// <summary>
/// The re-scheduling worklist (PRODUCT.md §10): the deferred care still waiting for a new date, of the patients the access
/// rule lets the caller see and who are still in care, the highest priority first and then the longest waited, each
/// flagged when it is overdue against its priority's maximum delay; paged (a page of 50 by default), the total and the count
/// overdue over the whole list. Each patient listed is an audited read.
/// </summary>
public sealed class ReschedulingWorklist(RelaisDb db, Clock clock, ListAudit listAudit)
{
    public const int DefaultPageSize = 50, MaxPageSize = 100;

    public async Task<ReschedulingPage> HandleAsync(CurrentUser user, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var today = clock.Today;
        // The waiting deferrals' keys in one pass over the visible patients: the total, the count overdue and the page are cut
        // from them, then the page's rows are read by key — the visible set is not walked a second time.
        var keys = await Open(user).Select(d => new { d.Id, d.Priority, d.DecidedAt, d.DecidedOn, d.Until }).ToListAsync(ct);
        var total = keys.Count;
        var overdue = keys.Count(k => DeferralPriorities.IsOverdue(k.Priority, k.DecidedOn, k.Until, today));
        var pageIds = keys.OrderBy(k => k.Priority).ThenBy(k => k.DecidedAt).ThenBy(k => k.Id).PageIds(page, pageSize, k => k.Id);
        var rows = await (from d in db.Deferrals.AsNoTracking().Where(d => pageIds.Contains(d.Id))
                          join p in db.Patients on d.PatientId equals p.Id
                          select new { d, p.BirthName, p.UsedName, p.FirstNames }).ToListAsync(ct);
        var names = await DeferralsQuery.NamesAsync(db, rows.Select(r => r.d).ToList(), ct);
        var items = rows.OrderBy(r => r.d.Priority).ThenBy(r => r.d.DecidedAt).ThenBy(r => r.d.Id).Select(r => new ReschedulingItem(r.d.Id, r.d.PatientId,
                PatientName.Of(r.BirthName, r.UsedName, r.FirstNames), new DeferredItemRef(EnumCodes.Code(r.d.ItemKind), r.d.ItemId), names.GetValueOrDefault(r.d.ItemId, ""),
                r.d.OriginalDate, r.d.Reason, EnumCodes.Code(r.d.Priority), r.d.Priority.Label(), DeferralPriorities.MaxDelayDays[r.d.Priority], r.d.DecidedAt,
                today.DayNumber - r.d.DecidedOn.DayNumber, r.d.Until, r.d.Deadline, r.d.IsOverdue(today)))
            .ToList();
        await listAudit.RecordAsync(user, items.Select(i => i.PatientId), "GET /api/worklists/rescheduling", ct);
        return new ReschedulingPage(items, total, overdue, page, pageSize);
    }

    /// <summary>How many deferred steps wait for a new date (the home page's line), with no patient named.</summary>
    public Task<int> CountAsync(CurrentUser user, CancellationToken ct) => Open(user).CountAsync(ct);

    private IQueryable<Deferral> Open(CurrentUser user)
    {
        // The rule of PatientQueries.ActiveIds, the test of who left care made on the deferrals' patients only.
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var left = PatientQueries.LeftCare(db);
        return db.Deferrals.AsNoTracking().Where(d => d.EndedAt == null && visible.Contains(d.PatientId) && !left.Any(e => e.PatientId == d.PatientId));
    }
}
