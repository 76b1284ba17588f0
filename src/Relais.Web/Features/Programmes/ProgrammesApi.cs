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
        read.MapGet("/", async (Guid patientId, ProgrammeService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(patientId, ct)));
        read.MapGet("/{programmeId:guid}/document", Html);

        var write = app.MapGroup("/api/patients/{patientId:guid}/programmes").WithTags("PPS / PPAC")
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator, Roles.GeneralPractitioner)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/pps", (Guid patientId, ProgrammeInput input, ProgrammeService s, HttpContext http, CancellationToken ct) => Issue(patientId, ProgrammeKind.Pps, input, s, http, ct)).WithIdempotency();
        write.MapPost("/{programmeId:guid}/handed", HandOver);
        write.MapPost("/{programmeId:guid}/phases/{order:int}/start", StartPhase);
        return app;
    }

    private static CurrentUser Me(HttpContext http) => CurrentUser.From(http.User)!;

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "Programme introuvable");

    public static async Task<Created<ProgrammeDto>> Issue(Guid patientId, ProgrammeKind kind, ProgrammeInput input, ProgrammeService s, HttpContext http, CancellationToken ct)
    {
        var p = await s.IssueAsync(Me(http), patientId, kind, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/programmes/{p.Id}/document", (await s.ListAsync(patientId, ct)).First(x => x.Id == p.Id));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(Guid patientId, Guid programmeId, ProgrammeService s, HttpContext http, CancellationToken ct) =>
        await s.HtmlAsync(patientId, programmeId, Me(http), ct) is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> HandOver(Guid patientId, Guid programmeId, HandOverInput input, ProgrammeService s, CancellationToken ct) =>
        await s.HandOverAsync(patientId, programmeId, input, ct) ? TypedResults.NoContent() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> StartPhase(Guid patientId, Guid programmeId, int order, PhaseStartInput input, ProgrammeService s, HttpContext http, CancellationToken ct) =>
        await s.StartPhaseAsync(Me(http), patientId, programmeId, order, input, ct) ? TypedResults.NoContent() : NotFound();
}
