using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Indicators;

/// <summary>The 3C/DSRC indicators (issue 15 point 1): JSON and CSV, for the quality coordinators only.</summary>
public static class IndicatorsApi
{
    private const string Aggregates = "aggregates with small cells masked: no patient is named, counted alone or recomputable";

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Indicateurs");
        group.MapGet("/indicators", Get).RequireAuthorization().RequireCapability(Capability.ReadAggregates)
            .WithSummary("Indicateurs qualité du 3C/DSRC (délais, parcours, boucle de coordination C1–C15) d'une période, localisation, établissement et territoire ; les petits effectifs sont masqués.")
            .ProducesValidationProblem().DeclareNoPatientData(Aggregates);
        group.MapGet("/indicators.csv", Csv).RequireAuthorization().RequireCapability(Capability.ReadAggregates)
            .WithSummary("Les mêmes indicateurs en CSV (point-virgule, UTF-8), avec le même masquage des petits effectifs.")
            .ProducesValidationProblem().DeclareNoPatientData(Aggregates);
        return app;
    }

    private static async Task<Results<Ok<IndicatorsAnswer>, FileContentHttpResult>> Get(DateOnly? from, DateOnly? to, string? site, Guid? hospital, string? territory, string? format,
        CurrentUser user, IndicatorsQuery query, CancellationToken ct)
    {
        var answer = await query.HandleAsync(user, new IndicatorFilterInput(from, to, site, hospital, territory), ct);
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? File(answer) : TypedResults.Ok(answer);
    }

    private static async Task<FileContentHttpResult> Csv(DateOnly? from, DateOnly? to, string? site, Guid? hospital, string? territory,
        CurrentUser user, IndicatorsQuery query, CancellationToken ct) =>
        File(await query.HandleAsync(user, new IndicatorFilterInput(from, to, site, hospital, territory), ct));

    private static FileContentHttpResult File(IndicatorsAnswer answer) =>
        TypedResults.File(IndicatorsCsv.Write(answer), "text/csv; charset=utf-8", $"indicateurs-{answer.From:yyyy-MM-dd}-{answer.To:yyyy-MM-dd}.csv");
}
