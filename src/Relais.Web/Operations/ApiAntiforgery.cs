using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Relais.Web.Features.Access;

namespace Relais.Web.Operations;

/// <summary>
/// Cookie-authenticated API calls that change data carry an antiforgery token (SECURITY.md promise 7). The browser
/// sends the session cookie with any request, including one another site makes it send; a bearer token is only ever
/// sent by code that holds it, so bearer calls need no token. The check runs once, here, before any endpoint, for
/// every unsafe method under /api and /fhir: a request refused here has written nothing.
/// </summary>
public static class ApiAntiforgery
{
    public const string Code = "antiforgery-token-required";

    /// <summary>The problem answered to a cookie-authenticated change without a valid token.</summary>
    public static ProblemDetails Problem(string headerName) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Jeton antiforgery requis",
        Detail = $"Un appel authentifié par le cookie de session qui modifie des données doit porter un jeton antiforgery valide dans l'en-tête {headerName} "
            + "(GET /api/antiforgery-token le donne). Un appel authentifié par un jeton d'accès (Authorization: Bearer) n'en a pas besoin.",
        Type = "https://relais.example/problems/antiforgery-token-required",
        Extensions = { ["code"] = Code, ["header"] = headerName },
    };

    /// <summary>Between authentication and the endpoints: whatever the endpoint, nothing runs without the token.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                var header = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(Problem(header), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
                return;
            }
        }
        await next(context);
    });

    /// <summary>
    /// An unsafe call to the API by a signed-in user who sent no bearer token: Identity's composite scheme tries the
    /// bearer token first and the cookie only when there is none, so such a user was authenticated by the cookie.
    /// </summary>
    private static bool NeedsToken(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (!request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/fhir")) return false;
        if (context.User.Identity?.IsAuthenticated != true || !NeedsSignIn(context.GetEndpoint()?.Metadata)) return false;
        return !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Only an endpoint that acts as the signed-in user is one a forged request could abuse (sign-in itself is rate limited).</summary>
    private static bool NeedsSignIn(IEnumerable<object>? metadata) =>
        metadata is not null && !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();

    /// <summary>The token a cookie-authenticated script sends back in the header; the call also sets the antiforgery cookie it pairs with.</summary>
    public sealed record TokenAnswer(string HeaderName, string Token);

    public static IEndpointRouteBuilder MapApiAntiforgery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/antiforgery-token", Token).WithTags("Authentification")
            .WithSummary("Donne le jeton antiforgery qu'un appel authentifié par le cookie de session envoie avec chaque modification.")
            .RequireAuthorization()
            .DeclareNoPatientData("antiforgery token of the caller's session");
        return app;
    }

    private static Ok<TokenAnswer> Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new TokenAnswer(tokens.HeaderName!, tokens.RequestToken!));
    }

    /// <summary>Every operation that changes data and needs a signed-in user can answer this 400 (when called with the cookie).</summary>
    public static Task DocumentTokenAnswer(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var method = context.Description.HttpMethod ?? "GET";
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return Task.CompletedTask;
        if (!NeedsSignIn(context.Description.ActionDescriptor.EndpointMetadata)) return Task.CompletedTask;
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Appel par le cookie de session sans jeton antiforgery valide." });
        return Task.CompletedTask;
    }
}
