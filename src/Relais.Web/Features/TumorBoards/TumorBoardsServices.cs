using Relais.Web.Features.TumorBoards.Boards;
using Relais.Web.Features.TumorBoards.Cases;
using Relais.Web.Features.TumorBoards.G8;
using Relais.Web.Features.TumorBoards.Meetings;
using Relais.Web.Features.TumorBoards.Report;
using Relais.Web.Features.TumorBoards.Worklists;

namespace Relais.Web.Features.TumorBoards;

/// <summary>The services of the TumorBoards feature, registered by <c>AddRelaisServices</c>.</summary>
public static class TumorBoardsServices
{
    public static IServiceCollection AddTumorBoards(this IServiceCollection services)
    {
        services.AddScoped<BoardList>();
        services.AddScoped<CreateBoard>();
        services.AddScoped<PlanMeeting>();
        services.AddScoped<MeetingQuery>();
        services.AddScoped<SetParticipant>();
        services.AddScoped<G8History>();
        services.AddScoped<RecordG8>();
        services.AddScoped<G8AgeItemQuery>();
        services.AddScoped<CasesQuery>();
        services.AddScoped<RegisterCase>();
        services.AddScoped<AddGpContribution>();
        services.AddScoped<DecideCase>();
        services.AddScoped<TumorBoardReport>();
        services.AddScoped<RcpWorklistsQuery>();
        return services;
    }
}
