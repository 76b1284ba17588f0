using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Web.Data;
using Relais.Web.Features.Access;

namespace Relais.Web.Features.Patients.Professionals;

/// <summary>The directory of professionals, to choose a GP or a care-team member. No patient data.</summary>
public static class ProfessionalsApi
{
    public static IEndpointRouteBuilder MapProfessionals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/professionals", List).WithTags("Professionnels")
            .WithSummary("Annuaire des professionnels actifs, par rôle, nom ou numéro RPPS.")
            .RequireAuthorization()
            .DeclareNoPatientData("directory of professionals");
        return app;
    }

    private static async Task<Ok<List<ProfessionalListItem>>> List(string? role, string? search, int? take, ProfessionalDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.ListAsync(role, search, take ?? 50, ct));
}
