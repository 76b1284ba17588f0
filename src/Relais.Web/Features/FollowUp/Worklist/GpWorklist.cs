using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Worklist;

public sealed record WorklistItem(Guid ItemId, Guid PatientId, string PatientName, DateOnly Due, string Kind, string Performer, bool Overdue);

/// <summary>
/// The worklist's two sections. Each lists at most <see cref="GpWorklist.MaxPerSection"/> items, the
/// most urgent first; <c>OverdueTotal</c> and <c>UpcomingTotal</c> say how many there are in all, so
/// that a list cut for size says so.
/// </summary>
public sealed record FollowUpWorklist(IReadOnlyList<WorklistItem> Overdue, IReadOnlyList<WorklistItem> Upcoming, int OverdueDays, int OverdueTotal, int UpcomingTotal);

/// <summary>The GP's worklist: overdue items, and those due in the coming weeks, of the patients the access rule lets them see.</summary>
public sealed class GpWorklist(RelaisDb db, Clock clock, IConfiguration configuration)
{
    /// <summary>A screenful a GP can act on; the totals tell when there are more.</summary>
    public const int MaxPerSection = 500;

    /// <summary>The window of the "coming" section: the month ahead.</summary>
    public const int UpcomingDays = 30;

    public async Task<FollowUpWorklist> HandleAsync(CurrentUser user, int upcomingDays, CancellationToken ct)
    {
        var overdueDays = configuration.OverdueDays();
        var (overdue, upcoming, overdueBefore) = Sections(user, upcomingDays);
        var overdueItems = await ItemsAsync(overdue, overdueBefore, ct);
        var upcomingItems = await ItemsAsync(upcoming, overdueBefore, ct);
        return new FollowUpWorklist(overdueItems.Items, upcomingItems.Items, overdueDays, overdueItems.Total, upcomingItems.Total);
    }

    /// <summary>How many items each section holds (the home page's lines), with no patient named.</summary>
    public async Task<(int Overdue, int Upcoming)> CountsAsync(CurrentUser user, int upcomingDays, CancellationToken ct)
    {
        var (overdue, upcoming, _) = Sections(user, upcomingDays);
        return (await overdue.CountAsync(ct), await upcoming.CountAsync(ct));
    }

    /// <summary>The planned items of the patients the user sees and who are still in care, overdue and coming.</summary>
    private (IQueryable<CarnetItem> Overdue, IQueryable<CarnetItem> Upcoming, DateOnly OverdueBefore) Sections(CurrentUser user, int upcomingDays)
    {
        var today = clock.Today;
        var active = PatientQueries.ActiveIds(db, user, today, clock.Now);
        var overdueBefore = today.AddDays(-configuration.OverdueDays());
        var until = today.AddDays(upcomingDays);
        var planned = db.CarnetItems.AsNoTracking().Where(i => i.Status == CarnetItemStatus.Planned && active.Contains(i.PatientId));
        return (planned.Where(i => i.Due < overdueBefore), planned.Where(i => i.Due >= overdueBefore && i.Due <= until), overdueBefore);
    }

    private async Task<Capped<WorklistItem>> ItemsAsync(IQueryable<CarnetItem> items, DateOnly overdueBefore, CancellationToken ct)
    {
        var rows = await (from i in items
                          join p in db.Patients on i.PatientId equals p.Id
                          orderby i.Due, i.Id
                          select new { i, p.BirthName, p.UsedName, p.FirstNames })
            .ToCappedAsync(MaxPerSection, ct);
        return new(rows.Items.Select(x => new WorklistItem(x.i.Id, x.i.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.i.Due,
            x.i.Kind.Label(), x.i.Performer.Label(), x.i.Due < overdueBefore)).ToList(), rows.Total);
    }
}
