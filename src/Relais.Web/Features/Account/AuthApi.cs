using System.Security.Claims;
using Relais.Web.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
        auth.MapIdentityApi<RelaisUser>().WithSummary("Identité ASP.NET Core : connexion, jetons, double authentification.")
            .Add(DocumentIdentityAnswers);
        auth.AddEndpointFilter(RotateRefreshTokenAsync);
        auth.AddEndpointFilter(SecondFactorAnswersAsync);
        AccountApi.MapAccountSelfService(auth);
        auth.MapPost("/logout", SignOutAsync).WithSummary("Ferme la session de l'utilisateur.").RequireAuthorization();
        MapUiSignInOut(app);
        return app;
    }

    /// <summary>
    /// The framework's Identity endpoints declare only their success: state their refusals too, so that
    /// the API document lists every answer (a refused body is a 400, a failed sign-in or refresh a 401,
    /// a closed self-service endpoint the 404 above).
    /// </summary>
    private static void DocumentIdentityAnswers(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route) return;
        var path = route.RoutePattern.RawText ?? "";
        if (Closed.Any(c => path.EndsWith(c, StringComparison.OrdinalIgnoreCase))) endpoint.Metadata.Add(Problems.Declared(StatusCodes.Status404NotFound));
        if (path.EndsWith("/login", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/refresh", StringComparison.OrdinalIgnoreCase))
            endpoint.Metadata.Add(Problems.Declared(StatusCodes.Status401Unauthorized));
        if (path.EndsWith("/login", StringComparison.OrdinalIgnoreCase)) endpoint.Metadata.Add(Problems.Declared(StatusCodes.Status403Forbidden));
        endpoint.Metadata.Add(Problems.Declared(StatusCodes.Status400BadRequest));
    }

    /// <summary>
    /// Form posts and redirects of the web UI: sign-out, and the Pro Santé Connect round trip when
    /// configured. They answer browsers with redirects, not the API with JSON, so the API document leaves them out.
    /// </summary>
    private static void MapUiSignInOut(IEndpointRouteBuilder app)
    {
        app.MapPost("/deconnexion", SignOutToLoginAsync).WithSummary("Déconnecte l'utilisateur et revient à la page de connexion.")
            .ExcludeFromDescription().DeclareNoPatientData("sign-out");
        app.MapPost("/connexion/externe", ExternalSignIn).WithSummary("Part vers Pro Santé Connect pour se connecter.")
            .ExcludeFromDescription().DeclareNoPatientData("external sign-in");
        app.MapGet("/connexion/externe/retour", ExternalSignInReturnAsync).WithSummary("Revient de Pro Santé Connect et ouvre le compte Relais du même RPPS.")
            .ExcludeFromDescription().DeclareNoPatientData("external sign-in callback");
    }

    /// <summary>
    /// The framework's /refresh accepts a refresh token as long as it is unexpired and its account's session
    /// current; Relais makes it single-use (<see cref="RefreshTokenFamilies"/>): once the framework has agreed,
    /// the presented token must be its family's current one, and the new tokens stay in that family.
    /// </summary>
    private static async ValueTask<object?> RotateRefreshTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.Value!.EndsWith("/refresh", StringComparison.OrdinalIgnoreCase)
            || context.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.RefreshRequest>().FirstOrDefault() is not { } request)
            return await next(context);
        var result = await next(context);
        var signIn = result as SignInHttpResult ?? (result as INestedHttpResult)?.Result as SignInHttpResult;
        if (signIn is null) return result;

        var bearer = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(IdentityConstants.BearerScheme);
        var presented = bearer.RefreshTokenProtector.Unprotect(request.RefreshToken)?.Principal;
        var family = presented?.FindFirstValue(RefreshTokenFamilies.FamilyClaim);
        var token = presented?.FindFirstValue(RefreshTokenFamilies.TokenClaim);
        var successor = signIn.Principal.FindFirstValue(RefreshTokenFamilies.TokenClaim);
        if (family is null || token is null || successor is null || !Guid.TryParse(signIn.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return TypedResults.Unauthorized();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var families = http.RequestServices.GetRequiredService<RefreshTokenFamilies>();
        if (!await families.RotateAsync(userId, family, token, successor, time.GetUtcNow() - bearer.RefreshTokenExpiration, http.RequestAborted))
            return TypedResults.Unauthorized();
        RefreshTokenFamilies.KeepFamily(signIn.Principal, family);
        // The framework rebuilds the principal from the account: what the sign-in proved (its second factor) stays.
        SecondFactorGate.KeepMethods(presented!, signIn.Principal);
        return signIn;
    }

    /// <summary>
    /// The second factor of professionals (SecondFactorGate): a sign-in whose password was right but whose account has no
    /// second factor yet answers 403 with a problem saying what to do, not the bare 401 of a wrong password; and such an
    /// account does not turn its second factor off (the next sign-in would enrol whatever factor a password holder chose).
    /// </summary>
    private static async ValueTask<object?> SecondFactorAnswersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (context.Arguments.OfType<Microsoft.AspNetCore.Identity.Data.TwoFactorRequest>().FirstOrDefault() is { } change
            && (change.Enable == false || change.ResetSharedKey)
            && SecondFactorGate.Enabled(http.RequestServices.GetRequiredService<IConfiguration>())
            && CurrentUser.From(http.User) is { } user && Relais.Domain.Accounts.SecondFactor.IsRequired(user.Kind))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["enable"] = ["Un compte de professionnel garde sa double authentification : elle est obligatoire (PGSSI-S)."],
            });
        var result = await next(context);
        return http.Items.ContainsKey(RelaisSignInManager.SecondFactorNeededItem) ? TypedResults.Problem(SecondFactorGate.Problem()) : result;
    }

    /// <summary>Signing out revokes: the bearer and refresh tokens and cookies issued so far stop working (security review H3).</summary>
    private static async Task<NoContent> SignOutAsync(SignInManager<RelaisUser> signIn, HttpContext context)
    {
        await SessionRevocation.RevokeAsync(signIn, context.User);
        return TypedResults.NoContent();
    }

    private static async Task<RedirectHttpResult> SignOutToLoginAsync(SignInManager<RelaisUser> signIn, HttpContext context)
    {
        await SessionRevocation.RevokeAsync(signIn, context.User);
        return TypedResults.LocalRedirect("/connexion");
    }

    private static Results<ChallengeHttpResult, NotFound> ExternalSignIn(SignInManager<RelaisUser> signIn, IConfiguration configuration, [FromForm] string? returnUrl)
    {
        if (!configuration.ProSanteConnectEnabled()) return TypedResults.NotFound();
        var back = SafeRedirect.Target(returnUrl);
        var properties = signIn.ConfigureExternalAuthenticationProperties(IdentitySetup.ProSanteConnectScheme, $"/connexion/externe/retour?retour={Uri.EscapeDataString(back)}");
        return TypedResults.Challenge(properties, [IdentitySetup.ProSanteConnectScheme]);
    }

    /// <summary>A Pro Santé Connect identity opens the Relais account that carries the same RPPS number.</summary>
    private static async Task<RedirectHttpResult> ExternalSignInReturnAsync(string? retour, SignInManager<RelaisUser> signIn, UserManager<RelaisUser> users, IConfiguration configuration, CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return TypedResults.LocalRedirect("/connexion");
        var back = SafeRedirect.Target(retour);
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded) return TypedResults.LocalRedirect(back);
        var claimType = configuration["Authentication:ProSanteConnect:RppsClaim"] ?? "SubjectRefPro";
        var rpps = info.Principal.FindFirst(claimType)?.Value;
        var user = rpps is null ? null : await users.Users.FirstOrDefaultAsync(u => u.Rpps == rpps && u.IsActive, ct);
        if (user is null) return TypedResults.LocalRedirect("/acces-refuse");
        await users.AddLoginAsync(user, info);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return TypedResults.LocalRedirect(back);
    }
}
