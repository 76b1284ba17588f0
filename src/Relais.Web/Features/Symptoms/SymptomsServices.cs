using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Features.Symptoms.OnCall;
using Relais.Web.Features.Symptoms.Questionnaires;
using Relais.Web.Features.Symptoms.Responses;
using Relais.Web.Features.Symptoms.Triage;

namespace Relais.Web.Features.Symptoms;

/// <summary>The use cases of the Symptoms feature (patient-reported symptoms, triage, escalation).</summary>
public static class SymptomsServices
{
    public static IServiceCollection AddSymptoms(this IServiceCollection services)
    {
        services.AddScoped<QuestionnaireQueries>();
        services.AddScoped<ValidateQuestionnaire>();
        services.AddScoped<EnsureShippedQuestionnaires>();
        services.AddScoped<UnitContacts>();
        services.AddScoped<RecordResponse>();
        services.AddScoped<MyQuestionnairesQuery>();
        services.AddScoped<TriageWorklist>();
        services.AddScoped<SymptomAlertQuery>();
        services.AddScoped<AcknowledgeSymptomAlert>();
        services.AddScoped<RecordTriageAction>();
        services.AddScoped<DeclareAlertPharmacovigilance>();
        services.AddScoped<EscalateUrgentAlerts>();
        services.AddScoped<PlanOnCallShift>();
        services.AddScoped<CallList>();
        services.AddScoped<RemindQuestionnaires>();
        services.AddScoped<SendQuestionnaire>();
        services.AddScoped<FollowUpQuestionnaires>();
        return services;
    }
}
