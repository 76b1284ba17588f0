namespace Relais.Web.Features.Admin;

/// <summary>The use cases of the Admin feature, registered by <c>AddCoordination</c> until <c>AddRelaisServices</c> calls <see cref="AddAdmin"/> itself.</summary>
public static class AdminServices
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<DeadLettersQuery>();
        services.AddScoped<RetryDeadLetter>();
        return services;
    }
}
