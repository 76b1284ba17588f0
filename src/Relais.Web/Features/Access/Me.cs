using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>
/// The answer of GET /api/me: who is signed in, their roles and the capability codes the table gives them
/// (kebab-case, <see cref="Capabilities"/>), roles as the accounts carry them ("GeneralPractitioner"); a patient's answer names their record.
/// </summary>
public sealed record MeDto(Guid Id, IReadOnlyList<string> Roles, IReadOnlyList<string> Capabilities)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Guid? PatientId { get; init; }
}

public static class MeApi
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Me).WithTags("Accès")
            .WithSummary("Dit qui est connecté : ses rôles et les capacités que lui donne la table des rôles.")
            .RequireAuthorization()
            .DeclareNoPatientData("the caller's own account: roles, capabilities and, for a patient, the id of their record");
        return app;
    }

    private static async Task<Ok<MeDto>> Me(CurrentUser user, CapabilityCheck capabilities, CancellationToken ct)
    {
        var specialty = await capabilities.SpecialtyAsync(user, ct);
        var codes = Capabilities.Of(CapabilityCheck.RolesOf(user), specialty).Select(Capabilities.Code).ToList();
        return TypedResults.Ok(new MeDto(user.Id, user.Roles, codes) { PatientId = user.IsInRole(Identity.Roles.Patient) ? user.OwnPatientId : null });
    }
}
