using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Relais.Web.Operations;

/// <summary>What every operation of the API may answer, stated once for the OpenAPI document.</summary>
public static class ApiConventions
{
    /// <summary>
    /// An operation that requires a signed-in user answers 401 without one, and 403 when it is limited to
    /// some roles and the user has none of them, or when the account needs a second factor its session has not given
    /// (SecondFactorGate); the endpoints declare their own other answers.
    /// </summary>
    public static Task DocumentSignInAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0) return Task.CompletedTask;
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Non connecté." });
        operation.Responses.TryAdd("403", new OpenApiResponse
        {
            Description = authorize.Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy))
                ? "Ce rôle n'a pas cette capacité, ou la double authentification de ce compte manque."
                : "La double authentification de ce compte manque.",
        });
        return Task.CompletedTask;
    }
}
