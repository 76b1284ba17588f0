using Relais.Web.Features.Coordination.Documents;
using Relais.Web.Features.Coordination.Events;
using Relais.Web.Features.Coordination.Inbox;
using Relais.Web.Features.Coordination.Messages;
using Relais.Web.Features.Coordination.Referrals;
using Relais.Web.Features.Coordination.Transmissions;
using Relais.Web.Features.Coordination.TeamQueue;

namespace Relais.Web.Features.Coordination;

/// <summary>The services of the Coordination feature, registered by <c>AddRelaisServices</c>.</summary>
public static class CoordinationServices
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddScoped<Obligations>();
        services.AddScoped<Reminders>();
        services.AddScoped<DocumentsQuery>();
        services.AddScoped<UploadDocument>();
        services.AddScoped<SignDocument>();
        services.AddScoped<TransmissionsQuery>();
        services.AddScoped<SendTransmission>();
        services.AddScoped<AcknowledgeTransmission>();
        services.AddScoped<MarkTransmissionRead>();
        services.AddScoped<PendingTransmissionsQuery>();
        services.AddScoped<InboxQuery>();
        services.AddScoped<EventsQuery>();
        services.AddScoped<ReportEvent>();
        services.AddScoped<DeclarePharmacovigilance>();
        services.AddScoped<OpenReferralsQuery>();
        services.AddScoped<CloseReferral>();
        services.AddScoped<ThreadQuery>();
        services.AddScoped<UnreadMessages>();
        services.AddScoped<MarkThreadRead>();
        services.AddScoped<PostMessage>();
        services.AddScoped<TeamQueueQuery>();
        services.AddScoped<HandOnSignal>();
        services.AddScoped<EscalateLateSignals>();
        services.AddScoped<SignalOwnerQuery>();
        services.AddScoped<ChooseSignalOwner>();
        return services;
    }
}
