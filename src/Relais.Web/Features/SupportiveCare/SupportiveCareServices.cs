using Relais.Web.Features.SupportiveCare.Directory;
using Relais.Web.Features.SupportiveCare.Outreach;
using Relais.Web.Features.SupportiveCare.Referrals;

namespace Relais.Web.Features.SupportiveCare;

/// <summary>The services and endpoints of the SupportiveCare feature (issue 13: directory, needs and referrals, outreach).</summary>
public static class SupportiveCareServices
{
    public static IServiceCollection AddSupportiveCare(this IServiceCollection services)
    {
        services.AddScoped<EnsureShippedGeography>();
        services.AddScoped<Geography>();
        services.AddScoped<SearchProviders>();
        services.AddScoped<SaveProvider>();
        services.AddScoped<LinkProviderMember>();
        services.AddScoped<ImportProviders>();
        services.AddScoped<RecordNeed>();
        services.AddScoped<ProposeReferral>();
        services.AddScoped<ChangeReferralStatus>();
        services.AddScoped<WriteBack>();
        services.AddScoped<SupportiveCareQuery>();
        services.AddScoped<ProviderReferralsQuery>();
        services.AddScoped<OutreachWorklist>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupportiveCare(this IEndpointRouteBuilder app)
    {
        app.MapSupportiveCareDirectory();
        app.MapSupportiveCareReferrals();
        app.MapOutreach();
        return app;
    }
}
