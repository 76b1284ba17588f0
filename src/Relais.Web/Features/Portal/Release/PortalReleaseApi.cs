using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Portal.Release;

/// <summary>The team's list of what the portal holds back, and the release (issue 14 §3).</summary>
public static class PortalReleaseApi
{
    public static IEndpointRouteBuilder MapPortalRelease(this IEndpointRouteBuilder app)
    {
        // Professionals of the team only: the patient and a caregiver never learn what is held back.
        var read = app.MapGroup("/api/patients/{patientId:guid}/portal-releases").WithTags("Portail patient")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadTransmissions)
            .WithSummary("Liste ce que le portail du patient ne montre pas encore (compte rendu d'anatomopathologie, de RCP, résultats, alertes) et ce qu'un clinicien a communiqué.");
        var write = app.MapGroup("/api/patients/{patientId:guid}/portal-releases").WithTags("Portail patient")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Release).RequireCapability(Capability.ReleaseToPortal)
            .WithSummary("Communique au portail du patient un élément retenu (kind : document, transmission, observation, alert), une fois qu'il lui a été annoncé.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<ReleaseList>> List(Guid patientId, PortalReleaseQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Results<Created<ReleaseAnswer>, Ok<ReleaseAnswer>, ProblemHttpResult>> Release(Guid patientId, ReleaseInput input, CurrentUser user,
        ReleaseToPortal release, CancellationToken ct)
    {
        if (await release.HandleAsync(user, patientId, input, ct) is not { } answer) return Problems.NotFound("Élément");
        return answer.AlreadyReleased ? TypedResults.Ok(answer) : TypedResults.Created($"/api/patients/{patientId}/portal-releases", answer);
    }
}
