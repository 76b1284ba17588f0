using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients.Ald;

public static class AldApi
{
    public static IEndpointRouteBuilder MapAld(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/ald").WithTags("Patients").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadRecord).WithSummary("Liste les admissions en ALD 30 du patient, la plus récente d'abord, avec leur échéance.");
        var write = app.MapGroup("/api/patients/{patientId:guid}/ald").WithTags("Patients").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Record).RequireCapability(Capability.RecordAld)
            .WithSummary("Enregistre une admission en ALD 30 notifiée par l'assurance maladie (protocole d'urgence : ouverte six mois) ; le médecin traitant est rappelé avant son échéance.")
            .ProducesValidationProblem().WithIdempotency();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AldDto>>> List(Guid patientId, AldQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.ListAsync(patientId, ct));

    private static async Task<Created<AldDto>> Record(Guid patientId, AldInput input, CurrentUser user, RecordAld record, Clock clock, CancellationToken ct)
    {
        var ald = await record.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/ald", AldDto.Of(ald, clock.Today));
    }
}
