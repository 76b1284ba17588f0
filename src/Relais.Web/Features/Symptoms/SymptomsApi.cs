using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Features.Symptoms.OnCall;
using Relais.Web.Features.Symptoms.Questionnaires;
using Relais.Web.Features.Symptoms.Responses;
using Relais.Web.Features.Symptoms.Triage;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Symptoms;

public static class SymptomsApi
{
    private const string Tag = "Symptômes et questionnaires";

    public static IEndpointRouteBuilder MapSymptoms(this IEndpointRouteBuilder app)
    {
        // The definitions are reference data: the patient reads them to answer, professionals to know the rules.
        var questionnaires = app.MapGroup("/api/questionnaires").WithTags(Tag).RequireAuthorization();
        questionnaires.MapGet("/", List).WithSummary("Liste les questionnaires (dernière version de chacun).").DeclareNoPatientData("questionnaires are reference data");
        questionnaires.MapGet("/{code}", Get).WithSummary("Lit un questionnaire au format FHIR Questionnaire, avec ses règles d'alerte.")
            .ProducesProblem(StatusCodes.Status404NotFound).DeclareNoPatientData("questionnaires are reference data");
        questionnaires.MapPost("/{code}/versions/{version:int}/validate", Validate).RequireCapability(Capability.ValidateProtocol)
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician))
            .WithSummary("Valide une version de questionnaire et ses règles d'alerte (un médecin hospitalier).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .DeclareNoPatientData("validation of a questionnaire version");

        var report = app.MapGroup("/api/patients/{patientId:guid}").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        // The patient answers on the own record (a read right suffices, as for the warning signs [B]); a professional may enter answers given on the phone.
        report.MapPost("/questionnaire-responses", Respond).RequireCapability(Capability.ReportSymptoms)
            .WithSummary("Enregistre les réponses du patient à un questionnaire ; les règles déclenchées alertent l'équipe et disent au patient qui appeler.")
            .ProducesValidationProblem().WithIdempotency();

        var sentRead = app.MapGroup("/api/patients/{patientId:guid}/questionnaire-assignments").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        sentRead.MapGet("/", ListSent).RequireCapability(Capability.ReportSymptoms)
            .WithSummary("Liste les questionnaires envoyés une fois au patient (ouverts, répondus, retirés), du plus récent au plus ancien.");
        sentRead.MapGet("/recurring", ListPlans).RequireCapability(Capability.ReportSymptoms)
            .WithSummary("Liste les questionnaires réguliers choisis par l'équipe pour le suivi du patient (rythme, début, fin, qui l'a choisi, où en est l'occurrence en cours).");
        var sent = app.MapGroup("/api/patients/{patientId:guid}/questionnaire-assignments").WithTags(Tag)
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator, Roles.GeneralPractitioner)).RequirePatientAccess(AccessKind.Write);
        sent.MapPost("/", SendOnce).RequireCapability(Capability.SendQuestionnaire)
            .WithSummary("Envoie au patient un questionnaire à remplir une fois, avant une date ; sa prochaine réponse le clôt, un rappel suit le lendemain de la date.")
            .ProducesValidationProblem().WithIdempotency();
        sent.MapPost("/recurring", ChoosePlan).RequireCapability(Capability.SendQuestionnaire)
            .WithSummary("Choisit un questionnaire régulier pour un patient suivi selon un protocole de surveillance : toutes les N semaines ou N mois, à partir d'un jour, jusqu'à un jour ou tant que dure le protocole ; rappel le lendemain de chaque échéance, pas de liste d'appels. Le même choix renvoyé répond 200 avec le rythme existant.")
            .ProducesValidationProblem().WithIdempotency();
        sent.MapDelete("/recurring/{planId:guid}", StopPlan).RequireCapability(Capability.SendQuestionnaire)
            .WithSummary("Arrête un questionnaire régulier du suivi : plus d'échéance ni de rappel (l'arrêter de nouveau ne change rien).").ProducesProblem(StatusCodes.Status404NotFound);
        sent.MapPost("/{assignmentId:guid}/withdraw", WithdrawSent).RequireCapability(Capability.SendQuestionnaire)
            .WithSummary("Retire un questionnaire envoyé et pas encore rempli.").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        var triage = app.MapGroup("/api").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator));
        triage.MapGet("/worklists/triage", Worklist).WithSummary("Liste de triage : alertes ouvertes des patients, par gravité puis ancienneté.")
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see; each one listed is audited");
        triage.MapGet("/worklists/call-list", CallListItems).WithSummary("Patients à appeler : questionnaire de la semaine sans réponse après le rappel, pendant le traitement actif.")
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see; each one listed is audited");
        triage.MapPost("/on-call-shifts", PlanShift).WithSummary("Inscrit un médecin de l'établissement au tableau de garde.")
            .ProducesValidationProblem().DeclareNoPatientData("the centre's on-call rota");

        var alerts = app.MapGroup("/api/patients/{patientId:guid}/symptom-alerts").WithTags(Tag)
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator)).RequirePatientAccess(AccessKind.Write);
        alerts.MapGet("/{alertId:guid}", Alert).RequireCapability(Capability.TriageSymptomAlerts).WithSummary("Lit une alerte de triage : réponses, règle, tendance, suites.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapPost("/{alertId:guid}/acknowledge", Acknowledge).RequireCapability(Capability.TriageSymptomAlerts).WithSummary("Prend en charge une alerte de triage.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapPost("/{alertId:guid}/action", RecordAction).RequireCapability(Capability.TriageSymptomAlerts)
            .WithSummary("Enregistre l'action menée pour une alerte de triage (conseil, consultation, hôpital de jour, urgences).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        alerts.MapPost("/{alertId:guid}/pharmacovigilance", DeclarePharmacovigilance).RequireCapability(Capability.TriageSymptomAlerts)
            .WithSummary("Enregistre la déclaration de pharmacovigilance d'un effet indésirable grave signalé (grade 3 ou plus) et le médicament suspecté.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<QuestionnaireList>> List(QuestionnaireQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct));

    private static async Task<Results<Ok<FhirQuestionnaire>, ProblemHttpResult>> Get(string code, int? version, QuestionnaireQueries queries, CancellationToken ct) =>
        await queries.FindAsync(code, version, ct) is { } q ? TypedResults.Ok(QuestionnaireQueries.ToFhir(q)) : Problems.NotFound("Questionnaire");

    private static async Task<Results<Ok<FhirQuestionnaire>, ProblemHttpResult>> Validate(string code, int version, QuestionnaireValidationInput input, HttpContext http,
        CurrentUser user, ValidateQuestionnaire validate, CancellationToken ct)
    {
        var result = await validate.HandleAsync(user, code, version, input with { Revision = Versions.Expected(http, input.Revision) }, ct);
        return result is null ? Problems.NotFound("Questionnaire") : TypedResults.Ok(result);
    }

    private static async Task<Created<ResponseResult>> Respond(Guid patientId, ResponseInput input, CurrentUser user, RecordResponse record, CancellationToken ct)
    {
        var result = await record.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/questionnaire-responses/{result.Id}", result);
    }

    private static async Task<Ok<AssignmentList>> ListSent(Guid patientId, SendQuestionnaire send, CancellationToken ct) =>
        TypedResults.Ok(await send.ListAsync(patientId, ct));

    private static async Task<Created<AssignmentDto>> SendOnce(Guid patientId, SendQuestionnaireInput input, CurrentUser user, SendQuestionnaire send, CancellationToken ct)
    {
        var sent = await send.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/questionnaire-assignments/{sent.Id}", sent);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawSent(Guid patientId, Guid assignmentId, CurrentUser user, SendQuestionnaire send, CancellationToken ct) =>
        await send.WithdrawAsync(user, patientId, assignmentId, ct) ? TypedResults.NoContent() : Problems.NotFound("Questionnaire envoyé");

    private static async Task<Ok<FollowUpPlanList>> ListPlans(Guid patientId, FollowUpQuestionnaires plans, CancellationToken ct) =>
        TypedResults.Ok(await plans.ListAsync(patientId, ct));

    private static async Task<Results<Created<FollowUpPlanDto>, Ok<FollowUpPlanDto>>> ChoosePlan(Guid patientId, FollowUpPlanInput input, CurrentUser user,
        FollowUpQuestionnaires plans, CancellationToken ct)
    {
        var (plan, created) = await plans.ChooseAsync(user, patientId, input, ct);
        return created ? TypedResults.Created($"/api/patients/{patientId}/questionnaire-assignments/recurring/{plan.Id}", plan) : TypedResults.Ok(plan);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> StopPlan(Guid patientId, Guid planId, CurrentUser user, FollowUpQuestionnaires plans, CancellationToken ct) =>
        await plans.StopAsync(user, patientId, planId, ct) is not null ? TypedResults.NoContent() : Problems.NotFound("Questionnaire régulier");

    private static async Task<Ok<TriagePage>> Worklist(int? page, int? pageSize, CurrentUser user, TriageWorklist worklist, CancellationToken ct) =>
        TypedResults.Ok(await worklist.HandleAsync(user, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Ok<CallListPage>> CallListItems(CurrentUser user, CallList list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(user, ct));

    private static async Task<Created<OnCallShiftDto>> PlanShift(OnCallShiftInput input, CurrentUser user, PlanOnCallShift plan, CancellationToken ct)
    {
        var shift = await plan.HandleAsync(user, input, ct);
        return TypedResults.Created($"/api/on-call-shifts/{shift.Id}", shift);
    }

    private static async Task<Results<Ok<SymptomAlertDetail>, ProblemHttpResult>> Alert(Guid patientId, Guid alertId, SymptomAlertQuery query, CancellationToken ct) =>
        await query.HandleAsync(patientId, alertId, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("Alerte");

    private static async Task<Results<NoContent, ProblemHttpResult>> Acknowledge(Guid patientId, Guid alertId, CurrentUser user, AcknowledgeSymptomAlert acknowledge,
        CancellationToken ct) =>
        await acknowledge.HandleAsync(user, patientId, alertId, ct) ? TypedResults.NoContent() : Problems.NotFound("Alerte");

    private static async Task<Results<NoContent, ProblemHttpResult>> RecordAction(Guid patientId, Guid alertId, TriageActionInput input, CurrentUser user,
        RecordTriageAction record, CancellationToken ct) =>
        await record.HandleAsync(user, patientId, alertId, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Alerte");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclarePharmacovigilance(Guid patientId, Guid alertId, PharmacovigilanceInput input, CurrentUser user,
        DeclareAlertPharmacovigilance declare, CancellationToken ct) =>
        await declare.HandleAsync(user, patientId, alertId, input, ct) ? TypedResults.NoContent() : Problems.NotFound("Alerte");
}
