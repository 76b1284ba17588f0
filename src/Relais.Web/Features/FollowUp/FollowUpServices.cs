using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Features.FollowUp.Calendar;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Features.FollowUp.ContinuingTreatments;
using Relais.Web.Features.FollowUp.EndOfTreatment;
using Relais.Web.Features.FollowUp.Observations;
using Relais.Web.Features.FollowUp.Protocols;
using Relais.Web.Features.FollowUp.Reminders;
using Relais.Web.Features.FollowUp.Worklist;

namespace Relais.Web.Features.FollowUp;

/// <summary>The use cases of the FollowUp feature, registered by <c>AddRelaisServices</c>.</summary>
public static class FollowUpServices
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddScoped<ProtocolQueries>();
        services.AddScoped<PreviewProtocol>();
        services.AddScoped<ValidateProtocol>();
        services.AddScoped<ImportProtocol>();
        services.AddScoped<EnsureShippedProtocols>();
        services.AddScoped<EndTreatment>();
        services.AddScoped<ContinuingTreatmentPlanner>();
        services.AddScoped<RecordContinuingTreatment>();
        services.AddScoped<StopContinuingTreatment>();
        services.AddScoped<ReportTreatment>();
        services.AddScoped<ContinuingTreatmentQuery>();
        services.AddScoped<Prevention.PreventionQuery>();
        services.AddScoped<Prevention.RecordPrevention>();
        services.AddScoped<Prevention.PlanOrganisedScreenings>();
        services.AddScoped<RemindPlannedStops>();
        services.AddScoped<CarnetQuery>();
        services.AddScoped<CarnetHtml>();
        services.AddScoped<MarkDone>();
        services.AddScoped<CancelItem>();
        services.AddScoped<ObservationQuery>();
        services.AddScoped<MarkerRulesQuery>();
        services.AddScoped<EarlyReturnRun>();
        services.AddScoped<RecordObservation>();
        services.AddScoped<LaboratoryFeed>();
        services.AddScoped<AlertQuery>();
        services.AddScoped<ActOnAlert>();
        services.AddScoped<ReportCriteria>();
        services.AddScoped<HandleAlert>();
        services.AddScoped<CalendarFeedQuery>();
        services.AddScoped<CreateCalendarFeed>();
        services.AddScoped<RevokeCalendarFeed>();
        services.AddScoped<IcsFeed>();
        services.AddScoped<GpWorklist>();
        services.AddScoped<RemindPatients>();
        return services;
    }
}
