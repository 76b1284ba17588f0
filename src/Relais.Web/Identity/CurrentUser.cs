using System.Security.Claims;
using Relais.Domain.Access;

namespace Relais.Web.Identity;

/// <summary>The signed-in user as the access rule sees it, read from the claims of the request.</summary>
public sealed record CurrentUser(Guid Id, IReadOnlyList<string> Roles, Guid? OwnPatientId)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public string PrimaryRole => Roles.Count > 0 ? Roles[0] : "none";

    public AccessorKind Kind =>
        IsInRole(Identity.Roles.Administrator) ? AccessorKind.Administrator
        : IsInRole(Identity.Roles.QualityCoordinator) ? AccessorKind.QualityCoordinator
        : IsInRole(Identity.Roles.Patient) ? AccessorKind.Patient
        : IsInRole(Identity.Roles.Caregiver) ? AccessorKind.Caregiver
        : IsInRole(Identity.Roles.TrustedPerson) ? AccessorKind.TrustedPerson
        : AccessorKind.Professional;

    public const string PatientIdClaim = "relais:patient";

    /// <summary>
    /// Binds a <c>CurrentUser user</c> parameter of a minimal-API handler from the request's claims
    /// (TodoApi's pattern): the endpoints that take it require authorisation, so it is never null there.
    /// </summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var userId)) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        Guid? patientId = Guid.TryParse(principal.FindFirstValue(PatientIdClaim), out var p) ? p : null;
        return new CurrentUser(userId, roles, patientId);
    }
}
