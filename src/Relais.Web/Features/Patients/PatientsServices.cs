using Relais.Web.Features.Home;
using Relais.Web.Features.Patients.CareTeam;
using Relais.Web.Features.Patients.Episodes;
using Relais.Web.Features.Patients.Identity;
using Relais.Web.Features.Patients.Professionals;

namespace Relais.Web.Features.Patients;

/// <summary>The services of the Patients feature, registered by <c>AddRelaisServices</c>.</summary>
public static class PatientsServices
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddScoped<SearchPatients>();
        services.AddScoped<Ald.RecordAld>();
        services.AddScoped<Ald.AldQuery>();
        services.AddScoped<Ald.RemindAldExpiry>();
        services.AddScoped<Vaccination.LiveVaccineWarningQuery>();
        services.AddScoped<Vaccination.LiftLiveVaccineWarning>();
        services.AddScoped<Steps.StepsQuery>();
        services.AddScoped<Steps.ManageSteps>();
        services.AddScoped<Steps.ManageTrials>();
        services.AddScoped<Steps.RemindSteps>();
        services.AddScoped<Steps.StepsWorklist>();
        services.AddScoped<RegisterPatient>();
        services.AddScoped<UpdatePatient>();
        services.AddScoped<InsDuplicates>();
        services.AddScoped<PatientBannerQuery>();
        services.AddScoped<VerifyIdentityWithInsi>();
        services.AddScoped<CheckIdentityDocument>();
        services.AddScoped<IdentityWorklistQuery>();
        services.AddScoped<CloseIdentityAlert>();
        // No INSi gateway is configured in this installation: see UnreachableInsiTeleservice (tests put a double here).
        services.AddSingleton<IInsiTeleservice, UnreachableInsiTeleservice>();
        services.AddScoped<PatientDetailQuery>();
        services.AddScoped<AccessLogQuery>();
        services.AddScoped<OpenEpisode>();
        services.AddScoped<UpdateEpisode>();
        services.AddScoped<MoveEpisode>();
        services.AddScoped<PathwayObligations>();
        services.AddScoped<TimelineQuery>();
        services.AddScoped<CareTeamQuery>();
        services.AddScoped<AddMember>();
        services.AddScoped<EndMembership>();
        services.AddScoped<ProfessionalDirectory>();
        // The home page lists the user's patients; WebSetup does not call AddHome yet.
        return services;
    }
}
