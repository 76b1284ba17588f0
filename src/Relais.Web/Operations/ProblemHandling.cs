using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain;

namespace Relais.Web.Operations;

/// <summary>
/// Turns refused input into an RFC 9457 problem naming the field; anything else becomes a bare 500
/// with no stack trace and no clinical text (the log keeps the exception, the response keeps the trace id).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case Features.Access.CapabilityRefusedException refused:
                // A use case refused the act in its context (the physician present at the meeting, the team's coordinator).
                var identity = Identity.CurrentUser.From(httpContext.User);
                Guid? patient = Guid.TryParse(httpContext.Request.RouteValues[Features.Access.PatientScope.RouteParameter]?.ToString(), out var p) ? p : null;
                await httpContext.RequestServices.GetRequiredService<Features.Access.CapabilityCheck>().AuditRefusalAsync(identity, refused.Capability, patient,
                    $"{httpContext.Request.Method} {httpContext.Request.Path}", !HttpMethods.IsGet(httpContext.Request.Method), cancellationToken);
                problem = Features.Access.CapabilityCheck.Problem(refused.Capability, refused.Message);
                break;
            case DomainValidationException dve:
                problem = Validation(dve.Field, dve.Message);
                break;
            case BadHttpRequestException { InnerException: JsonException json }:
                problem = Validation(FieldOf(json.Path), "Valeur illisible pour ce champ (format attendu : voir la documentation de l'API ; dates au format AAAA-MM-JJ).");
                break;
            case Microsoft.EntityFrameworkCore.DbUpdateException update when IsUniqueViolation(update):
                // Two requests raced to write the same thing (one open alert per concern, one patient per INS...):
                // the transaction rolled back, so nothing was half-written; the caller reloads and decides.
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Conflit",
                    Detail = "Une autre opération vient d'enregistrer la même chose ; rien n'a été enregistré par celle-ci. Rechargez et réessayez.",
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                };
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Requête invalide", Detail = "La requête n'a pas pu être lue." };
                break;
            default:
                logger.UnhandledError(exception, httpContext.Request.Path);
                problem = new ProblemDetails { Status = 500, Title = "Erreur interne", Detail = "L'opération n'a pas abouti ; rien n'a été enregistré." };
                break;
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A unique index refused the write: PostgreSQL's SQLSTATE 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE (2067).</summary>
    public static bool IsUniqueViolation(Microsoft.EntityFrameworkCore.DbUpdateException update) => update.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };

    public static ValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Saisie refusée",
            Detail = $"{field} : {message}",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }
}

/// <summary>The problem answers the API gives, built in one place.</summary>
public static class Problems
{
    /// <summary>Endpoint metadata stating, for the OpenAPI document, that the endpoint may answer this problem status.</summary>
    public static ProducesResponseTypeMetadata Declared(int status) => new(status, typeof(ProblemDetails), ["application/problem+json"]);

    /// <summary>404 for a resource other than a patient (a document, a meeting, a message...). A patient
    /// the user may not see gets <see cref="Features.Access.PatientScope.NotFound()"/>, the access rule's own answer.</summary>
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"{what} introuvable",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });
}
