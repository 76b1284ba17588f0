using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Appointments;

public static class AppointmentsApi
{
    private const string Tag = "Rendez-vous et cures";

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/appointments").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadCarnet)
            .WithSummary("Liste les rendez-vous et cures du patient (date, lieu, type, intervenant, téléconsultation), avec leur report en cours.");

        var write = app.MapGroup("/api/patients/{patientId:guid}/appointments").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Plan).RequireCapability(Capability.ManageAppointments)
            .WithSummary("Planifie un rendez-vous ou une cure (consultation, chimiothérapie, radiothérapie, imagerie, chirurgie), éventuellement en téléconsultation.")
            .ProducesValidationProblem().WithIdempotency();
        return app;
    }

    private static async Task<Ok<AppointmentList>> List(Guid patientId, AppointmentsQuery query, CancellationToken ct) => TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Created<AppointmentDto>> Plan(Guid patientId, AppointmentInput input, CurrentUser user, PlanAppointment plan, CancellationToken ct)
    {
        var planned = await plan.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/appointments", planned);
    }
}
