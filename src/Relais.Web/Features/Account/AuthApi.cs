using Microsoft.AspNetCore.Identity;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Account;

public static class AuthApi
{
    private static readonly string[] Closed = ["/register", "/forgotPassword", "/resetPassword", "/confirmEmail", "/resendConfirmationEmail"];

    /// <summary>
    /// The Identity API endpoints under /api/auth (POST /api/auth/login returns a bearer token;
    /// /api/auth/manage/2fa sets up TOTP). Accounts are created by administrators, never by
    /// self-registration, so the self-service endpoints answer 404.
    /// </summary>
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Authentification").DeclareNoPatientData("identity");
        auth.AddEndpointFilter(async (context, next) =>
        {
            var path = context.HttpContext.Request.Path.Value ?? "";
            return Closed.Any(c => path.EndsWith(c, StringComparison.OrdinalIgnoreCase))
                ? TypedResults.Problem(statusCode: 404, title: "Service non disponible", detail: "Les comptes sont créés par un administrateur.")
                : await next(context);
        });
        auth.MapIdentityApi<RelaisUser>();
        auth.MapPost("/logout", async (SignInManager<RelaisUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization();
        MapUiSignInOut(app);
        return app;
    }

    /// <summary>Form posts of the web UI: sign-out, and the Pro Santé Connect round trip when configured.</summary>
    private static void MapUiSignInOut(IEndpointRouteBuilder app)
    {
        app.MapPost("/deconnexion", async (SignInManager<RelaisUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/connexion");
        }).DeclareNoPatientData("sign-out");

        app.MapPost("/connexion/externe", (HttpContext http, SignInManager<RelaisUser> signIn, IConfiguration configuration, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!configuration.ProSanteConnectEnabled()) return Results.NotFound();
            var back = returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") ? r : "/";
            var properties = signIn.ConfigureExternalAuthenticationProperties(IdentitySetup.ProSanteConnectScheme, $"/connexion/externe/retour?retour={Uri.EscapeDataString(back)}");
            return Results.Challenge(properties, [IdentitySetup.ProSanteConnectScheme]);
        }).DeclareNoPatientData("external sign-in");

        // A Pro Santé Connect identity opens the Relais account that carries the same RPPS number.
        app.MapGet("/connexion/externe/retour", async (string? retour, SignInManager<RelaisUser> signIn, UserManager<RelaisUser> users, IConfiguration configuration) =>
        {
            var info = await signIn.GetExternalLoginInfoAsync();
            if (info is null) return Results.LocalRedirect("/connexion");
            var back = retour is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") ? r : "/";
            var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
            if (result.Succeeded) return Results.LocalRedirect(back);
            var claimType = configuration["Authentication:ProSanteConnect:RppsClaim"] ?? "SubjectRefPro";
            var rpps = info.Principal.FindFirst(claimType)?.Value;
            var user = rpps is null ? null : users.Users.FirstOrDefault(u => u.Rpps == rpps && u.IsActive);
            if (user is null) return Results.LocalRedirect("/acces-refuse");
            await users.AddLoginAsync(user, info);
            await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
            return Results.LocalRedirect(back);
        }).DeclareNoPatientData("external sign-in callback");
    }
}
