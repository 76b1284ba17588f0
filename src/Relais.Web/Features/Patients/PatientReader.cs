using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Web.Features.Access;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>The read side of patients, shared by the API and the pages. Callers have passed the access rule.</summary>
public sealed class PatientReader(RelaisDb db, Clock clock)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// Searches the patients the user may see (never the whole base: that would be an existence
    /// oracle) by name, INS or birth date. Each patient shown is an audited read.
    /// </summary>
    public async Task<PatientPage> SearchAsync(CurrentUser user, string? search, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Patients.AsNoTracking().AccessibleTo(db, user, clock.Today, clock.Now);
        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            if (TryParseDate(term, out var birthDate))
                query = query.Where(p => p.BirthDate == birthDate);
            else if (term.Replace(" ", "").Length >= 3 && term.Replace(" ", "").All(c => char.IsAsciiDigit(c) || c is 'A' or 'B' or 'a' or 'b'))
            {
                var ins = term.Replace(" ", "").ToUpperInvariant();
                query = query.Where(p => p.Ins.StartsWith(ins));
            }
            else
            {
                // Every word must appear, in any order: "hélène lemaire" finds LEMAIRE Hélène.
                foreach (var word in SearchText.Normalize(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                    query = query.Where(p => p.SearchKey.Contains(word));
            }
        }
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(p => p.UsedName ?? p.BirthName).ThenBy(p => p.FirstNames).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PatientSummary(p.Id, p.Ins, "", p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, p.Sex, p.Address.PostalCode, p.Address.City))
            .ToListAsync(ct);
        // One query for the episodes of the whole page, not one per patient.
        var ids = items.Select(i => i.Id).ToList();
        var episodes = (await db.Episodes.AsNoTracking()
                .Where(e => ids.Contains(e.PatientId))
                .OrderBy(e => e.CreatedAt)
                .Select(e => new { e.PatientId, Brief = new EpisodeBrief(e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Phase, e.PhaseSince) })
                .ToListAsync(ct))
            .ToLookup(e => e.PatientId, e => e.Brief);
        var now = clock.Now;
        foreach (var item in items)
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, item.Id, AuditActions.List, "GET /api/patients", AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new PatientPage(items.Select(i => i with { DisplayName = DisplayName(i.BirthName, i.UsedName, i.FirstNames), Episodes = episodes[i.Id].ToList() }).ToList(), total, page, pageSize);
    }

    public static string DisplayName(string birthName, string? usedName, string firstNames) =>
        $"{(usedName ?? birthName).ToUpperInvariant()} {firstNames}";

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public async Task<PatientDetail?> GetDetailAsync(Guid patientId, AccessBasis basis, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == patientId, ct);
        if (p is null) return null;
        var today = clock.Today;
        var team = await CareTeamAsync(patientId, ct);
        var gp = p.GeneralPractitionerId is { } gpId ? await ProfessionalAsync(gpId, ct) : null;
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return new PatientDetail(
            p.Id, p.Ins, p.DisplayName, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, p.AgeOn(today), p.Sex, p.Phone, p.Email,
            new AddressDto(p.Address.Line1, p.Address.Line2, p.Address.PostalCode, p.Address.City), gp,
            p.TrustedPerson is { } t ? new TrustedPersonDto(t.FullName, t.Relationship, t.Phone, t.DesignatedInWritingOn, t.RevokedOn) : null,
            new AdvanceDirectivesDto(p.AdvanceDirectives.Exist, p.AdvanceDirectives.WrittenOn, p.AdvanceDirectives.WhereKept),
            team, episodes.Select(ToDto).ToList(), basis);
    }

    public static EpisodeDto ToDto(Domain.Episodes.CancerEpisode e) => new(
        e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Laterality, e.Histology, e.HistologyLabel, e.DiagnosisDate, e.DiagnosisBasis,
        e.ClinicalT, e.ClinicalN, e.ClinicalM, e.PathologicalT, e.PathologicalN, e.PathologicalM, e.StageGroup, e.IsRareCancer,
        e.HereditarySuspicion, e.Phase, e.PhaseSince, PathwayTransitions.AllowedFrom(e.Phase));

    public async Task<IReadOnlyList<CareTeamMemberDto>> CareTeamAsync(Guid patientId, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await (
                from m in db.CareTeamMembers.AsNoTracking()
                join u in db.Users.AsNoTracking() on m.ProfessionalId equals u.Id
                join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                where m.PatientId == patientId
                orderby m.From, m.Id
                select new { m, u.FirstName, u.LastName, u.Email, u.Rpps, u.Specialty, Org = o == null ? null : o.Name })
            .ToListAsync(ct);
        return rows.Select(r => new CareTeamMemberDto(r.m.Id,
                new ProfessionalRef(r.m.ProfessionalId, $"{r.FirstName} {r.LastName.ToUpperInvariant()}", r.Rpps, r.Specialty.ToString(), r.Org),
                r.m.Role, r.m.From, r.m.To, r.m.IsActiveOn(today)))
            .OrderByDescending(r => r.Active).ThenBy(r => r.Role)
            .ToList();
    }

    public async Task<ProfessionalRef?> ProfessionalAsync(Guid id, CancellationToken ct)
    {
        var r = await (
                from u in db.Users.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                where u.Id == id
                select new { u.Id, u.FirstName, u.LastName, u.Rpps, u.Specialty, Org = o == null ? null : o.Name })
            .FirstOrDefaultAsync(ct);
        return r is null ? null : new ProfessionalRef(r.Id, $"{r.FirstName} {r.LastName.ToUpperInvariant()}", r.Rpps, r.Specialty.ToString(), r.Org);
    }

    public async Task<IReadOnlyList<EpisodeTimeline>> TimelineAsync(Guid patientId, CancellationToken ct)
    {
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var events = await (
                from e in db.PathwayEvents.AsNoTracking()
                join u in db.Users.AsNoTracking() on e.RecordedBy equals u.Id into us
                from u in us.DefaultIfEmpty()
                where e.PatientId == patientId
                orderby e.OccurredOn, e.RecordedAt
                select new { e, Who = u == null ? "?" : u.FirstName + " " + u.LastName })
            .ToListAsync(ct);
        return episodes.Select(ep =>
        {
            var mine = events.Where(x => x.e.EpisodeId == ep.Id).ToList();
            var delays = PathwayDelays.Compute(ep.DiagnosisDate, mine.Select(x => x.e.ToMilestone()));
            return new EpisodeTimeline(ep.Id, ep.PrimarySite, ep.PrimarySiteLabel, ep.Phase,
                mine.Select(x => new PathwayEventDto(x.e.Id, x.e.EpisodeId, x.e.From, x.e.To, x.e.OccurredOn, x.e.RecordedAt, x.Who, x.e.Note)).ToList(),
                delays.Select(d => new DelayDto(d.Code, d.From, d.To, d.FromDate, d.ToDate, d.Days)).ToList());
        }).ToList();
    }

    /// <summary>Who accessed the record and when: what the patient is shown (PRODUCT.md §2).</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(Guid patientId, int take, CancellationToken ct)
    {
        var rows = await (
                from a in db.AuditEntries.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.ActorId equals u.Id into us
                from u in us.DefaultIfEmpty()
                where a.PatientId == patientId
                orderby a.Id descending
                select new { a.At, a.Action, a.Outcome, a.ActorRole, First = u == null ? null : u.FirstName, Last = u == null ? null : u.LastName })
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(ct);
        return rows.Select(r => new AccessLogEntry(r.At, r.Last is null ? "Inconnu" : $"{r.First} {r.Last.ToUpperInvariant()}", r.ActorRole, r.Action, r.Outcome)).ToList();
    }
}
