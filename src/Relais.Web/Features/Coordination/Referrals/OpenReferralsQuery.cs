using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Referrals;

public sealed record ReferralDto(Guid Id, Guid PatientId, string PatientName, string Reason, DateOnly DueOn, ReferralStatus Status, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>Open referrals back to the specialist (C14) for the patients the access rule lets the user see today, by due date.</summary>
public sealed class OpenReferralsQuery(RelaisDb db, Clock clock)
{
    /// <summary>The most the list shows, the soonest due first; the total says how many are open.</summary>
    public const int MaxItems = 200;

    public async Task<Capped<ReferralDto>> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var rows = await (from r in Open(user)
                          join p in db.Patients on r.PatientId equals p.Id
                          orderby r.DueOn, r.Id
                          select new { r, p.BirthName, p.UsedName, p.FirstNames })
            .ToCappedAsync(MaxItems, ct);
        var names = await ProfessionalNames.OfAsync(db, rows.Items.Select(x => x.r.CreatedBy), ct);
        return new(rows.Items.Select(x => new ReferralDto(x.r.Id, x.r.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.r.Reason, x.r.DueOn,
            x.r.Status, x.r.CreatedAt, names.GetValueOrDefault(x.r.CreatedBy, "?"))).ToList(), rows.Total);
    }

    /// <summary>How many referrals are open (the home page's line), with no patient named.</summary>
    public Task<int> CountAsync(CurrentUser user, CancellationToken ct) => Open(user).CountAsync(ct);

    /// <summary>The open referrals of the patients the user sees and who are still in care.</summary>
    private IQueryable<ReferralTask> Open(CurrentUser user)
    {
        var active = PatientQueries.ActiveIds(db, user, clock.Today, clock.Now);
        return db.ReferralTasks.AsNoTracking().Where(r => r.Status == ReferralStatus.Open && active.Contains(r.PatientId));
    }
}
