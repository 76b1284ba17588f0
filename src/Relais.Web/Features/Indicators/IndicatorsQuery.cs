using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Indicators;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Indicators;

/// <summary>
/// The region's settings of the dashboard (section <c>Indicators</c>): the small-cell threshold (default 11, the
/// secret statistique) and the target delays, by indicator code (days, hours for the transmissions).
/// </summary>
public sealed class IndicatorSettings
{
    public const string Section = "Indicators";
    public int SuppressionThreshold { get; set; } = SmallCells.DefaultThreshold;
    public Dictionary<string, int> Targets { get; set; } = [];

    /// <summary>How often the background refresh computes again the cases of the patients whose record changed (0: never).</summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>
    /// How many changed patients a request computes again before it answers, so that a quiet region's figures are those
    /// of its records as they are; what is left (after a bulk load, or while the background refresh runs) is shown as
    /// pending and done in the background. Some 6 ms a patient at 300,000 patients: the default keeps a request within
    /// the dashboard's 500 ms. With no background refresh (<see cref="RefreshSeconds"/> 0), set it to the region's size.
    /// </summary>
    public int CatchUpPatients { get; set; } = 50;
}

public sealed record IndicatorFilterInput(DateOnly? From, DateOnly? To, string? Site, Guid? Hospital, string? Territory);

public sealed record IndicatorOption(string Code, string Label);

/// <summary>A cancer-site group of the filter with its ICD-10 categories ("C15–C26").</summary>
public sealed record SiteOption(string Code, string Label, string Icd10);

public sealed record IndicatorDefinitionDto(string Numerator, string Denominator, string Anchor, string Source, string Href);

public sealed record IndicatorCellDto(string Key, string Label, double? Value, int? Numerator, int? Denominator, bool Suppressed);

public sealed record IndicatorDto(
    string Code, string Label, string Theme, string Kind, string Unit, double? Value, int? Numerator, int? Denominator, bool Suppressed,
    double? P75, double? P90, double? WithinTarget, int? Target, IndicatorDefinitionDto Definition,
    IReadOnlyList<IndicatorCellDto> ByHospital, IReadOnlyList<IndicatorCellDto> ByMonth);

/// <summary>The answer of <c>GET /api/indicators</c>: aggregates only, small cells masked (<see cref="Masked"/> is how they are shown).</summary>
public sealed record IndicatorsAnswer(
    DateOnly From, DateOnly To, string? Site, Guid? Hospital, string? Territory, int Threshold, string Masked,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<SiteOption> Sites, IReadOnlyList<IndicatorOption> Hospitals, IReadOnlyList<IndicatorOption> Territories,
    int PendingPatients, IReadOnlyList<CrisisComparisonDto> Crises);

/// <summary>
/// The 3C/DSRC dashboard (issue 15 point 1, PRODUCT.md §11): the indicators of a period, cancer site, hospital and
/// territory, each by hospital and by month, small cells masked across that one answer. The quality coordinator's
/// only view of the region: aggregates, never a patient (PRODUCT.md §2). The cases are kept per patient
/// (<see cref="RefreshIndicators"/>) and summed here in SQL by indicator, hospital, month, outcome and measure.
/// <para>
/// The sums and cases are read through <see cref="NonNominativeReads"/>: from the streaming replica when one is configured
/// (issue 18 point 4), behind the primary by its replay delay; the catch-up (<see cref="RefreshIndicators"/>) writes, and
/// stays on the primary. The pending patients are then counted on the replica, beside the figures they qualify.
/// </para>
/// </summary>
public sealed class IndicatorsQuery(RelaisDb db, NonNominativeReads reads, RefreshIndicators refresh, CrisisComparisons crises, CapabilityCheck capabilities, Clock clock, IOptions<IndicatorSettings> settings)
{
    /// <summary>The longest period one answer covers: five years of months.</summary>
    public const int MaxMonths = 60;

    public const string UnknownHospital = "unknown";

    public async Task<IndicatorsAnswer> HandleAsync(CurrentUser user, IndicatorFilterInput input, CancellationToken ct)
    {
        await capabilities.RequireAsync(user, Capability.ReadAggregates, "Les indicateurs sont réservés aux coordinateurs qualité (3C, DSRC).", ct);
        var today = clock.Today;
        var to = input.To ?? today;
        var from = input.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (from > to) throw new DomainValidationException("from", "Le début de la période précède sa fin.");
        if (IndicatorAggregation.Months(from, to).Count > MaxMonths) throw new DomainValidationException("from", $"La période couvre au plus {MaxMonths} mois.");
        var site = input.Site is null ? null : CancerSiteGroups.Find(input.Site) ?? throw new DomainValidationException("site", "Groupe de localisations inconnu.");

        var hospitals = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Hospital).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        if (input.Hospital is { } h && hospitals.All(x => x.Id != h)) throw new DomainValidationException("hospital", "Établissement inconnu.");
        var territories = await db.LivingAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new IndicatorOption(a.Code, a.Name)).ToListAsync(ct);
        if (input.Territory is { } t && territories.All(x => x.Code != t)) throw new DomainValidationException("territory", "Territoire inconnu.");

        var threshold = Math.Max(1, settings.Value.SuppressionThreshold);
        var targets = settings.Value.Targets;
        // With a background refresh, a request does not queue behind it; without one, the request is the only refresh there is.
        var pending = await refresh.HandleAsync(Math.Max(0, settings.Value.CatchUpPatients), ct, wait: settings.Value.RefreshSeconds <= 0);
        // On a replica, the patients whose changes its copy does not include yet: those the figures below leave out.
        if (reads.OnReplica) pending = await reads.Db.IndicatorStaleMarks.Select(m => m.PatientId).Distinct().CountAsync(ct);
        var now = clock.Now;
        var (byHospital, byMonth) = await CountAsync(new CountFilter(site, input.Hospital, input.Territory, from, to, now), ct);
        // With a hospital chosen, the breakdown holds that hospital alone; otherwise every hospital, and those of no known hospital.
        IReadOnlyList<Guid?> keys = input.Hospital is { } chosen ? [chosen] : [.. hospitals.Select(x => (Guid?)x.Id)];
        var results = IndicatorAggregation.ComputeFromMargins(IndicatorCatalogue.All, byHospital, byMonth, from, to, keys, threshold, targets);
        var names = hospitals.ToDictionary(x => x.Id, x => x.Name);
        var comparisons = await crises.HandleAsync(new CrisisComparisons.Filter(site, input.Hospital, input.Territory, from, to, now, today, keys, threshold, targets),
            territories.ToDictionary(x => x.Code, x => x.Label, StringComparer.Ordinal), ct);

        return new IndicatorsAnswer(from, to, site?.Code, input.Hospital, input.Territory, threshold, SmallCells.Shown(threshold),
            [.. results.Select(r => ToDto(r, names))],
            [.. CancerSiteGroups.All.Select(g => new SiteOption(g.Code, g.Label, string.Join(", ", g.Ranges)))],
            [.. hospitals.Select(x => new IndicatorOption(x.Id.ToString(), x.Name))],
            territories, pending, comparisons);
    }

    /// <summary>
    /// The kept cases of the filter, summed by indicator, outcome and measure for each hospital over the period, and for each
    /// month over the hospitals: the two margins the dashboard shows (its cells are by hospital and by month, never both), read
    /// as two sums in SQL rather than every hospital's every month (a year of the region at a million patients: some 120,000
    /// sums, of which the margins are a quarter). The sums of the period's months (<see cref="IndicatorSum"/>) hold the cases
    /// that count from before the start of the day; to them are added the cases that count from then until now. A first or last
    /// month the period covers only in part is read the cheaper way: its sums less the cases of the days outside the period,
    /// or, when the days inside are fewer, those days' cases alone and not its sums.
    /// </summary>
    private async Task<(List<IndicatorObservation> ByHospital, List<IndicatorObservation> ByMonth)> CountAsync(CountFilter filter, CancellationToken ct)
    {
        var (site, hospital, territory, from, to, now) = filter;
        var source = reads.Db;
        var settled = await source.IndicatorRefreshStates.AsNoTracking().Where(s => s.Id == 1).Select(s => s.SettledUntil).FirstOrDefaultAsync(ct)
            ?? DateTimeOffset.MinValue;
        var perHospital = new Dictionary<(string Code, Guid? Hospital, bool Met, double? Measure), int>();
        var perMonth = new Dictionary<(string Code, int Month, bool Met, double? Measure), int>();
        void ToHospital(string code, Guid? h, bool met, double? measure, int count)
        {
            var key = (code, h, met, measure);
            perHospital[key] = perHospital.GetValueOrDefault(key) + count;
        }
        void ToMonth(string code, int month, bool met, double? measure, int count)
        {
            var key = (code, month, met, measure);
            perMonth[key] = perMonth.GetValueOrDefault(key) + count;
        }

        // Which months are read from the sums, and which days from the cases (+1 added, -1 taken away).
        int fromMonth = IndicatorObservationRow.MonthOf(from), toMonth = IndicatorObservationRow.MonthOf(to);
        var (firstStart, lastStart) = (IndicatorObservationRow.FirstDayOf(fromMonth), IndicatorObservationRow.FirstDayOf(toMonth));
        var (firstEnd, lastEnd) = (firstStart.AddMonths(1).AddDays(-1), lastStart.AddMonths(1).AddDays(-1));
        var (sumsFrom, sumsTo) = (firstStart, lastStart);
        var days = new List<(DateOnly From, DateOnly To, int Sign)>();
        if (fromMonth == toMonth)
        {
            if (from > firstStart || to < lastEnd)
            {
                sumsFrom = firstStart.AddMonths(1);
                days.Add((from, to, 1));
            }
        }
        else
        {
            if (from > firstStart)
            {
                if (firstEnd.DayNumber - from.DayNumber + 1 < from.DayNumber - firstStart.DayNumber)
                {
                    sumsFrom = firstStart.AddMonths(1);
                    days.Add((from, firstEnd, 1));
                }
                else days.Add((firstStart, from.AddDays(-1), -1));
            }
            if (to < lastEnd)
            {
                if (to.DayNumber - lastStart.DayNumber + 1 < lastEnd.DayNumber - to.DayNumber)
                {
                    sumsTo = lastStart.AddMonths(-1);
                    days.Add((lastStart, to, 1));
                }
                else days.Add((to.AddDays(1), lastEnd, -1));
            }
        }

        if (sumsFrom <= sumsTo)
        {
            var siteKey = site?.Code ?? IndicatorSum.AllKey;
            var areaKey = territory ?? IndicatorSum.AllKey;
            int lo = IndicatorObservationRow.MonthOf(sumsFrom), hi = IndicatorObservationRow.MonthOf(sumsTo);
            var sums = source.IndicatorSums.AsNoTracking().Where(s => s.SiteKey == siteKey && s.AreaKey == areaKey && s.Month >= lo && s.Month <= hi && s.Count != 0);
            if (hospital is { } h) sums = sums.Where(s => s.HospitalId == h);
            foreach (var g in await sums.GroupBy(s => new { s.Code, s.HospitalId, s.Met, s.HasMeasure, s.Measure })
                         .Select(g => new { g.Key.Code, g.Key.HospitalId, g.Key.Met, g.Key.HasMeasure, g.Key.Measure, Count = g.Sum(s => s.Count) }).ToListAsync(ct))
                ToHospital(g.Code, g.HospitalId == Guid.Empty ? null : g.HospitalId, g.Met, g.HasMeasure ? g.Measure : null, g.Count);
            foreach (var g in await sums.GroupBy(s => new { s.Code, s.Month, s.Met, s.HasMeasure, s.Measure })
                         .Select(g => new { g.Key.Code, g.Key.Month, g.Key.Met, g.Key.HasMeasure, g.Key.Measure, Count = g.Sum(s => s.Count) }).ToListAsync(ct))
                ToMonth(g.Code, g.Month, g.Met, g.HasMeasure ? g.Measure : null, g.Count);
        }

        var cases = source.IndicatorObservations.AsNoTracking();
        cases = site is null ? cases.Where(o => o.IsPrimary) : cases.Where(o => o.SiteGroup == site.Code);
        if (hospital is { } chosen) cases = cases.Where(o => o.HospitalId == chosen);
        if (territory is not null) cases = cases.Where(o => o.AreaCode == territory);
        void AddCases(IEnumerable<CaseCount> counted, int sign)
        {
            foreach (var c in counted)
            {
                ToHospital(c.Code, c.HospitalId, c.Met, c.Measure, sign * c.Count);
                ToMonth(c.Code, c.Month, c.Met, c.Measure, sign * c.Count);
            }
        }
        // The cases of the day so far, not yet in the sums.
        AddCases(await Grouped(cases.Where(o => o.CountsFrom >= settled && o.CountsFrom <= now && o.Anchor >= from && o.Anchor <= to), ct), 1);
        // The days of a month the period covers in part: ranges of days, read on the anchor's index.
        var settledCases = cases.Where(o => o.CountsFrom == null || o.CountsFrom < settled);
        foreach (var (first, last, sign) in days)
            AddCases(await Grouped(settledCases.Where(o => o.Anchor >= first && o.Anchor <= last), ct), sign);

        return (
            [.. perHospital.Where(c => c.Value > 0).Select(c => new IndicatorObservation(c.Key.Code, from, c.Key.Hospital, c.Key.Met, c.Key.Measure, Count: c.Value))],
            [.. perMonth.Where(c => c.Value > 0).Select(c =>
            {
                var first = IndicatorObservationRow.FirstDayOf(c.Key.Month);
                return new IndicatorObservation(c.Key.Code, first < from ? from : first, null, c.Key.Met, c.Key.Measure, Count: c.Value);
            })]);
    }

    private sealed record CaseCount(string Code, Guid? HospitalId, int Month, bool Met, double? Measure, int Count);

    private static Task<List<CaseCount>> Grouped(IQueryable<IndicatorObservationRow> cases, CancellationToken ct) =>
        cases.GroupBy(o => new { o.Code, o.HospitalId, o.Month, o.Met, o.Measure })
            .Select(g => new CaseCount(g.Key.Code, g.Key.HospitalId, g.Key.Month, g.Key.Met, g.Key.Measure, g.Count())).ToListAsync(ct);

    private sealed record CountFilter(CancerSiteGroup? Site, Guid? Hospital, string? Territory, DateOnly From, DateOnly To, DateTimeOffset Now);

    private static IndicatorDto ToDto(IndicatorResult r, Dictionary<Guid, string> names)
    {
        var d = r.Definition;
        return new IndicatorDto(d.Code, d.Label, EnumCodes.Code(d.Theme), EnumCodes.Code(d.Kind), d.Unit, r.Total.Value, r.Total.Numerator, r.Total.Denominator,
            r.Total.Suppressed, r.Total.P75, r.Total.P90, r.Total.WithinTarget, r.Target,
            new IndicatorDefinitionDto(d.Numerator, d.Denominator, d.Anchor, d.Source, $"/indicateurs#definition-{d.Code}"),
            [.. r.ByHospital.Select(h => Cell(h.Hospital?.ToString() ?? UnknownHospital,
                h.Hospital is { } id && names.TryGetValue(id, out var n) ? n : "Établissement non renseigné", h.Figure))],
            [.. r.ByMonth.Select(m => Cell(m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                m.Month.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), m.Figure))]);
    }

    private static IndicatorCellDto Cell(string key, string label, IndicatorFigure f) => new(key, label, f.Value, f.Numerator, f.Denominator, f.Suppressed);
}
