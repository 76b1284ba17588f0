using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Notifications;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/", Counts)
            .WithSummary("Ce qui est nouveau pour la personne connectée : messages, documents, questionnaires à remplir, suites données à ses alertes.")
            .DeclareNoPatientData("counts only, of what the access rule lets the caller see; no patient is named");
        me.MapPut("/preferences", Choose)
            .WithSummary("Accepte ou refuse l'avis par e-mail (sans contenu médical) qu'il y a du nouveau dans Relais ; refusé tant que la personne n'a pas choisi.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("the caller's own notification preference");
        app.MapPut("/api/me/language", Language).WithTags("Notifications").RequireAuthorization()
            .WithSummary("Choisit la langue de lecture (fr ou en) : gardée avec le compte, posée aussitôt dans le cookie de langue de ce navigateur.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("the caller's own language");
        return app;
    }

    private static async Task<Ok<LanguageChoice>> Language(LanguageInput input, CurrentUser user, HttpContext http, ChooseLanguage choose, CancellationToken ct) =>
        TypedResults.Ok(await choose.HandleAsync(user, input, http, ct));

    private static async Task<Ok<NotificationCounts>> Counts(CurrentUser user, MyNotifications notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.CountsAsync(user, ct));

    private static async Task<Ok<NotificationCounts>> Choose(NotificationPreferenceInput input, CurrentUser user, ChooseEmailNotice choose, MyNotifications notifications,
        CancellationToken ct)
    {
        await choose.HandleAsync(user, input, ct);
        return TypedResults.Ok(await notifications.CountsAsync(user, ct));
    }
}
