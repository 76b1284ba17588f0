using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients.Steps;

/// <summary>The administrative and social steps and the clinical trials of a patient (issue 15 point 3), and the steps that fall to the caller.</summary>
public static class StepsApi
{
    public static IEndpointRouteBuilder MapSteps(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/patients/{patientId:guid}/steps").WithTags("Patients").RequireAuthorization().RequirePatientAccess(AccessKind.Read)
            .MapGet("/", List).RequireCapability(Capability.ReadRecord)
            .WithSummary("Démarches administratives et sociales du patient (maladie professionnelle, nutrition entérale, travail, assurance), essais cliniques, et localisations imposant la recherche d'une exposition professionnelle.");

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Patients").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/steps", Plan).RequireCapability(Capability.ManageAdministrativeSteps)
            .WithSummary("Planifie une démarche datée (recherche d'exposition professionnelle, fin d'arrêt de travail, temps partiel thérapeutique, invalidité, reclassement, assurance d'un prêt) ; son responsable est rappelé avant l'échéance.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/steps/{stepId:guid}/done", Complete).RequireCapability(Capability.ManageAdministrativeSteps)
            .WithSummary("Marque une démarche faite ; la suivante est planifiée (doute d'exposition → certificat médical initial → déclaration sous deux ans ; renouvellements de nutrition entérale).")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/steps/{stepId:guid}/cancel", Cancel).RequireCapability(Capability.ManageAdministrativeSteps)
            .WithSummary("Annule une démarche, avec son motif.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/enteral-nutrition", StartEnteralNutrition).RequireCapability(Capability.ManageAdministrativeSteps)
            .WithSummary("Enregistre la première prescription de nutrition entérale par le service hospitalier : le premier renouvellement (service hospitalier) est planifié, puis ceux du médecin traitant.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/trials", Inform).RequireCapability(Capability.RecordTrialParticipation)
            .WithSummary("Enregistre l'information orale et écrite donnée sur un essai clinique.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/trials/{trialId:guid}/decision", Decide).RequireCapability(Capability.RecordTrialParticipation)
            .WithSummary("Enregistre la décision du patient : consentement éclairé signé (consent) ou refus (decline).").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/trials/{trialId:guid}/withdrawal", Withdraw).RequireCapability(Capability.RecordTrialParticipation)
            .WithSummary("Enregistre le retrait de l'essai, possible à tout moment.").ProducesValidationProblem().WithIdempotency();

        app.MapGroup("/api/worklists").WithTags("Patients").RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator, Roles.GeneralPractitioner))
            .MapGet("/steps", Worklist).WithSummary("Démarches qui reviennent à l'appelant (médecin traitant ou équipe hospitalière), à échéance dans les 30 jours ou en retard ; paginée (page, pageSize : 50 par défaut, 100 au plus).")
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see; each one listed is audited");
        return app;
    }

    private static async Task<Ok<StepsDto>> List(Guid patientId, StepsQuery query, CancellationToken ct) => TypedResults.Ok(await query.HandleAsync(patientId, ct));

    private static async Task<Created<StepDto>> Plan(Guid patientId, PlanStepInput input, CurrentUser user, ManageSteps steps, CancellationToken ct)
    {
        var step = await steps.PlanAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/steps", step);
    }

    private static async Task<Results<Ok<StepCompleted>, NotFound>> Complete(Guid patientId, Guid stepId, CompleteStepInput input, CurrentUser user, ManageSteps steps,
        CancellationToken ct) => await steps.CompleteAsync(user, patientId, stepId, input, ct) is { } done ? TypedResults.Ok(done) : TypedResults.NotFound();

    private static async Task<Results<Ok<StepDto>, NotFound>> Cancel(Guid patientId, Guid stepId, CancelStepInput input, CurrentUser user, ManageSteps steps,
        CancellationToken ct) => await steps.CancelAsync(user, patientId, stepId, input, ct) is { } step ? TypedResults.Ok(step) : TypedResults.NotFound();

    private static async Task<Created<StepDto>> StartEnteralNutrition(Guid patientId, EnteralNutritionInput input, CurrentUser user, ManageSteps steps, CancellationToken ct)
    {
        var step = await steps.StartEnteralNutritionAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/steps", step);
    }

    private static async Task<Created<TrialDto>> Inform(Guid patientId, InformTrialInput input, CurrentUser user, ManageTrials trials, CancellationToken ct)
    {
        var trial = await trials.InformAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/steps", trial);
    }

    private static async Task<Results<Ok<TrialDto>, NotFound>> Decide(Guid patientId, Guid trialId, TrialDecisionInput input, CurrentUser user, ManageTrials trials,
        CancellationToken ct) => await trials.DecideAsync(user, patientId, trialId, input, ct) is { } trial ? TypedResults.Ok(trial) : TypedResults.NotFound();

    private static async Task<Results<Ok<TrialDto>, NotFound>> Withdraw(Guid patientId, Guid trialId, TrialWithdrawalInput input, CurrentUser user, ManageTrials trials,
        CancellationToken ct) => await trials.WithdrawAsync(user, patientId, trialId, input, ct) is { } trial ? TypedResults.Ok(trial) : TypedResults.NotFound();

    private static async Task<Ok<StepsWorklistPage>> Worklist(int? page, int? pageSize, CurrentUser user, StepsWorklist worklist, CancellationToken ct) =>
        TypedResults.Ok(await worklist.HandleAsync(user, page ?? 1, pageSize ?? StepsWorklist.DefaultPageSize, ct));
}
