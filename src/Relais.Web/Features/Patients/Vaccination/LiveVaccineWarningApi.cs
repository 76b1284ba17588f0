using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients.Vaccination;

public static class LiveVaccineWarningApi
{
    public static IEndpointRouteBuilder MapLiveVaccineWarning(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/patients/{patientId:guid}/live-vaccine-warning").WithTags("Patients").RequireAuthorization().RequirePatientAccess(AccessKind.Read)
            .MapGet("/", Get).RequireCapability(Capability.ReadRecord)
            .WithSummary("Indique si les vaccins vivants sont contre-indiqués (chimiothérapie ou traitement immunosuppresseur en cours ou terminé, jusqu'à la levée par l'équipe d'oncologie).");
        app.MapGroup("/api/patients/{patientId:guid}/live-vaccine-warning").WithTags("Patients").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write)
            .MapPost("/lift", Lift).RequireCapability(Capability.LiftLiveVaccineWarning)
            .WithSummary("Lève l'alerte vaccins vivants : l'équipe d'oncologie seule, une fois le traitement terminé depuis au moins 6 mois.")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<LiveVaccineWarningDto>> Get(Guid patientId, LiveVaccineWarningQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Ok<LiveVaccineWarningDto>> Lift(Guid patientId, LiftInput input, CurrentUser user, LiftLiveVaccineWarning lift, CancellationToken ct) =>
        TypedResults.Ok(await lift.HandleAsync(user, patientId, input, ct));
}
