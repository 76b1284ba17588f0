using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Indicators;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Features.Indicators;

/// <summary>One continuity figure of one window, masked as the dashboard masks (all null when suppressed).</summary>
public sealed record CrisisFigureDto(string Code, string Label, string Unit, double? Value, int? Numerator, int? Denominator, bool Suppressed);

public sealed record CrisisPhaseDto(string Phase, DateOnly From, DateOnly To, IReadOnlyList<CrisisFigureDto> Figures);

/// <summary>A crisis of a territory and its deferred care before, during and after it.</summary>
public sealed record CrisisComparisonDto(string Territory, string TerritoryLabel, DateOnly StartedOn, DateOnly? EndedOn, IReadOnlyList<CrisisPhaseDto> Phases);

/// <summary>
/// The comparison of deferred care before, during and after each crisis of the filter (issue 15 point 2, PRODUCT.md §10,
/// [C]): the crises declared for the chosen territory (or every territory) whose days meet the period, most recent first;
/// for each, the continuity indicators (<see cref="IndicatorCatalogue.Continuity"/>) of the crisis's territory in the
/// windows of <see cref="CrisisWindows"/>, each window masked as one table of the dashboard (by hospital and by month).
/// Read from the kept cases: deferrals are few, the windows any days; through <see cref="NonNominativeReads"/> (the
/// replica when one is configured).
/// </summary>
public sealed class CrisisComparisons(NonNominativeReads reads)
{
    /// <summary>The most crises one answer compares.</summary>
    public const int MaxCrises = 6;

    private static readonly string[] Codes = [.. IndicatorCatalogue.Continuity.Select(d => d.Code)];

    public sealed record Filter(CancerSiteGroup? Site, Guid? Hospital, string? Territory, DateOnly From, DateOnly To, DateTimeOffset Now, DateOnly Today,
        IReadOnlyList<Guid?> Hospitals, int Threshold, IReadOnlyDictionary<string, int> Targets);

    public async Task<IReadOnlyList<CrisisComparisonDto>> HandleAsync(Filter filter, IReadOnlyDictionary<string, string> territoryNames, CancellationToken ct)
    {
        var periods = reads.Db.CrisisPeriods.AsNoTracking();
        if (filter.Territory is { } t) periods = periods.Where(p => p.AreaCode == t);
        var start = Clock.StartOfParisDay(filter.From);
        var end = Clock.StartOfParisDay(filter.To.AddDays(1));
        var crises = await periods.Where(p => p.StartedAt < end && (p.EndedAt == null || p.EndedAt >= start))
            .OrderByDescending(p => p.StartedAt).Take(MaxCrises).Select(p => new { p.AreaCode, p.StartedAt, p.EndedAt }).ToListAsync(ct);

        var answer = new List<CrisisComparisonDto>();
        foreach (var crisis in crises)
        {
            var startedOn = ParisDay(crisis.StartedAt);
            DateOnly? endedOn = crisis.EndedAt is { } e ? ParisDay(e) : null;
            var windows = CrisisWindows.Of(startedOn, endedOn, filter.Today);
            var observations = await CasesAsync(filter, crisis.AreaCode, windows[0].From, windows[^1].To, ct);
            var phases = windows.Select(w =>
            {
                var results = IndicatorAggregation.Compute(IndicatorCatalogue.Continuity, observations, w.From, w.To, filter.Now, filter.Hospitals, filter.Threshold, filter.Targets);
                return new CrisisPhaseDto(EnumCodes.Code(w.Phase), w.From, w.To,
                    [.. results.Select(r => new CrisisFigureDto(r.Definition.Code, r.Definition.Label, r.Definition.Unit, r.Total.Value, r.Total.Numerator, r.Total.Denominator, r.Total.Suppressed))]);
            }).ToList();
            answer.Add(new CrisisComparisonDto(crisis.AreaCode, territoryNames.GetValueOrDefault(crisis.AreaCode, crisis.AreaCode), startedOn, endedOn, phases));
        }
        return answer;
    }

    private async Task<List<IndicatorObservation>> CasesAsync(Filter filter, string area, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = reads.Db.IndicatorObservations.AsNoTracking().Where(o => Codes.Contains(o.Code) && o.AreaCode == area && o.Anchor >= from && o.Anchor <= to
            && (o.CountsFrom == null || o.CountsFrom <= filter.Now));
        cases = filter.Site is { } site ? cases.Where(o => o.SiteGroup == site.Code) : cases.Where(o => o.IsPrimary);
        if (filter.Hospital is { } h) cases = cases.Where(o => o.HospitalId == h);
        var grouped = await cases.GroupBy(o => new { o.Code, o.Anchor, o.HospitalId, o.Met, o.Measure })
            .Select(g => new { g.Key.Code, g.Key.Anchor, g.Key.HospitalId, g.Key.Met, g.Key.Measure, Count = g.Count() }).ToListAsync(ct);
        return [.. grouped.Select(g => new IndicatorObservation(g.Code, g.Anchor, g.HospitalId, g.Met, g.Measure, Count: g.Count))];
    }

    private static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(Clock.ToParis(instant).DateTime);
}
