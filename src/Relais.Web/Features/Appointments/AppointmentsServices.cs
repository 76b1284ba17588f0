namespace Relais.Web.Features.Appointments;

/// <summary>The use cases of appointments and treatment cycles (issue 14 point 7).</summary>
public static class AppointmentsServices
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddScoped<PlanAppointment>();
        services.AddScoped<AppointmentsQuery>();
        return services;
    }
}
