using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.Programmes;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Programmes;

public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/programmes").WithTags("PPS / PPAC").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadTreatment).WithSummary("Liste les PPS et PPAC du patient, toutes versions.");
        read.MapGet("/{programmeId:guid}/document", Html).RequireCapability(Capability.ReadTreatment).WithSummary("Affiche un PPS ou un PPAC en HTML.");

        var write = app.MapGroup("/api/patients/{patientId:guid}/programmes").WithTags("PPS / PPAC")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/pps", IssuePps).RequireCapability(Capability.SignProgramme).WithSummary("Rédige, signe et transmet un PPS (C5) ou sa nouvelle version ; réviser une version déjà révisée est refusé (409).")
            .ProducesValidationProblem().WithMetadata(Problems.Declared(StatusCodes.Status409Conflict)).WithIdempotency();
        write.MapPost("/{programmeId:guid}/handed", HandOver).RequireCapability(Capability.HandOverProgramme).WithSummary("Enregistre la remise du programme au patient.").ProducesValidationProblem();
        write.MapPost("/{programmeId:guid}/phases/{order:int}/start", StartPhase).RequireCapability(Capability.StartTreatmentPhase).WithSummary("Démarre une phase de traitement (C8 pour la première).")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeDto>>> List(Guid patientId, ProgrammeQueries programmes, CancellationToken ct) =>
        TypedResults.Ok(await programmes.ListAsync(patientId, ct));

    private static async Task<Created<ProgrammeDto>> IssuePps(Guid patientId, ProgrammeInput input, CurrentUser user, IssueProgramme issue, ProgrammeQueries programmes,
        CancellationToken ct)
    {
        var p = await issue.HandleAsync(user, patientId, ProgrammeKind.Pps, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/programmes/{p.Id}/document", (await programmes.ListAsync(patientId, ct)).First(x => x.Id == p.Id));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(Guid patientId, Guid programmeId, ProgrammeHtml html, CancellationToken ct) =>
        await html.HandleAsync(patientId, programmeId, ct) is { } text ? TypedResults.Content(text, "text/html; charset=utf-8") : Problems.NotFound("Programme");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandOver(Guid patientId, Guid programmeId, HandOverInput input, HandOver handOver, CancellationToken ct) =>
        await handOver.HandleAsync(patientId, programmeId, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Programme");

    private static async Task<Results<NoContent, ProblemHttpResult>> StartPhase(Guid patientId, Guid programmeId, int order, PhaseStartInput input, CurrentUser user,
        StartPhase start, CancellationToken ct) =>
        await start.HandleAsync(user, patientId, programmeId, order, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Programme");
}
