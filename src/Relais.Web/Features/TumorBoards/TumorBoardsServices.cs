namespace Relais.Web.Features.TumorBoards;

/// <summary>The services of the TumorBoards feature, registered by <c>AddRelaisServices</c>.</summary>
public static class TumorBoardsServices
{
    public static IServiceCollection AddTumorBoards(this IServiceCollection services)
    {
        services.AddScoped<TumorBoardService>();
        services.AddScoped<Worklists.RcpWorklistService>();
        return services;
    }
}
