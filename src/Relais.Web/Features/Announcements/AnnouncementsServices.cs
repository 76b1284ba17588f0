namespace Relais.Web.Features.Announcements;

/// <summary>The services of the Announcements feature, registered by <c>AddRelaisServices</c>.</summary>
public static class AnnouncementsServices
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddScoped<AnnouncementService>();
        return services;
    }
}
