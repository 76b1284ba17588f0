using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Features.Continuity.Crisis;
using Relais.Web.Features.Continuity.Deferrals;
using Relais.Web.Features.Continuity.Rescheduling;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Continuity;

/// <summary>Continuity in a crisis (issue 15 point 2, PRODUCT.md §10): deferrals, re-scheduling, the worklist, the crisis mode.</summary>
public static class ContinuityApi
{
    private const string Tag = "Continuité des soins en crise";

    public static IEndpointRouteBuilder MapContinuity(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/deferrals").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadCarnet).WithSummary("Liste les reports de soins du patient, ceux en attente d'une nouvelle date d'abord.");

        var write = app.MapGroup("/api/patients/{patientId:guid}/deferrals").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Defer).RequireCapability(Capability.DeferCare)
            .WithSummary("Reporte un rendez-vous, une cure ou un examen du carnet, avec le motif et la priorité clinique ; le patient et le médecin traitant sont prévenus.")
            .ProducesValidationProblem();
        write.MapPost("/{deferralId:guid}/reschedule", Reschedule).RequireCapability(Capability.DeferCare)
            .WithSummary("Reprogramme un soin reporté (nouvelle date, téléconsultation, autre établissement : transfert) ; le patient et le médecin traitant sont prévenus.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        var worklist = app.MapGroup("/api/worklists").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator));
        worklist.MapGet("/rescheduling", Worklist).WithSummary("Liste de reprogrammation : soins reportés, par priorité puis ancienneté, avec les délais maximaux dépassés ; paginée (page, pageSize : 50 par défaut, 100 au plus).")
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see; each one listed is audited");

        var crisis = app.MapGroup("/api/crisis-modes").WithTags(Tag).RequireAuthorization();
        crisis.MapGet("/", Territories).WithSummary("Les territoires et leur mode crise (activé ou non, depuis quand).").DeclareNoPatientData("territories, no patient");
        crisis.MapPost("/", Switch).RequireCapability(Capability.SwitchCrisisMode)
            .WithSummary("Active ou lève le mode crise d'un territoire (référent crise du 3C).").ProducesValidationProblem().DeclareNoPatientData("territories, no patient");
        return app;
    }

    private static async Task<Ok<DeferralList>> List(Guid patientId, DeferralsQuery query, CancellationToken ct) => TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Results<Created<DeferralDto>, Ok<DeferralDto>>> Defer(Guid patientId, DeferralInput input, CurrentUser user, DeferCare defer, CancellationToken ct)
    {
        var outcome = await defer.HandleAsync(user, patientId, input, ct);
        return outcome.Existing ? TypedResults.Ok(outcome.Deferral) : TypedResults.Created($"/api/patients/{patientId}/deferrals", outcome.Deferral);
    }

    private static async Task<Results<Ok<Rescheduled>, ProblemHttpResult>> Reschedule(Guid patientId, Guid deferralId, RescheduleInput input, CurrentUser user,
        RescheduleCare reschedule, CancellationToken ct) =>
        await reschedule.HandleAsync(user, patientId, deferralId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Report");

    private static async Task<Ok<ReschedulingPage>> Worklist(int? page, int? pageSize, CurrentUser user, ReschedulingWorklist worklist, CancellationToken ct) =>
        TypedResults.Ok(await worklist.HandleAsync(user, page ?? 1, pageSize ?? ReschedulingWorklist.DefaultPageSize, ct));

    private static async Task<Ok<CrisisTerritories>> Territories(CrisisModes modes, CancellationToken ct) => TypedResults.Ok(await modes.HandleAsync(ct));

    private static async Task<Ok<CrisisTerritory>> Switch(CrisisSwitchInput input, CurrentUser user, SwitchCrisisMode @switch, CancellationToken ct) =>
        TypedResults.Ok(await @switch.HandleAsync(user, input, ct));
}
