using System.Text.Json;
using Hl7.Fhir.Serialization;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>FHIR R4 JSON with the Firely SDK: the one serializer of <c>/fhir</c>, and the OperationOutcome of its errors.</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json";

    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(R4.ModelInfo.ModelInspector);

    public static string Serialize(R4.Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    /// <summary>Parses a resource; the SDK's issues (unknown element, wrong type) throw <see cref="DeserializationFailedException"/>.</summary>
    public static R4.Resource Parse(string json) => JsonSerializer.Deserialize<R4.Resource>(json, Options)
        ?? throw new JsonException("empty resource");

    public static R4.OperationOutcome Outcome(R4.OperationOutcome.IssueType code, string text, params string[] expression) => new()
    {
        Issue =
        [
            new R4.OperationOutcome.IssueComponent
            {
                Severity = R4.OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = text,
                Details = new R4.CodeableConcept { Text = text },
                Expression = expression.Length == 0 ? [] : expression,
            },
        ],
    };

    /// <summary>The one not-found answer, for a resource that does not exist and for one the caller may not read.</summary>
    public static IResult NotFound() => Result(Outcome(R4.OperationOutcome.IssueType.NotFound, "Aucune ressource accessible ne correspond à cet identifiant."), StatusCodes.Status404NotFound);

    /// <summary>The access rule's answer for a patient (the words of <see cref="Access.PatientScope.NotFound()"/>), for a patient that does not exist and one the caller may not see.</summary>
    public static IResult PatientNotFound() => Result(Outcome(R4.OperationOutcome.IssueType.NotFound, "Patient introuvable : aucun dossier accessible ne correspond à cet identifiant."), StatusCodes.Status404NotFound);

    /// <summary>Declares the answers of a FHIR endpoint for OpenAPI: the resource, and its errors as OperationOutcome.</summary>
    public static RouteHandlerBuilder FhirAnswers(this RouteHandlerBuilder builder, params int[] errors)
    {
        builder.Produces(StatusCodes.Status200OK, contentType: ContentType);
        foreach (var status in errors) builder.Produces(status, contentType: ContentType);
        return builder;
    }

    public static IResult Invalid(string text, params string[] expression) => Result(Outcome(R4.OperationOutcome.IssueType.Invalid, text, expression), StatusCodes.Status400BadRequest);

    public static IResult Result(R4.Resource resource, int status = StatusCodes.Status200OK) => new FhirResult(resource, status);

    private sealed class FhirResult(R4.Resource resource, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = ContentType + "; charset=utf-8";
            return httpContext.Response.WriteAsync(Serialize(resource), httpContext.RequestAborted);
        }
    }
}
