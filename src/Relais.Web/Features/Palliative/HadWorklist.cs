using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.PalliativeCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Palliative;

public sealed record HadWorkItem(Guid StayId, Guid PatientId, string PatientName, string ProviderName, string Status, DateOnly RequestedOn, DateOnly? StayUntil);

public sealed record HadWorklistPage(IReadOnlyList<HadWorkItem> Items, int Pending);

/// <summary>
/// The home hospitalisations of the HAD structures the caller works for (issue 13 point 6): the requests to assess first, then
/// the running stays by end day. Only patients whose grant is open (the access rule); each one listed is an audited read.
/// </summary>
public sealed class HadWorklist(RelaisDb db, Clock clock)
{
    public const int MaxItems = 200;

    public async Task<HadWorklistPage> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var providers = db.ProviderMembers.Where(m => m.UserId == user.Id).Select(m => m.ProviderId);
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var rows = await (from s in db.HadStays.AsNoTracking()
                          join pr in db.SupportiveCareProviders on s.ProviderId equals pr.Id
                          join p in db.Patients on s.PatientId equals p.Id
                          where providers.Contains(s.ProviderId) && (s.Status == HadStatus.Requested || s.Status == HadStatus.Admitted) && visible.Contains(s.PatientId)
                          orderby s.Status, s.StayUntil, s.RequestedOn, s.Id
                          select new { s.Id, s.PatientId, pr.Name, s.Status, s.RequestedOn, s.StayUntil, p.BirthName, p.UsedName, p.FirstNames }).Take(MaxItems).ToListAsync(ct);
        var items = rows.Select(r => new HadWorkItem(r.Id, r.PatientId, PatientName.Of(r.BirthName, r.UsedName, r.FirstNames), r.Name, EnumCodes.Code(r.Status), r.RequestedOn, r.StayUntil)).ToList();
        foreach (var patientId in items.Select(i => i.PatientId).Distinct())
            db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.List, "GET /api/had/stays", AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new HadWorklistPage(items, items.Count(i => i.Status == "requested"));
    }
}
