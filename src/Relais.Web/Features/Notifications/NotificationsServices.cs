namespace Relais.Web.Features.Notifications;

/// <summary>The use cases of the notifications (issue 14, point 4).</summary>
public static class NotificationsServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<MyNotifications>();
        services.AddScoped<ChooseEmailNotice>();
        services.AddScoped<ChooseLanguage>();
        services.AddScoped<MarkOutcomesSeen>();
        services.AddScoped<NotifyByEmail>();
        return services;
    }
}
