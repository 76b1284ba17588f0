using Relais.Web.Features.SupportiveCare.Directory;
using Relais.Domain.SupportiveCare;
using Relais.Web.Features.SupportiveCare.Outreach;
using Relais.Web.Features.SupportiveCare.PostCancer;
using Relais.Web.Features.SupportiveCare.Referrals;

namespace Relais.Web.Features.SupportiveCare;

/// <summary>The services and endpoints of the SupportiveCare feature (issue 13: directory, needs and referrals, outreach).</summary>
public static class SupportiveCareServices
{
    public const string PostCancerPackageSection = "Relais:PostCancerPackage";

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
        // The package's amounts and limits are configuration; unset, they are the décret's and the arrêté's (PostCancerPackageLimits).
        services.AddOptions<PostCancerPackageLimits>().BindConfiguration(PostCancerPackageSection);
        services.AddScoped<PrescribePostCancerPackage>();
        services.AddScoped<RecordPackageAct>();
        services.AddScoped<PostCancerPackageQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupportiveCare(this IEndpointRouteBuilder app)
    {
        app.MapSupportiveCareDirectory();
        app.MapSupportiveCareReferrals();
        app.MapOutreach();
        app.MapPostCancerPackage();
        return app;
    }
}
