namespace Relais.Web.Features.Coordination;

/// <summary>The services of the Coordination feature, registered by <c>AddRelaisServices</c>.</summary>
public static class CoordinationServices
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddScoped<Obligations>();
        services.AddScoped<CoordinationCommands>();
        services.AddScoped<CoordinationReader>();
        services.AddScoped<Reminders>();
        return services;
    }
}
