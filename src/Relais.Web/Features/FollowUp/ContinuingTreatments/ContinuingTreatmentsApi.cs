using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

public static class ContinuingTreatmentsApi
{
    private const string Tag = "Traitements qui se poursuivent";

    public static IEndpointRouteBuilder MapContinuingTreatments(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/continuing-treatments").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadTreatment).WithSummary("Liste les traitements qui se poursuivent après le traitement actif, avec leur module de surveillance et les signalements.");
        // The patient reports too [B]: a read right on the own record suffices, as for the clinical criteria.
        read.MapPost("/{treatmentId:guid}/reports", Report).RequireCapability(Capability.ReportTreatmentTolerance)
            .WithSummary("Signale l'observance et la tolérance d'un traitement ; une intolérance ou un arrêt est un retour précoce vers l'équipe.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().WithIdempotency();

        var write = app.MapGroup("/api/patients/{patientId:guid}/continuing-treatments").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Record).RequireCapability(Capability.RecordContinuingTreatment)
            .WithSummary("Enregistre un traitement qui se poursuit : son module de surveillance rejoint le carnet et le PPAC est réédité.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/{treatmentId:guid}/stop", Stop).RequireCapability(Capability.RecordContinuingTreatment)
            .WithSummary("Enregistre l'arrêt d'un traitement qui se poursuivait ; le PPAC est réédité (revision refuse un traitement modifié entre-temps).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ContinuingTreatmentDto>>> List(Guid patientId, ContinuingTreatmentQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Created<ContinuingTreatmentRecorded>> Record(Guid patientId, ContinuingTreatmentInput input, CurrentUser user, RecordContinuingTreatment record,
        CancellationToken ct)
    {
        var recorded = await record.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/continuing-treatments", recorded);
    }

    private static async Task<Results<Ok<ContinuingTreatmentStopped>, ProblemHttpResult>> Stop(Guid patientId, Guid treatmentId, StopInput input, CurrentUser user,
        StopContinuingTreatment stop, CancellationToken ct) =>
        await stop.HandleAsync(user, patientId, treatmentId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Traitement");

    private static async Task<Results<Created<TreatmentReportResult>, ProblemHttpResult>> Report(Guid patientId, Guid treatmentId, TreatmentReportInput input, CurrentUser user,
        ReportTreatment report, CancellationToken ct) =>
        await report.HandleAsync(user, patientId, treatmentId, input, ct) is { } r
            ? TypedResults.Created($"/api/patients/{patientId}/continuing-treatments", r)
            : Problems.NotFound("Traitement");
}
