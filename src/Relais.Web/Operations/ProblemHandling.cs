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
            case Domain.Patients.IdentityMismatchException mismatch:
                problem = Validation(mismatch.Fields);
                break;
            case LinkedConflictException linked:
                problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [linked.Field] = [linked.Message] })
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Conflit",
                    Detail = $"{linked.Field} : {linked.Message}",
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                    Extensions = { ["link"] = linked.Link },
                };
                break;
            case StaleVersionException stale:
                problem = Stale(httpContext, stale.Field);
                break;
            case Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException:
                problem = Stale(httpContext, "version");
                break;
            case BadHttpRequestException { InnerException: RequestFieldException field }:
                problem = Validation(Within(field.Path, field.Member), field.Message);
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
            case BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad:
                // A body missing or null, a query or route value of the wrong type: the problem names the parameter, or the body.
                problem = Validation(ParameterOf(bad.Message), "Valeur absente ou illisible (voir la documentation de l'API).");
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

    /// <summary>A refusal naming several fields at once (an INS that contradicts both the sex and the birth date).</summary>
    public static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string> fields) =>
        new(fields.ToDictionary(f => f.Key, f => new[] { f.Value }))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Saisie refusée",
            Detail = string.Join(" ", fields.Select(f => $"{f.Key} : {f.Value}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    /// <summary>
    /// Someone else changed the record since the caller read it: 412 when the caller said which version
    /// with If-Match (RFC 9110 §13.1.1), 409 when the version came in the body. Nothing was written.
    /// </summary>
    public static ProblemDetails Stale(HttpContext http, string field)
    {
        var ifMatch = http.Request.Headers.IfMatch.Count > 0;
        return new ProblemDetails
        {
            Status = ifMatch ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Title = "Modifié entre-temps",
            Detail = "Quelqu'un a modifié cet enregistrement depuis que vous l'avez ouvert ; rien n'a été enregistré. Rechargez-le pour voir sa version actuelle, puis refaites votre modification.",
            Type = ifMatch ? "https://tools.ietf.org/html/rfc9110#section-15.5.13" : "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            Extensions = { ["field"] = ifMatch ? "If-Match" : field },
        };
    }

    /// <summary>The parameter the framework's binding message names (<c>Failed to bind parameter "int? pageSize" from "x".</c>), or the body.</summary>
    private static string ParameterOf(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, "parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\" (?:from|was not provided from) (?<source>[a-z ]*)") is { Success: true } m
            && !m.Groups["source"].Value.StartsWith("body", StringComparison.Ordinal) ? m.Groups[1].Value : "body";

    /// <summary>The member refused, under the object of the body where it lies (<c>phases[2].label</c>).</summary>
    private static string Within(string? path, string member) => FieldOf(path) is var parent && parent != "body" ? $"{parent}.{member}" : member;

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }
}

/// <summary>
/// The request collides with a record the caller may read (a second record for the same INS): 409 naming the
/// field, with a link to that record. Only thrown once the access rule has said the caller may read it.
/// </summary>
public sealed class LinkedConflictException(string field, string message, string link) : Exception(message)
{
    public string Field { get; } = field;
    public string Link { get; } = link;
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
