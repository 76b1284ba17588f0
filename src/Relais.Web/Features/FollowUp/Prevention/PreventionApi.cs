using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.FollowUp.Prevention;

public static class PreventionApi
{
    private const string Tag = "Prévention du second cancer";

    public static IEndpointRouteBuilder MapPrevention(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/prevention").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Get).RequireCapability(Capability.ReadCarnet)
            .WithSummary("Donne le dernier point tabac, alcool, poids et activité physique, ce qu'il appelle, et les dépistages organisés dus selon l'âge et le sexe.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var write = app.MapGroup("/api/patients/{patientId:guid}/prevention").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Record).RequireCapability(Capability.ManagePrevention)
            .WithSummary("Enregistre un point tabac, alcool, poids et activité physique après le traitement ; enregistré par un médecin hospitalier, le PPAC est réédité.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/screenings", Plan).RequireCapability(Capability.ManagePrevention)
            .WithSummary("Ajoute au carnet, pour le médecin traitant, les dépistages organisés dus (sein, côlon-rectum, col de l'utérus) ; ajoutés par un médecin hospitalier, le PPAC est réédité.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<PreventionDto>, ProblemHttpResult>> Get(Guid patientId, PreventionQuery query, CancellationToken ct) =>
        await query.HandleAsync(patientId, ct) is { } p ? TypedResults.Ok(p) : Problems.NotFound("Patient");

    private static async Task<Created<PreventionRecorded>> Record(Guid patientId, PreventionInput input, CurrentUser user, RecordPrevention record, CancellationToken ct)
    {
        var recorded = await record.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/prevention", recorded);
    }

    private static async Task<Results<Ok<ScreeningsPlanned>, ProblemHttpResult>> Plan(Guid patientId, CurrentUser user, PlanOrganisedScreenings plan, CancellationToken ct) =>
        await plan.HandleAsync(user, patientId, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Patient");
}
