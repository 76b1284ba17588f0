using Relais.Web.Features.Continuity.Crisis;
using Relais.Web.Features.Continuity.Deferrals;
using Relais.Web.Features.Continuity.Rescheduling;

namespace Relais.Web.Features.Continuity;

/// <summary>The use cases of continuity in a crisis (issue 15 point 2).</summary>
public static class ContinuityServices
{
    public static IServiceCollection AddContinuity(this IServiceCollection services)
    {
        services.AddScoped<CareChangeNotices>();
        services.AddScoped<DeferCare>();
        services.AddScoped<RescheduleCare>();
        services.AddScoped<DeferralsQuery>();
        services.AddScoped<ReschedulingWorklist>();
        services.AddScoped<CrisisModes>();
        services.AddScoped<SwitchCrisisMode>();
        return services;
    }
}
