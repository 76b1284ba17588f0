using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>
/// Searches the patients the user may see (never the whole base: that would be an existence
/// oracle) by name, INS or birth date. Each patient shown is an audited read, committed here.
/// </summary>
public sealed class SearchPatients(RelaisDb db, Clock clock)
{
    public const int MaxPageSize = 100;

    /// <param name="stillInCare">Only the patients still in care (the home page's list); a search finds everyone the user may see.</param>
    public async Task<PatientPage> HandleAsync(CurrentUser user, string? search, int page, int pageSize, bool stillInCare, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var accessible = db.Patients.AsNoTracking().AccessibleTo(db, user, clock.Today, clock.Now);
        var query = Matching(stillInCare ? accessible.StillInCare(db) : accessible, search);
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
        return new PatientPage(items.Select(i => i with { DisplayName = PatientName.Of(i.BirthName, i.UsedName, i.FirstNames), Episodes = episodes[i.Id].ToList() }).ToList(), total, page, pageSize);
    }

    private static IQueryable<Patient> Matching(IQueryable<Patient> query, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return query;
        if (TryParseDate(term, out var birthDate))
            return query.Where(p => p.BirthDate == birthDate);
        var compact = term.Replace(" ", "");
        if (compact.Length >= 3 && compact.All(c => char.IsAsciiDigit(c) || c is 'A' or 'B' or 'a' or 'b'))
        {
            var ins = compact.ToUpperInvariant();
            return query.Where(p => p.Ins.StartsWith(ins));
        }
        // Every word must appear, in any order: "hélène lemaire" finds LEMAIRE Hélène.
        foreach (var word in SearchText.Normalize(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            query = query.Where(p => p.SearchKey.Contains(word));
        return query;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
