using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain.Accounts;

namespace Relais.Web.Identity;

/// <summary>
/// The second factor required of professionals (SECURITY.md promise 6, rule in <see cref="SecondFactor"/>), behind the
/// setting <see cref="Setting"/>, on unless the configuration turns it off and never keyed on the environment (promise 9).
/// A sign-in says what it proved in its "amr" claims (RFC 8176), which the cookie and the bearer token carry: Identity
/// writes <c>mfa</c> after an authenticator code and <c>pwd</c> after a password alone; Relais writes <c>hwk</c> after a
/// passkey (<see cref="RelaisSignInManager"/>); a Pro Santé Connect sign-in carries its scheme as authentication method.
/// A professional who has no second factor yet and signs in with a password gets a session that opens only the page
/// where one is enrolled (pages redirect there, the API answers 403 with a problem saying so); the API's sign-in gives
/// such an account no token at all (<see cref="RelaisSignInManager"/>).
/// </summary>
public static class SecondFactorGate
{
    public const string Setting = "Security:RequireSecondFactorForProfessionals";
    public const string MethodClaim = "amr";
    public const string TotpMethod = "mfa";
    public const string PasskeyMethod = "hwk";
    public const string EnrolmentPage = "/compte/securite";

    /// <summary>What a session may still reach before its second factor: the enrolment page and the sign-out.</summary>
    private static readonly string[] OpenBeforeEnrolment = [EnrolmentPage, "/deconnexion", "/api/auth/logout"];

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(Setting, true);

    public static SignInStrength StrengthOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.AuthenticationMethod) == IdentitySetup.ProSanteConnectScheme ? SignInStrength.ProSanteConnect
        : principal.FindAll(MethodClaim).Any(c => c.Value is TotpMethod or PasskeyMethod) ? SignInStrength.SecondFactor
        : SignInStrength.Password;

    /// <summary>Whether this signed-in session lacks the second factor its account needs.</summary>
    public static bool Lacks(ClaimsPrincipal principal, IConfiguration configuration) =>
        Enabled(configuration) && CurrentUser.From(principal) is { } user && !SecondFactor.IsSatisfied(user.Kind, StrengthOf(principal));

    /// <summary>The claims saying how a session was signed in, kept when its principal is rebuilt (token refresh, cookie validation).</summary>
    public static void KeepMethods(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        var identity = (ClaimsIdentity)to.Identity!;
        foreach (var claim in from.FindAll(c => c.Type is MethodClaim or ClaimTypes.AuthenticationMethod))
            if (!to.HasClaim(claim.Type, claim.Value)) identity.AddClaim(new Claim(claim.Type, claim.Value));
    }

    /// <summary>The problem of the API when the account needs a second factor it has not given.</summary>
    public static ProblemDetails Problem() => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Double authentification requise",
        Detail = $"Ce compte de professionnel doit se connecter avec un second facteur (code d'une application d'authentification, ou clé d'accès) ou par Pro Santé Connect. Enregistrez-en un sur la page {EnrolmentPage}, puis connectez-vous avec.",
        Type = "https://relais.example/problems/second-factor-required",
        Extensions = { ["code"] = "second-factor-required" },
    };

    public static IApplicationBuilder UseSecondFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        if (context.User.Identity?.IsAuthenticated == true && Lacks(context.User, configuration) && NeedsSignIn(context)
            && !OpenBeforeEnrolment.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/fhir"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(Problem(), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
                return;
            }
            context.Response.Redirect($"{EnrolmentPage}?obligatoire=1");
            return;
        }
        await next(context);
    });

    /// <summary>Only what requires a signed-in user is held back: the sign-in pages and static files stay open.</summary>
    private static bool NeedsSignIn(HttpContext context) =>
        context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
}
