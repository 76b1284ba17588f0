using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.Programmes;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Programmes;

public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/programmes").WithTags("PPS / PPAC").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", List).RequireCapability(Capability.ReadTreatment).WithSummary("Liste les PPS et PPAC du patient, toutes versions.");
        read.MapGet("/proposals", Proposals).RequireCapability(Capability.ReadTreatment).WithSummary("Liste les propositions de modification du PPAC faites par le médecin traitant, et la version qui y a répondu.");
        read.MapGet("/{programmeId:guid}/document", Html).RequireCapability(Capability.ReadTreatment).WithSummary("Affiche un PPS ou un PPAC en HTML ; lang=en : intitulés en anglais pour l'impression, le contenu tel qu'écrit, le document français faisant foi (par défaut : la langue choisie par le compte).")
            .ProducesValidationProblem();

        var write = app.MapGroup("/api/patients/{patientId:guid}/programmes").WithTags("PPS / PPAC")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/pps", IssuePps).RequireCapability(Capability.SignProgramme).WithSummary("Rédige, signe et transmet un PPS (C5) ou sa nouvelle version ; réviser une version déjà révisée est refusé (409).")
            .ProducesValidationProblem().WithMetadata(Problems.Declared(StatusCodes.Status409Conflict)).WithIdempotency();
        write.MapPost("/pps/preview", PreviewPps).RequireCapability(Capability.SignProgramme)
            .WithSummary("Montre le PPS tel qu'il sera signé et transmis, sans rien enregistrer.").Produces<string>(StatusCodes.Status200OK, "text/html").ProducesValidationProblem();
        write.MapPost("/ppac", RevisePpac).RequireCapability(Capability.SignProgramme)
            .WithSummary("Révise le PPAC en vigueur : nouvelle version signée et transmise de nouveau au médecin traitant et au patient (C11) ; réviser une version déjà révisée est refusé (409).")
            .ProducesValidationProblem().WithMetadata(Problems.Declared(StatusCodes.Status409Conflict)).WithIdempotency();
        write.MapPost("/ppac/preview", PreviewPpac).RequireCapability(Capability.SignProgramme)
            .WithSummary("Montre la révision du PPAC telle qu'elle sera signée et transmise, sans rien enregistrer.").Produces<string>(StatusCodes.Status200OK, "text/html").ProducesValidationProblem();
        write.MapPost("/{programmeId:guid}/proposals", Propose).RequireCapability(Capability.ContributeToAfterCancerProgramme)
            .WithSummary("Le médecin traitant propose une modification du PPAC en vigueur.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/{programmeId:guid}/gp-agreement", Agree).RequireCapability(Capability.ContributeToAfterCancerProgramme)
            .WithSummary("Le médecin traitant enregistre son accord sur le PPAC en vigueur.").ProducesValidationProblem();
        write.MapPost("/{programmeId:guid}/handed", HandOver).RequireCapability(Capability.HandOverProgramme).WithSummary("Enregistre la remise du programme au patient.").ProducesValidationProblem();
        write.MapPost("/{programmeId:guid}/phases/{order:int}/start", StartPhase).RequireCapability(Capability.StartTreatmentPhase).WithSummary("Démarre une phase de traitement (C8 pour la première).")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeDto>>> List(Guid patientId, ProgrammeQueries programmes, CancellationToken ct) =>
        TypedResults.Ok(await programmes.ListAsync(patientId, ct));

    private static async Task<Created<ProgrammeDto>> IssuePps(Guid patientId, ProgrammeInput input, CurrentUser user, IssueProgramme issue, ProgrammeQueries programmes,
        CancellationToken ct)
    {
        var p = await issue.HandleAsync(user, patientId, ProgrammeKind.Pps, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/programmes/{p.Id}/document", (await programmes.ListAsync(patientId, ct)).First(x => x.Id == p.Id));
    }

    private static async Task<ContentHttpResult> PreviewPps(Guid patientId, ProgrammeInput input, CurrentUser user, IssueProgramme issue, CancellationToken ct) =>
        TypedResults.Content(await issue.PreviewAsync(user, patientId, ProgrammeKind.Pps, input, [], null, ct), "text/html; charset=utf-8");

    private static async Task<Created<ProgrammeDto>> RevisePpac(Guid patientId, AfterCancer.PpacRevisionInput input, CurrentUser user, AfterCancer.RevisePpac revise,
        ProgrammeQueries programmes, CancellationToken ct)
    {
        var p = await revise.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/programmes/{p.Id}/document", (await programmes.ListAsync(patientId, ct)).First(x => x.Id == p.Id));
    }

    private static async Task<ContentHttpResult> PreviewPpac(Guid patientId, AfterCancer.PpacRevisionInput input, CurrentUser user, AfterCancer.RevisePpac revise, CancellationToken ct) =>
        TypedResults.Content(await revise.PreviewAsync(user, patientId, input, ct), "text/html; charset=utf-8");

    private static async Task<Ok<IReadOnlyList<AfterCancer.ProposalDto>>> Proposals(Guid patientId, AfterCancer.GpContribution gp, CancellationToken ct) =>
        TypedResults.Ok(await gp.ListAsync(patientId, ct));

    private static async Task<Results<Created<AfterCancer.ProposalDto>, ProblemHttpResult>> Propose(Guid patientId, Guid programmeId, AfterCancer.ProposalInput input, CurrentUser user,
        AfterCancer.GpContribution gp, CancellationToken ct) =>
        await gp.ProposeAsync(user, patientId, programmeId, input, ct) is { } p
            ? TypedResults.Created($"/api/patients/{patientId}/programmes/proposals", p) : Problems.NotFound("Programme");

    private static async Task<Results<NoContent, ProblemHttpResult>> Agree(Guid patientId, Guid programmeId, CurrentUser user, AfterCancer.GpContribution gp, CancellationToken ct) =>
        await gp.AgreeAsync(user, patientId, programmeId, ct) ? TypedResults.NoContent() : Problems.NotFound("Programme");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(Guid patientId, Guid programmeId, string? lang, ProgrammeHtml html, CancellationToken ct) =>
        await html.HandleAsync(patientId, programmeId, ct, PrintLanguage.IsEnglish(lang)) is { } text ? TypedResults.Content(text, "text/html; charset=utf-8") : Problems.NotFound("Programme");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandOver(Guid patientId, Guid programmeId, HandOverInput input, HandOver handOver, CancellationToken ct) =>
        await handOver.HandleAsync(patientId, programmeId, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Programme");

    private static async Task<Results<NoContent, ProblemHttpResult>> StartPhase(Guid patientId, Guid programmeId, int order, PhaseStartInput input, CurrentUser user,
        StartPhase start, CancellationToken ct) =>
        await start.HandleAsync(user, patientId, programmeId, order, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Programme");
}
