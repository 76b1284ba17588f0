using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Steps;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Steps;

public sealed record StepWorkItem(Guid StepId, Guid PatientId, string PatientName, string Kind, string Label, string Owner, DateOnly DueOn, bool Late);

public sealed record StepsWorklistPage(IReadOnlyList<StepWorkItem> Items, int Total, int Late, int Page, int PageSize);

/// <summary>
/// The steps that fall to the caller (issue 15 point 3): for a GP those owned by the GP, for the hospital team those owned
/// by the team, planned and due within <see cref="Days"/> days or late, of the patients the access rule lets the caller see
/// and who are still in care, the earliest first; paged (50 by default), the total and the count late over the whole list. Each
/// patient listed is an audited read.
/// </summary>
public sealed class StepsWorklist(RelaisDb db, Clock clock, ListAudit listAudit)
{
    public const int DefaultPageSize = 50, MaxPageSize = 100, Days = 30;

    public async Task<StepsWorklistPage> HandleAsync(CurrentUser user, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        // The steps' keys in one pass over the visible patients: the total, the count late and the page are cut from them, then
        // the page's rows are read by key — the visible set is not walked a second time.
        var keys = await Mine(user).ToListAsync(ct);
        var today = clock.Today;
        var total = keys.Count;
        var late = keys.Count(k => k.DueOn < today);
        var pageIds = keys.OrderBy(k => k.DueOn).ThenBy(k => k.Id).PageIds(page, pageSize, k => k.Id);
        var rows = await (from s in db.AdministrativeSteps.AsNoTracking().Where(s => pageIds.Contains(s.Id))
                          join p in db.Patients on s.PatientId equals p.Id
                          select new { s.Id, s.PatientId, s.Kind, s.Owner, s.DueOn, p.BirthName, p.UsedName, p.FirstNames }).ToListAsync(ct);
        var items = rows.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Select(r => new StepWorkItem(r.Id, r.PatientId, PatientName.Of(r.BirthName, r.UsedName, r.FirstNames), EnumCodes.Code(r.Kind),
            AdministrativeSteps.Label(r.Kind), EnumCodes.Code(r.Owner), r.DueOn, r.DueOn < today)).ToList();
        await listAudit.RecordAsync(user, items.Select(i => i.PatientId), "GET /api/worklists/steps", ct);
        return new StepsWorklistPage(items, total, late, page, pageSize);
    }

    private sealed class StepKey
    {
        public Guid Id { get; init; }
        public DateOnly DueOn { get; init; }
    }

    /// <summary>The keys of the caller's steps, each once (joined to each source of the access rule: PatientQueries.VisibleSources).</summary>
    private IQueryable<StepKey> Mine(CurrentUser user)
    {
        var owner = user.IsInRole(Roles.GeneralPractitioner) ? StepOwner.Gp : StepOwner.HospitalTeam;
        var until = clock.Today.AddDays(Days);
        // The rule of PatientQueries.ActiveIds, the test of who left care made on the steps' patients only.
        var visible = PatientQueries.VisibleSources(db, user, clock.Today, clock.Now);
        var left = PatientQueries.LeftCare(db);
        return (from patientId in visible
                join s in db.AdministrativeSteps on patientId equals s.PatientId
                where s.Status == StepStatus.Planned && s.Owner == owner && s.DueOn <= until && !left.Any(e => e.PatientId == s.PatientId)
                select new StepKey { Id = s.Id, DueOn = s.DueOn }).Distinct();
    }
}
