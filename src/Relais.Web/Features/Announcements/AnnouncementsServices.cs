namespace Relais.Web.Features.Announcements;

/// <summary>The services of the Announcements feature, registered by <c>AddRelaisServices</c>.</summary>
public static class AnnouncementsServices
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddScoped<AnnouncementRecords>();
        services.AddScoped<OpenAnnouncement>();
        services.AddScoped<RecordGpContext>();
        services.AddScoped<RecordMedicalTime>();
        services.AddScoped<RecordNursingTime>();
        services.AddScoped<RecordSupportiveCare>();
        services.AddScoped<RecordEpices>();
        services.AddScoped<RecordInformation>();
        services.AddScoped<IncompleteAnnouncements>();
        services.AddScoped<RecordFertility>();
        services.AddScoped<FertilityBeforeTreatment>();
        return services;
    }
}
