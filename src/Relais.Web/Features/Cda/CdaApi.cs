using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Cda;

/// <summary>The CI-SIS CDA of a signed tumor-board report (FRCP) or PPS (CANCER-PPS), beside its PDF.</summary>
public static class CdaApi
{
    public static IEndpointRouteBuilder MapCda(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Coordination").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/documents/{documentId:guid}/cda", GetCda).RequireCapability(Capability.ReadDocuments)
            .WithSummary("Télécharge le document CDA R2 (CI-SIS, volets cancer 2022.01) d'un compte rendu de RCP (FRCP) ou d'un PPS (CANCER-PPS) signé.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCda(Guid patientId, Guid documentId, CurrentUser user, HttpContext http,
        CapabilityCheck capabilities, CdaExport export, Coordination.Documents.DocumentsQuery documents, Portal.Release.PortalViews portal, CancellationToken ct)
    {
        var document = await documents.GetAsync(patientId, documentId, ct);
        if (document is null || !(await portal.ForAsync(user, patientId, ct)).ShowsDocument(document.Id, document.Kind, document.CreatedAt)) return Problems.NotFound("Document");
        // The part of the record the document belongs to (the tumor-board deliberations) is read under its own capability, as for the PDF.
        var needed = Capabilities.ToRead(document.Kind);
        if (!await capabilities.CheckAsync(user, [needed], patientId, PatientScope.Decision(http), $"GET {http.Request.Path}", false, ct))
            return TypedResults.Problem(CapabilityCheck.Problem(needed));
        var cda = await export.ForDocumentAsync(patientId, documentId, ct);
        if (cda is null)
        {
            var problem = Problems.NotFound("Document CDA");
            problem.ProblemDetails.Detail = "Seuls les comptes rendus de RCP et les PPS signés produits par Relais ont un document CDA.";
            return problem;
        }
        return TypedResults.File(cda.Content, "application/xml", cda.FileName);
    }
}
