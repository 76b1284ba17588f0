using Relais.Web.Features.Expertise.Oncogenetics;
using Relais.Web.Features.Expertise.RareCancers;
using Relais.Web.Features.Expertise.Worklist;

namespace Relais.Web.Features.Expertise;

/// <summary>The use cases of the Expertise feature (oncogenetics, rare cancers), registered by <c>AddRelaisServices</c>.</summary>
public static class ExpertiseServices
{
    public static IServiceCollection AddExpertise(this IServiceCollection services)
    {
        services.AddScoped<OncogeneticsQuery>();
        services.AddScoped<OpenOncogeneticsReferral>();
        services.AddScoped<RecordOncogeneticsConsultation>();
        services.AddScoped<GeneticModulePlanner>();
        services.AddScoped<RecordGeneticResult>();
        services.AddScoped<RecordRelativesInformed>();
        services.AddScoped<ExpertReviewQuery>();
        services.AddScoped<OpenExpertReview>();
        services.AddScoped<RecordSecondReading>();
        services.AddScoped<RecordExpertBoard>();
        services.AddScoped<ExpertiseWorklistQuery>();
        return services;
    }
}
