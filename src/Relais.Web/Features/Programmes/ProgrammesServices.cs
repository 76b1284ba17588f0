namespace Relais.Web.Features.Programmes;

/// <summary>The services of the Programmes feature, registered by <c>AddRelaisServices</c>.</summary>
public static class ProgrammesServices
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeQueries>();
        services.AddScoped<ProgrammeHtml>();
        services.AddScoped<IssueProgramme>();
        services.AddScoped<HandOver>();
        services.AddScoped<StartPhase>();
        services.AddScoped<AfterCancer.AfterCancerContent>();
        services.AddScoped<AfterCancer.RevisePpac>();
        services.AddScoped<AfterCancer.GpContribution>();
        return services;
    }
}
