using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Notifications;

/// <summary>The language to read Relais in: "fr" or "en".</summary>
public sealed record LanguageInput(string? Language);

public sealed record LanguageChoice(string Language);

/// <summary>
/// The person chooses to read Relais in French or in English (issue 14 point 3: "a language choice that persists for
/// the account"): kept with the person's settings, so that it follows the account to another device, and set at once
/// in the culture cookie of this browser. French stays the default and the reference.
/// </summary>
public sealed class ChooseLanguage(RelaisDb db, Clock clock)
{
    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];

    /// <summary>How long the browser keeps the choice (the account keeps it for good).</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public async Task<LanguageChoice> HandleAsync(CurrentUser? user, LanguageInput input, HttpContext http, CancellationToken ct)
    {
        var language = input.Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language))
            throw new Domain.DomainValidationException("language", $"Choisissez la langue : {string.Join(" ou ", Languages)}.");
        if (user is not null)
        {
            var setting = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
            if (setting is null) db.NotificationSettings.Add(setting = NotificationSetting.For(user.Id, clock.Now));
            setting.ChooseLanguage(language, clock.Now);
            await db.SaveChangesAsync(ct);
        }
        WriteCookie(http, language, clock.Now);
        return new LanguageChoice(language);
    }

    /// <summary>The ASP.NET Core culture cookie, which the request localization reads first after the query string.</summary>
    public static void WriteCookie(HttpContext http, string language, DateTimeOffset now)
    {
        var culture = CultureOf(language);
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = now.Add(CookieLifetime), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/" });
    }

    public static string CultureOf(string language) => language == "en" ? "en" : "fr-FR";

    /// <summary>The language of a culture name, "en" or "fr".</summary>
    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
}

/// <summary>
/// A signed-in person whose browser has no culture cookie yet (a new device, a cleared browser) reads Relais in the
/// language kept with the account: looked up once, then the cookie carries it; pages only, not the API. Runs after authentication (the request
/// localization ran before it, so this request's culture is set here too).
/// </summary>
public static class AccountLanguage
{
    public static IApplicationBuilder UseAccountLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Pages only: an API or FHIR client (a bearer token, no cookie jar) would pay one query on every call for a cookie it drops.
        if (context.User.Identity?.IsAuthenticated == true && !context.Request.Headers.ContainsKey("Authorization")
            && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/fhir")
            && !context.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)
            && !context.Request.Query.ContainsKey("culture") && CurrentUser.From(context.User) is { } user)
        {
            var db = context.RequestServices.GetRequiredService<RelaisDb>();
            var language = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == user.Id).Select(s => s.Language).FirstOrDefaultAsync(context.RequestAborted);
            if (language is not null)
            {
                var culture = new CultureInfo(ChooseLanguage.CultureOf(language));
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), null));
                ChooseLanguage.WriteCookie(context, language, context.RequestServices.GetRequiredService<Clock>().Now);
            }
        }
        await next(context);
    });
}
