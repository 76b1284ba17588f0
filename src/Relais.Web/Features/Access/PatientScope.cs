using Relais.Web.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>Marks an endpoint or a page that reads or writes one patient's data: the access rule guards it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PatientScopedAttribute(AccessKind kind = AccessKind.Read) : Attribute
{
    public AccessKind Kind { get; } = kind;
}

/// <summary>Declares that an endpoint serves no single patient's data, and why (checked by the endpoint test).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoPatientDataAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Marks an endpoint that writes or reads several patients named in its body (a laboratory feed): it
/// applies the access rule to each of them through <see cref="PatientAccess.CheckManyAsync"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ChecksEachPatientAttribute(string how) : Attribute
{
    public string How { get; } = how;
}

public static class PatientScope
{
    public const string RouteParameter = "patientId";
    private const string DecisionKey = "relais.access";

    /// <summary>The decision <see cref="RequirePatientAccess"/> took for this request (its basis: care team, self, break-glass), or null outside a guarded group.</summary>
    public static AccessDecision? Decision(HttpContext http) =>
        http.Items.TryGetValue(DecisionKey, out var decision) ? decision as AccessDecision : null;

    /// <summary>The single not-found answer, for a patient that does not exist and for one the user may not see.</summary>
    public static ProblemHttpResult NotFound() => NotFound(null, "Aucun dossier accessible ne correspond à cet identifiant.");

    /// <summary>The same answer for a patient named in a request body, with the field that names it.</summary>
    public static ProblemHttpResult NotFound(string? field, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Patient introuvable",
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        };
        if (field is not null) problem.Extensions["field"] = field;
        return TypedResults.Problem(problem);
    }

    /// <summary>Guards every endpoint of a group whose route holds {patientId}: the rule runs before the handler.</summary>
    public static TBuilder RequirePatientAccess<TBuilder>(this TBuilder builder, AccessKind kind) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new PatientScopedAttribute(kind));
        // Every patient-scoped operation can answer the access rule's 404 (OpenAPI lists it).
        builder.WithMetadata(Problems.Declared(StatusCodes.Status404NotFound));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var raw = http.Request.RouteValues[RouteParameter]?.ToString();
            if (!Guid.TryParse(raw, out var patientId)) return NotFound();
            var access = http.RequestServices.GetRequiredService<PatientAccess>();
            var endpoint = http.GetEndpoint() as RouteEndpoint;
            var resource = $"{http.Request.Method} {endpoint?.RoutePattern.RawText ?? http.Request.Path}";
            var decision = await access.CheckAsync(CurrentUser.From(http.User), patientId, kind, resource, http.RequestAborted);
            // Break the glass reads, never writes (AccessRule): the caller knows the patient exists, so the
            // refusal says what is refused rather than feigning a missing record.
            if (!decision.Granted && decision.Reason == AccessRule.BreakGlassReadOnly
                && endpoint?.Metadata.GetMetadata<RequiresCapabilityAttribute>() is { } required)
                return TypedResults.Problem(CapabilityCheck.Problem(required.AnyOf[0], "Un accès d'urgence (bris de glace) permet de lire le dossier, pas de le modifier."));
            if (!decision.Granted) return NotFound();
            http.Items[DecisionKey] = decision;
            return await next(context);
        });
        return builder;
    }

    public static TBuilder ChecksEachPatient<TBuilder>(this TBuilder builder, string how) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ChecksEachPatientAttribute(how));

    public static TBuilder DeclareNoPatientData<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new NoPatientDataAttribute(reason));
}
