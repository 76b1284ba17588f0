using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Features.Expertise.Oncogenetics;
using Relais.Web.Features.Expertise.RareCancers;
using Relais.Web.Features.Expertise.Worklist;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Expertise;

/// <summary>Heredity and rare cancers tracked to completion (issue 16 point 3): the oncogenetics referrals, the expert circuits and the team's worklist of them.</summary>
public static class ExpertiseApi
{
    private const string Tag = "Oncogénétique et cancers rares";

    public static IEndpointRouteBuilder MapExpertise(this IEndpointRouteBuilder app)
    {
        // The genetic result and the expert reading are diagnostic data: they are read like the pathology report.
        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/oncogenetics", ListReferrals).RequireCapability(Capability.ReadPathology)
            .WithSummary("Liste les suspicions de forme héréditaire et leurs demandes de consultation d'oncogénétique, jusqu'au résultat et à l'information des apparentés.");
        read.MapGet("/expert-reviews", ListReviews).RequireCapability(Capability.ReadPathology)
            .WithSummary("Liste les circuits experts des cancers rares et des lymphomes : seconde lecture anatomopathologique et RCP du réseau expert.");

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/oncogenetics", OpenReferral).RequireCapability(Capability.ManageOncogenetics)
            .WithSummary("Enregistre une suspicion de forme héréditaire avec ses critères et ouvre la demande de consultation d'oncogénétique.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/oncogenetics/{referralId:guid}/consultation", Consultation).RequireCapability(Capability.ManageOncogenetics)
            .WithSummary("Enregistre la consultation d'oncogénétique ; la demande attend ensuite son résultat.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        write.MapPost("/oncogenetics/{referralId:guid}/result", Result).RequireCapability(Capability.ManageOncogenetics)
            .WithSummary("Enregistre le résultat (brca1, brca2, lynch, none-found) : la demande quitte la liste de travail et le module de surveillance du résultat rejoint le carnet.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        write.MapPost("/oncogenetics/{referralId:guid}/relatives", Relatives).RequireCapability(Capability.ManageOncogenetics)
            .WithSummary("Enregistre l'information des apparentés (consignée, Relais ne contacte personne).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        write.MapPost("/expert-reviews", OpenReview).RequireCapability(Capability.ManageExpertReview)
            .WithSummary("Ouvre le circuit expert d'un cancer rare ou d'un lymphome : seconde lecture et, si le motif l'exige, RCP du réseau expert.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/expert-reviews/{reviewId:guid}/second-reading", SecondReading).RequireCapability(Capability.ManageExpertReview)
            .WithSummary("Enregistre la seconde lecture anatomopathologique par un pathologiste expert.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        write.MapPost("/expert-reviews/{reviewId:guid}/expert-board", ExpertBoard).RequireCapability(Capability.ManageExpertReview)
            .WithSummary("Enregistre la discussion du dossier en RCP du réseau expert.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/expertise/worklist", Worklist).WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator, Roles.GeneralPractitioner))
            .WithSummary("Liste ce que l'équipe attend encore : consultations et résultats d'oncogénétique, secondes lectures et RCP expertes des cancers rares et des lymphomes.")
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OncogeneticsDto>>> ListReferrals(Guid patientId, OncogeneticsQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<ExpertReviewDto>>> ListReviews(Guid patientId, ExpertReviewQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<ExpertiseLine>>> Worklist(CurrentUser user, ExpertiseWorklistQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(user, ct));

    private static async Task<Created<OncogeneticsDto>> OpenReferral(Guid patientId, HereditarySuspicionInput input, CurrentUser user, OpenOncogeneticsReferral open,
        CancellationToken ct)
    {
        var referral = await open.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/oncogenetics", referral);
    }

    private static async Task<Results<Ok<OncogeneticsDto>, ProblemHttpResult>> Consultation(Guid patientId, Guid referralId, ConsultationInput input,
        RecordOncogeneticsConsultation record, CancellationToken ct) =>
        await record.HandleAsync(patientId, referralId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Demande d'oncogénétique");

    private static async Task<Results<Ok<GeneticResultRecorded>, ProblemHttpResult>> Result(Guid patientId, Guid referralId, GeneticResultInput input, CurrentUser user,
        RecordGeneticResult record, CancellationToken ct) =>
        await record.HandleAsync(user, patientId, referralId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Demande d'oncogénétique");

    private static async Task<Results<Ok<OncogeneticsDto>, ProblemHttpResult>> Relatives(Guid patientId, Guid referralId, RelativesInput input,
        RecordRelativesInformed record, CancellationToken ct) =>
        await record.HandleAsync(patientId, referralId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Demande d'oncogénétique");

    private static async Task<Created<ExpertReviewDto>> OpenReview(Guid patientId, ExpertReviewInput input, CurrentUser user, OpenExpertReview open, CancellationToken ct)
    {
        var review = await open.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/expert-reviews", review);
    }

    private static async Task<Results<Ok<ExpertReviewDto>, ProblemHttpResult>> SecondReading(Guid patientId, Guid reviewId, SecondReadingInput input,
        RecordSecondReading record, CancellationToken ct) =>
        await record.HandleAsync(patientId, reviewId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Circuit expert");

    private static async Task<Results<Ok<ExpertReviewDto>, ProblemHttpResult>> ExpertBoard(Guid patientId, Guid reviewId, ExpertBoardInput input,
        RecordExpertBoard record, CancellationToken ct) =>
        await record.HandleAsync(patientId, reviewId, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Circuit expert");
}
