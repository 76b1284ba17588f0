namespace Relais.Web.Features.Access;

/// <summary>The services of the Access feature, registered by <c>AddRelaisServices</c>.</summary>
public static class AccessServices
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<PatientAccess>();
        services.AddScoped<ListAudit>();
        services.AddScoped<CapabilityCheck>();
        services.AddScoped<GrantAccess>();
        services.AddScoped<OpenBreakGlass>();
        services.AddScoped<ObjectionsQuery>();
        services.AddScoped<RecordObjection>();
        services.AddScoped<WithdrawObjection>();
        services.AddScoped<ReviewBreakGlass>();
        services.AddScoped<BreakGlassReviewQuery>();
        return services;
    }
}
