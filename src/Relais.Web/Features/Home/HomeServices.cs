namespace Relais.Web.Features.Home;

/// <summary>The services of the home page (called by <c>AddPatients</c> until <c>AddRelaisServices</c> calls it).</summary>
public static class HomeServices
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<EpisodesByPhase>();
        services.AddScoped<MyHomeActions>();
        return services;
    }
}
