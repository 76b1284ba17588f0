using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Account;

/// <summary>
/// Passkeys (WebAuthn) beside passwords (issue 11), with ASP.NET Core Identity's own support: the browser asks the
/// options, lets the person create or use a passkey (<c>wwwroot/relais.js</c>, forms marked <c>data-passkey</c>), and
/// posts the credential's JSON in the form. Identity keeps the ceremony's state in its two-factor cookie between the
/// two requests. A passkey sign-in counts as a second factor (RelaisSignInManager); adding one needs a session that
/// already holds a second factor (the enrolment pages are not open to a password-only session, SecondFactorGate).
/// </summary>
public static class Passkeys
{
    public const string CreationOptionsPath = "/compte/cles-acces/options";
    public const string RequestOptionsPath = "/connexion/cle-acces/options";

    public static IEndpointRouteBuilder MapPasskeys(this IEndpointRouteBuilder app)
    {
        app.MapPost(CreationOptionsPath, CreationOptionsAsync).RequireAuthorization().DisableAntiforgery()
            .WithSummary("Options WebAuthn pour créer une clé d'accès (passkey) sur ce compte.").ExcludeFromDescription().DeclareNoPatientData("passkey options");
        app.MapPost("/compte/cles-acces", AddAsync).RequireAuthorization()
            .WithSummary("Enregistre la clé d'accès créée par le navigateur.").ExcludeFromDescription().DeclareNoPatientData("passkey enrolment");
        app.MapPost(RequestOptionsPath, RequestOptionsAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Options WebAuthn pour se connecter avec une clé d'accès.").ExcludeFromDescription().DeclareNoPatientData("passkey sign-in options");
        app.MapPost("/connexion/cle-acces", SignInAsync).AllowAnonymous()
            .WithSummary("Connecte avec la clé d'accès présentée par le navigateur.").ExcludeFromDescription().DeclareNoPatientData("passkey sign-in");
        return app;
    }

    /// <summary>The creation options (a challenge): changes nothing but the ceremony's state cookie.</summary>
    private static async Task<ContentHttpResult> CreationOptionsAsync(HttpContext context, SignInManager<RelaisUser> signIn)
    {
        var user = (await signIn.UserManager.GetUserAsync(context.User))!;
        var json = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id.ToString(), Name = user.Email ?? user.UserName!, DisplayName = user.DisplayName });
        return TypedResults.Content(json, "application/json");
    }

    private static async Task<RedirectHttpResult> AddAsync([FromForm] string? credential, HttpContext context, UserManager<RelaisUser> users, AddPasskey add, CancellationToken ct)
    {
        var user = (await users.GetUserAsync(context.User))!;
        return TypedResults.LocalRedirect(await add.HandleAsync(user, credential, ct) ? "/compte/securite?cle=ajoutee" : "/compte/securite?cle=refusee");
    }

    /// <summary>Options for any passkey of this site (discoverable credentials): nothing tells which accounts exist.</summary>
    private static async Task<ContentHttpResult> RequestOptionsAsync(SignInManager<RelaisUser> signIn) =>
        TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    private static async Task<RedirectHttpResult> SignInAsync([FromForm] string? credential, [FromForm] string? returnUrl, SignInManager<RelaisUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(credential)) return TypedResults.LocalRedirect("/connexion?cle=refusee");
        var result = await signIn.PasskeySignInAsync(credential);
        return result.Succeeded ? TypedResults.LocalRedirect(SafeRedirect.Target(returnUrl)) : TypedResults.LocalRedirect("/connexion?cle=refusee");
    }
}
