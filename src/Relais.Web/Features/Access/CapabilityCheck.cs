using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Access;

/// <summary>
/// Marks an endpoint or a page with the capability it needs (any one of them, the first named in a refusal),
/// checked by <see cref="CapabilityCheck"/> after the access rule.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresCapabilityAttribute(params Capability[] anyOf) : Attribute
{
    public IReadOnlyList<Capability> AnyOf { get; } = anyOf;
}

/// <summary>A use case refusing an act the caller's role or its context does not allow: answered 403 naming the capability.</summary>
public sealed class CapabilityRefusedException(Capability capability, string detail) : Exception(detail)
{
    public Capability Capability { get; } = capability;
}

/// <summary>
/// The one place where the capability table (<see cref="Capabilities"/>) is applied, beside the access rule
/// (<see cref="PatientAccess"/>): the caller's roles and specialty, and the basis of their access to the
/// record (a break-the-glass access reads only, a scoped grant opens its sections). A refusal is audited.
/// </summary>
public sealed class CapabilityCheck(RelaisDb db, TimeProvider time)
{
    private Specialty? specialty;

    public static IReadOnlyList<string> RolesOf(CurrentUser user) => user.Roles.Where(UserRoles.All.Contains).ToList();

    public async Task<Specialty> SpecialtyAsync(CurrentUser user, CancellationToken ct) =>
        specialty ??= await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.Specialty).FirstOrDefaultAsync(ct);

    /// <summary>Whether the user holds the capability, and — given the decision of the access rule on a record — whether that access opens it.</summary>
    public async Task<bool> AllowsAsync(CurrentUser? user, Capability capability, AccessDecision? decision, CancellationToken ct)
    {
        if (user is null) return false;
        if (decision is not null && !AccessRule.Opens(decision, capability)) return false;
        var needsSpecialty = Capabilities.Table.Any(l => l.Capability == capability && l.Condition != SpecialtyCondition.Any);
        var s = needsSpecialty ? await SpecialtyAsync(user, ct) : Specialty.None;
        return Capabilities.Allows(RolesOf(user), s, capability);
    }

    /// <summary>
    /// For a use case that pages and endpoints share: throws <see cref="CapabilityRefusedException"/> (403, audited)
    /// when the user's role and specialty do not hold the capability, whichever way the act came in.
    /// </summary>
    public async Task RequireAsync(CurrentUser user, Capability capability, string detail, CancellationToken ct)
    {
        if (!await AllowsAsync(user, capability, null, ct)) throw new CapabilityRefusedException(capability, detail);
    }

    /// <summary>
    /// The document kinds the user reads on this record (<see cref="Capabilities.ToRead"/>): lists leave the
    /// others out, as if they were not there (the pharmacist does not see the pathology report).
    /// </summary>
    public async Task<IReadOnlySet<Domain.Documents.DocumentKind>> ReadableKindsAsync(CurrentUser? user, AccessDecision? decision, CancellationToken ct)
    {
        var kinds = new HashSet<Domain.Documents.DocumentKind>();
        foreach (var kind in Enum.GetValues<Domain.Documents.DocumentKind>())
            if (await AllowsAsync(user, Capabilities.ToRead(kind), decision, ct)) kinds.Add(kind);
        return kinds;
    }

    /// <summary>Whether the user holds one of <paramref name="anyOf"/>; when not, the refusal is audited naming the first.</summary>
    public async Task<bool> CheckAsync(CurrentUser? user, IReadOnlyList<Capability> anyOf, Guid? patientId, AccessDecision? decision, string resource, bool write, CancellationToken ct)
    {
        foreach (var capability in anyOf)
            if (await AllowsAsync(user, capability, decision, ct)) return true;
        await AuditRefusalAsync(user, anyOf[0], patientId, resource, write, ct);
        return false;
    }

    /// <summary>Writes the refusal's audit row alone: the request ends here, and nothing else may ride with it.</summary>
    public async Task AuditRefusalAsync(CurrentUser? user, Capability capability, Guid? patientId, string resource, bool write, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow(), user?.Id, user?.PrimaryRole, patientId, write ? AuditActions.Write : AuditActions.Read,
            resource, AuditOutcomes.Denied, $"capability:{Capabilities.Code(capability)}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 403 problem of a refusal, naming the capability (<c>"capability": "sign-pathology-report"</c>).</summary>
    public static ProblemDetails Problem(Capability capability, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Action non autorisée",
            Detail = detail ?? $"Votre rôle n'a pas la capacité « {Capabilities.Code(capability)} » pour ce dossier.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        };
        problem.Extensions["capability"] = Capabilities.Code(capability);
        return problem;
    }
}

public static class CapabilityEndpoints
{
    /// <summary>
    /// Requires one of these capabilities of the caller, after the access rule when the route names a patient
    /// (its group filter runs first, so that an outsider still gets the answer of a patient that does not exist).
    /// </summary>
    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, params Capability[] anyOf) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequiresCapabilityAttribute(anyOf));
        builder.WithMetadata(Problems.Declared(StatusCodes.Status403Forbidden));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var check = http.RequestServices.GetRequiredService<CapabilityCheck>();
            var decision = PatientScope.Decision(http);
            Guid? patientId = Guid.TryParse(http.Request.RouteValues[PatientScope.RouteParameter]?.ToString(), out var p) ? p : null;
            var resource = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path}";
            if (await check.CheckAsync(CurrentUser.From(http.User), anyOf, patientId, decision, resource, !HttpMethods.IsGet(http.Request.Method), http.RequestAborted))
                return await next(context);
            return TypedResults.Problem(CapabilityCheck.Problem(anyOf[0]));
        });
        return builder;
    }
}
