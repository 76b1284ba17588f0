using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Fhir;
using Relais.Web.Features.FollowUp.Observations;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients.Identity;

/// <summary>
/// Identity vigilance (RNIV): the checks that raise a patient's identity status, and the referent's worklist.
/// The referent is the nurse coordinator: identity vigilance is care staff's work in French establishments
/// (the cellule d'identitovigilance), and the role already reads nominative data, unlike the administrator,
/// who sees none (PRODUCT.md §2).
/// </summary>
public static class IdentityApi
{
    public const string ReferentRole = Roles.NurseCoordinator;

    public static IEndpointRouteBuilder MapPatientIdentity(this IEndpointRouteBuilder app)
    {
        var write = app.MapGroup("/api/patients/{patientId:guid}/identity").WithTags("Identitovigilance")
            .RequireAuthorization(p => p.RequireRole(Roles.TeamManagers.Split(','))).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/insi", VerifyWithInsi).RequireCapability(Capability.EditIdentity).WithSummary("Vérifie le matricule INS et les traits d'identité auprès du téléservice INSi (identité récupérée, ou qualifiée).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        write.MapPost("/document", CheckDocument).RequireCapability(Capability.EditIdentity).WithSummary("Enregistre la pièce d'identité à haut niveau de confiance vérifiée (identité validée, ou qualifiée).")
            .ProducesValidationProblem();

        var referent = app.MapGroup("/api/identity-vigilance").WithTags("Identitovigilance").RequireAuthorization(p => p.RequireRole(ReferentRole));
        referent.MapGet("/", List).WithSummary("Liste les signalements d'identitovigilance : incohérences confirmées et doublons d'INS suspectés.")
            .DeclareNoPatientData("the identity-vigilance referent's worklist; each patient shown is audited")
            .WithMetadata(new AuditsEachPatientShownAttribute());
        referent.MapPost("/{alertId:guid}/close", Close).WithSummary("Clôt un signalement d'identitovigilance avec ce qui a été fait.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("the referent closes a line of the worklist");
        referent.MapGet("/external-results", ListHeldResults)
            .WithSummary("Liste les résultats de laboratoire reçus en FHIR (POST /fhir) qu'aucun dossier n'a pu recevoir : identité transmise, motifs, dossiers candidats.")
            .DeclareNoPatientData("the held external results; each record named is audited, and the list itself")
            .WithMetadata(new AuditsEachPatientShownAttribute());
        referent.MapPost("/external-results/{heldId:guid}/attach", AttachHeldResult)
            .WithSummary("Rattache des résultats externes en attente au bon dossier : ils passent par le flux laboratoire et ses règles de retour précoce.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden)
            .DeclareNoPatientData("the referent attaches held results; the access rule is applied to the record chosen");
        referent.MapPost("/external-results/{heldId:guid}/reject", RejectHeldResult)
            .WithSummary("Rejette des résultats externes en attente, avec le motif ; ils ne rejoignent aucun dossier.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .DeclareNoPatientData("the referent rejects held results");
        return app;
    }

    private static async Task<Results<Ok<IdentityDto>, ProblemHttpResult>> VerifyWithInsi(Guid patientId, CurrentUser user, VerifyIdentityWithInsi verify,
        PatientDetailQuery details, CancellationToken ct)
    {
        if (await verify.HandleAsync(user, patientId, ct) == InsiOutcome.Unavailable)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Téléservice INSi injoignable",
                Detail = "Le téléservice INSi n'est pas joignable depuis cette installation : l'identité reste à son statut actuel.",
                Extensions = { ["field"] = "ins" },
            });
        return TypedResults.Ok((await details.GetAsync(patientId, AccessBasis.CareTeam, ct))!.Identity!);
    }

    private static async Task<Ok<IdentityDto>> CheckDocument(Guid patientId, IdentityDocumentInput input, CurrentUser user, CheckIdentityDocument check,
        PatientDetailQuery details, CancellationToken ct)
    {
        await check.HandleAsync(user, patientId, input, ct);
        return TypedResults.Ok((await details.GetAsync(patientId, AccessBasis.CareTeam, ct))!.Identity!);
    }

    private static async Task<Ok<IReadOnlyList<IdentityAlertDto>>> List(bool? closed, CurrentUser user, IdentityWorklistQuery worklist, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok(response.WithTotalCount(await worklist.ListAsync(user, closed == true, ct)));

    private static async Task<Ok<IReadOnlyList<HeldExternalResultDto>>> ListHeldResults(bool? closed, CurrentUser user, HeldExternalResults held, HttpResponse response,
        CancellationToken ct) =>
        TypedResults.Ok(response.WithTotalCount(await held.ListAsync(user, closed == true, ct)));

    private static ProblemHttpResult HeldClosed() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflit",
        Detail = "Ces résultats ont déjà été rattachés ou rejetés.",
        Extensions = { ["field"] = "heldResult" },
    });

    private static async Task<Results<Ok<ObservationBatchResult>, ProblemHttpResult>> AttachHeldResult(Guid heldId, AttachHeldResultInput input, CurrentUser user,
        HeldExternalResults held, CancellationToken ct)
    {
        var (outcome, result) = await held.AttachAsync(user, heldId, input, ct);
        return outcome switch
        {
            HeldResultOutcome.Done => TypedResults.Ok(result!),
            HeldResultOutcome.Closed => HeldClosed(),
            HeldResultOutcome.PatientRefused => Problems.NotFound("Dossier"),
            _ => Problems.NotFound("Résultats en attente"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RejectHeldResult(Guid heldId, RejectHeldResultInput input, CurrentUser user,
        HeldExternalResults held, CancellationToken ct) =>
        await held.RejectAsync(user, heldId, input, ct) switch
        {
            HeldResultOutcome.Done => TypedResults.NoContent(),
            HeldResultOutcome.Closed => HeldClosed(),
            _ => Problems.NotFound("Résultats en attente"),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Close(Guid alertId, CloseIdentityAlertInput input, CurrentUser user, CloseIdentityAlert close,
        CancellationToken ct) =>
        await close.HandleAsync(user, alertId, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Signalement");
}
