using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Features.Access;

/// <summary>Scoped grants of a record (<see cref="AccessGrant"/>), managed by the team's coordinators.</summary>
public static class AccessGrantsApi
{
    public static IEndpointRouteBuilder MapAccessGrants(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/access-grants").WithTags("Accès").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ManageAccessGrants).WithSummary("Liste les accès limités au dossier accordés hors de l'équipe de soins.");
        var write = app.MapGroup("/api/patients/{patientId:guid}/access-grants").WithTags("Accès").RequireAuthorization().RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Grant).RequireCapability(Capability.ManageAccessGrants)
            .WithSummary("Accorde à un professionnel un accès limité à certaines parties du dossier, pour une période et un motif.").ProducesValidationProblem();
        write.MapPost("/{grantId:guid}/revoke", Revoke).RequireCapability(Capability.ManageAccessGrants)
            .WithSummary("Révoque un accès limité au dossier.").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<List<AccessGrantDto>>> List(Guid patientId, RelaisDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.AccessGrants.AsNoTracking().Where(g => g.PatientId == patientId).OrderByDescending(g => g.GrantedAt).ToListAsync(ct))
            .Select(AccessGrantDto.Of).ToList());

    private static async Task<Created<AccessGrantDto>> Grant(Guid patientId, AccessGrantInput input, Identity.CurrentUser user, GrantAccess grants, CancellationToken ct)
    {
        var grant = await grants.GrantAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/access-grants", AccessGrantDto.Of(grant));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid patientId, Guid grantId, Identity.CurrentUser user, GrantAccess grants, CancellationToken ct) =>
        await grants.RevokeAsync(user, patientId, grantId, ct) ? TypedResults.NoContent() : Problems.NotFound("Accès");
}
