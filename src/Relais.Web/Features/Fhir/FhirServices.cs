namespace Relais.Web.Features.Fhir;

/// <summary>The use cases of the FHIR R4 API (issue 17).</summary>
public static class FhirServices
{
    public static IServiceCollection AddFhir(this IServiceCollection services)
    {
        services.AddScoped<FhirReads>();
        services.AddScoped<FhirCoordinationReads>();
        services.AddScoped<FhirCalendarReads>();
        services.AddScoped<FhirQuestionnaireReads>();
        services.AddScoped<LabBundleImport>();
        services.AddScoped<HeldExternalResults>();
        return services;
    }
}
