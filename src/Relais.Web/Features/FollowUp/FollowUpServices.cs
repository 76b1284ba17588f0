namespace Relais.Web.Features.FollowUp;

/// <summary>The services of the FollowUp feature, registered by <c>AddRelaisServices</c>.</summary>
public static class FollowUpServices
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddScoped<FollowUpService>();
        return services;
    }
}
