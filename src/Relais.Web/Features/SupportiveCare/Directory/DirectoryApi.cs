using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.SupportiveCare.Directory;

/// <summary>Body of POST /api/supportive-care/providers/import: the CSV text (<see cref="Domain.SupportiveCare.DirectoryCsv"/>).</summary>
public sealed record ImportInput(string? Csv);

public sealed record ImportAnswer(int Imported);

public sealed record MemberInput(Guid? UserId);

/// <summary>The supportive-care directory (issue 13 point 1): searched by every professional, kept by administrators and 3C/DSRC coordinators.</summary>
public static class DirectoryApi
{
    private const string NoPatient = "the directory of providers holds no patient data";

    public static IEndpointRouteBuilder MapSupportiveCareDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supportive-care/providers").WithTags("Soins de support");
        group.MapGet("/", Search)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Professionals, Roles.Administrator, Roles.QualityCoordinator]))
            .WithSummary("Cherche dans l'annuaire des soins de support par service et par code postal ou commune du patient, le plus proche d'abord.")
            .ProducesValidationProblem().DeclareNoPatientData(NoPatient);
        group.MapPost("/", Create).RequireAuthorization().RequireCapability(Capability.MaintainSupportiveDirectory)
            .WithSummary("Ajoute un prestataire ou une structure à l'annuaire des soins de support.")
            .ProducesValidationProblem().DeclareNoPatientData(NoPatient);
        group.MapPut("/{providerId:guid}", Update).RequireAuthorization().RequireCapability(Capability.MaintainSupportiveDirectory)
            .WithSummary("Modifie un prestataire de l'annuaire (ou le désactive : active=false).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).DeclareNoPatientData(NoPatient);
        group.MapPost("/import", Import).RequireAuthorization().RequireCapability(Capability.MaintainSupportiveDirectory)
            .WithSummary("Importe des prestataires d'un fichier CSV : chaque ligne fautive est signalée par son numéro, et rien n'est écrit si une ligne est fausse.")
            .ProducesValidationProblem().DeclareNoPatientData(NoPatient);
        group.MapPost("/{providerId:guid}/members", Link).RequireAuthorization().RequireCapability(Capability.MaintainSupportiveDirectory)
            .WithSummary("Rattache un compte de soins de support à un prestataire : il reçoit ses orientations et y répond.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).DeclareNoPatientData(NoPatient);
        return app;
    }

    private static async Task<Ok<ProviderSearchResult>> Search(string? service, string? postcode, string? commune, SearchProviders search, CancellationToken ct) =>
        TypedResults.Ok(await search.HandleAsync(service, postcode, commune, ct));

    private static async Task<Created<ProviderItem>> Create(ProviderInput input, CurrentUser user, SaveProvider save, CancellationToken ct)
    {
        var provider = (await save.HandleAsync(user, null, input, ct))!;
        return TypedResults.Created($"/api/supportive-care/providers/{provider.Id}", ProviderItem.Of(provider, null));
    }

    private static async Task<Results<Ok<ProviderItem>, ProblemHttpResult>> Update(Guid providerId, ProviderInput input, CurrentUser user, SaveProvider save, CancellationToken ct) =>
        await save.HandleAsync(user, providerId, input, ct) is { } provider ? TypedResults.Ok(ProviderItem.Of(provider, null)) : Problems.NotFound("Prestataire");

    private static async Task<Results<Ok<ImportAnswer>, ValidationProblem>> Import(ImportInput input, CurrentUser user, ImportProviders import, CancellationToken ct)
    {
        var result = await import.HandleAsync(user, input.Csv, ct);
        if (result.Succeeded) return TypedResults.Ok(new ImportAnswer(result.Imported));
        var errors = result.Errors.GroupBy(e => $"lines[{e.Line}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.ValidationProblem(errors, $"{result.Errors.Count} ligne(s) fautive(s) : rien n'a été importé.", title: "Import refusé");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Link(Guid providerId, MemberInput input, CurrentUser user, LinkProviderMember link, CancellationToken ct) =>
        await link.HandleAsync(user, providerId, input.UserId, ct) ? TypedResults.NoContent() : Problems.NotFound("Prestataire");
}
