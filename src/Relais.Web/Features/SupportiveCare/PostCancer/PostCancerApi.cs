using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.SupportiveCare;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.SupportiveCare.PostCancer;

/// <summary>The post-cancer package (issue 13 point 3, décret 2020-1665): prescribed to a structure, its acts recorded there, its balance shown to all.</summary>
public static class PostCancerApi
{
    public static IEndpointRouteBuilder MapPostCancerPackage(this IEndpointRouteBuilder app)
    {
        const string Route = "/api/patients/{patientId:guid}/post-cancer-package";
        var read = app.MapGroup(Route).WithTags("Soins de support").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadSupportiveCare)
            .WithSummary("Les forfaits post-cancer du patient avec ce qu'il en reste : montant, consultations de suivi, date limite de réalisation.");
        var write = app.MapGroup(Route).WithTags("Soins de support").RequireAuthorization().RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Prescribe).RequireCapability(Capability.PrescribePostCancerPackage)
            .WithSummary("Prescrit le forfait post-cancer à une structure de l'annuaire qui l'accepte : elle le reçoit directement, avec un accès limité au dossier.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/{packageId:guid}/acts", RecordAct).RequireCapability(Capability.RecordPostCancerPackageAct)
            .WithSummary("La structure enregistre un bilan ou une consultation de suivi du forfait ; refusé, avec la limite atteinte, au-delà du plafond, du nombre de consultations ou des délais.")
            .ProducesValidationProblem().WithIdempotency();
        return app;
    }

    private static async Task<Ok<PackageList>> List(Guid patientId, CurrentUser user, PostCancerPackageQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(user, patientId, ct));

    private static async Task<Created<PackageDto>> Prescribe(Guid patientId, PackageInput input, CurrentUser user, PrescribePostCancerPackage prescribe,
        PostCancerPackageQuery query, CancellationToken ct)
    {
        var package = await prescribe.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/post-cancer-package", (await query.ToDtosAsync([package], ct))[0]);
    }

    private static async Task<Results<Created<PackageDto>, ProblemHttpResult>> RecordAct(Guid patientId, Guid packageId, PackageActInput input, CurrentUser user,
        RecordPackageAct record, PostCancerPackageQuery query, CancellationToken ct) =>
        await record.HandleAsync(user, patientId, packageId, input, ct) is { } package
            ? TypedResults.Created($"/api/patients/{patientId}/post-cancer-package", (await query.ToDtosAsync([package], ct))[0])
            : Problems.NotFound("Forfait post-cancer");
}
