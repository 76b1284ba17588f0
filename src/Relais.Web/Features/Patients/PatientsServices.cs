namespace Relais.Web.Features.Patients;

/// <summary>The services of the Patients feature, registered by <c>AddRelaisServices</c>.</summary>
public static class PatientsServices
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddScoped<PatientReader>();
        services.AddScoped<PatientCommands>();
        return services;
    }
}
