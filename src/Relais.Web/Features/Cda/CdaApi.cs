using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.Documents;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Cda;

/// <summary>
/// The CI-SIS CDA of a signed tumor-board report (FRCP) or PPS (CANCER-PPS), beside its PDF; and, for a decided case
/// or a PPS version that has no printed document (Relais without Chromium, the demo story), the CDA of the case or
/// the version itself.
/// </summary>
public static class CdaApi
{
    public static IEndpointRouteBuilder MapCda(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Coordination").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/documents/{documentId:guid}/cda", GetCda).RequireCapability(Capability.ReadDocuments)
            .WithSummary("Télécharge le document CDA R2 (CI-SIS, volets cancer 2022.01) d'un compte rendu de RCP (FRCP) ou d'un PPS (CANCER-PPS) signé.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml");
        read.MapGet("/tumor-board-cases/{caseId:guid}/cda", GetCaseCda).RequireCapability(Capabilities.ToRead(DocumentKind.TumorBoardReport))
            .WithSummary("Télécharge la fiche RCP CI-SIS (FRCP, CDA R2) d'un dossier décidé en RCP, même sans compte rendu PDF imprimé.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/programmes/{programmeId:guid}/cda", GetProgrammeCda).RequireCapability(Capabilities.ToRead(DocumentKind.Pps))
            .WithSummary("Télécharge le PPS CI-SIS (CANCER-PPS, CDA R2) d'une version de PPS, même sans PDF imprimé.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
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
        return File(await export.ForDocumentAsync(patientId, documentId, ct), "Seuls les comptes rendus de RCP et les PPS signés produits par Relais ont un document CDA.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCaseCda(Guid patientId, Guid caseId, CdaExport export, CancellationToken ct) =>
        File(await export.ForCaseAsync(patientId, caseId, ct), "Seul un dossier décidé en RCP a une fiche RCP.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetProgrammeCda(Guid patientId, Guid programmeId, CdaExport export, CancellationToken ct) =>
        File(await export.ForProgrammeAsync(patientId, programmeId, ct), "Seule une version de PPS a un document CANCER-PPS.");

    private static Results<FileContentHttpResult, ProblemHttpResult> File(CdaFile? cda, string detail)
    {
        if (cda is not null) return TypedResults.File(cda.Content, "application/xml", cda.FileName);
        var problem = Problems.NotFound("Document CDA");
        problem.ProblemDetails.Detail = detail;
        return problem;
    }
}
