namespace Relais.Web.Features.Indicators;

/// <summary>The services of the Indicators feature (issue 15 point 1).</summary>
public static class IndicatorsServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddOptions<IndicatorSettings>().BindConfiguration(IndicatorSettings.Section);
        services.AddScoped<IndicatorFacts>();
        services.AddScoped<IndicatorsQuery>();
        services.AddScoped<CrisisComparisons>();
        services.AddScoped<RefreshIndicators>();
        services.AddHostedService<IndicatorRefresher>();
        return services;
    }
}
