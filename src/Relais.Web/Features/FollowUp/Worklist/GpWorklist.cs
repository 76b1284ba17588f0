using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Worklist;

public sealed record WorklistItem(Guid ItemId, Guid PatientId, string PatientName, DateOnly Due, string Kind, string Performer, bool Overdue);

public sealed record FollowUpWorklist(IReadOnlyList<WorklistItem> Overdue, IReadOnlyList<WorklistItem> Upcoming, int OverdueDays);

/// <summary>The GP's worklist: overdue items, and those due in the coming weeks, of the patients the access rule lets them see.</summary>
public sealed class GpWorklist(RelaisDb db, Clock clock, IConfiguration configuration)
{
    public async Task<FollowUpWorklist> HandleAsync(CurrentUser user, int upcomingDays, CancellationToken ct)
    {
        var today = clock.Today;
        var overdueDays = configuration.OverdueDays();
        var visible = PatientQueries.VisibleIds(db, user, today, clock.Now);
        var overdueBefore = today.AddDays(-overdueDays);
        var until = today.AddDays(upcomingDays);
        var rows = await (from i in db.CarnetItems.AsNoTracking()
                          join p in db.Patients on i.PatientId equals p.Id
                          where i.Status == CarnetItemStatus.Planned && i.Due <= until && visible.Contains(i.PatientId)
                          orderby i.Due
                          select new { i, p.BirthName, p.UsedName, p.FirstNames })
            .Take(500).ToListAsync(ct);
        var items = rows.Select(x => new WorklistItem(x.i.Id, x.i.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.i.Due,
            x.i.Kind.Label(), x.i.Performer.Label(), x.i.Due < overdueBefore)).ToList();
        return new FollowUpWorklist(items.Where(i => i.Overdue).ToList(), items.Where(i => !i.Overdue && i.Due >= today.AddDays(-overdueDays)).ToList(), overdueDays);
    }
}
