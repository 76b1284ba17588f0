using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Web.Data;

namespace Relais.Web.Identity;

public static class IdentitySetup
{
    public const string ProSanteConnectScheme = "ProSanteConnect";
    public const string LoginPath = "/connexion";
    public const string CookieName = "relais.auth";

    public static WebApplicationBuilder AddRelaisIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityApiEndpoints<RelaisUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // Version 3 adds the passkeys (WebAuthn) table to Identity's schema.
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<RelaisRole>()
            .AddEntityFrameworkStores<RelaisDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RelaisClaimsFactory>()
            .AddUserValidator<MailboxUserValidator>()
            .AddSignInManager<RelaisSignInManager>();

        services.AddScoped<RefreshTokenFamilies>();
        // Passkeys beside passwords (issue 11). The person is verified by the authenticator (PIN, fingerprint), so a
        // passkey is two factors by itself and counts as the second factor of professionals (SecondFactorGate).
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<IPasskeyHandler<RelaisUser>, PasskeyHandler<RelaisUser>>(services);
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";
            o.ValidateOrigin = PasskeyOrigin.IsThisSite;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.ReturnUrlParameter = "retour";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // An API call gets a status code, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // The cookie's periodic check rebuilds its principal from the account: what the sign-in proved stays (SecondFactorGate).
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is { } current && context.NewPrincipal is { } fresh) SecondFactorGate.KeepMethods(current, fresh);
            return Task.CompletedTask;
        });
        // Token lifetimes are settings (README "Security settings"); revocation does not wait for them (SessionRevocation).
        var security = builder.Configuration.GetSection("Security");
        // The work of a password hash (PBKDF2 iterations): Identity's default unless this setting is given. The test
        // suites give a low one, explicitly (they hash and check the demo password thousands of times); a hash
        // records its own count, so a hash made with another count is still checked, and rehashed when lower.
        if (security.GetValue<int?>(PasswordHashIterationsSetting) is { } iterations)
        {
            if (iterations < 1) throw new InvalidOperationException($"Security:{PasswordHashIterationsSetting} must be at least 1 (it is {iterations}).");
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        }
        services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(security.GetValue("AccessTokenMinutes", 60));
            o.RefreshTokenExpiration = TimeSpan.FromDays(security.GetValue("RefreshTokenDays", 14));
        });

        var psc = builder.Configuration.GetSection("Authentication:ProSanteConnect");
        if (!string.IsNullOrWhiteSpace(psc["Authority"]))
        {
            services.AddAuthentication().AddOpenIdConnect(ProSanteConnectScheme, "Pro Santé Connect", o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = psc["Authority"];
                o.ClientId = psc["ClientId"];
                o.ClientSecret = psc["ClientSecret"];
                o.ResponseType = "code";
                o.CallbackPath = psc["CallbackPath"] ?? "/signin-psc";
                o.Scope.Clear();
                foreach (var scope in (psc["Scopes"] ?? "openid scope_all").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    o.Scope.Add(scope);
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = false;
            });
        }
        // Requests authenticate by bearer token or cookie; a challenge goes to the cookie handler,
        // which redirects pages to the sign-in form and answers 401/403 to the API.
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        services.AddAuthorization();
        return builder;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/fhir"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Setting (under Security) for the PBKDF2 iteration count of new password hashes; Identity's default when absent.</summary>
    public const string PasswordHashIterationsSetting = "PasswordHashIterations";

    public static bool ProSanteConnectEnabled(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:ProSanteConnect:Authority"]);
}

/// <summary>
/// Refuses the published demo password outside Development, so that demo accounts copied into a
/// real database can never be used; answers every failed sign-in alike (unknown address, wrong password,
/// locked-out or deactivated account: <c>Failed</c>, the same message, the same hashing work).
/// </summary>
public sealed class RelaisSignInManager(
    UserManager<RelaisUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<RelaisUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<RelaisUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<RelaisUser> confirmation,
    IConfiguration configuration)
    : SignInManager<RelaisUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public const string DemoPassword = "Relais-Demo-2026!";

    /// <summary>The demo accounts' published password signs in only where this setting is true (appsettings.Development.json).</summary>
    public const string AcceptDemoPasswordSetting = "Security:AcceptDemoPassword";

    /// <summary>A hash of nothing anyone knows, checked when there is no account, so that the answer takes the same work.</summary>
    private static string? unknownAccountHash;

    /// <summary>
    /// An unknown address (or none: a null field once answered 500) answers as a wrong password does,
    /// after the same hashing work (security review M6).
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (!string.IsNullOrEmpty(userName) && await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password ?? "", isPersistent, lockoutOnFailure);
        var nobody = new RelaisUser();
        unknownAccountHash ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(nobody, unknownAccountHash, password ?? "");
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(RelaisUser user, string password, bool lockoutOnFailure)
    {
        // A setting, not the environment's name (SECURITY.md promise 9): off unless the configuration turns it on.
        if (!configuration.GetValue<bool>(AcceptDemoPasswordSetting) && password == DemoPassword) return SignInResult.Failed;
        if (!user.IsActive || await UserManager.IsLockedOutAsync(user))
        {
            // A deactivated or locked-out account answers as a wrong password does, after the same hashing
            // work: the answer must not tell that the address has an account (security review M6).
            await UserManager.CheckPasswordAsync(user, password);
            return SignInResult.Failed;
        }
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        // The failure that locks the account is answered as the ones before it.
        return result.IsLockedOut ? SignInResult.Failed : result;
    }

    /// <summary>Set on the request when a password was right but the account must sign in with a second factor it has not given.</summary>
    public const string SecondFactorNeededItem = "relais:second-factor-needed";

    private bool passkeyUnderway;

    /// <summary>A passkey sign-in is marked as such (Identity marks it as a password's), so that it counts as a second factor.</summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        passkeyUnderway = true;
        try
        {
            return await base.PasskeySignInAsync(credentialJson);
        }
        finally
        {
            passkeyUnderway = false;
        }
    }

    /// <summary>
    /// Where a password was right: a professional with no second factor enrolled (SecondFactor, behind its setting)
    /// gets no bearer token; in the browser, a session the gate limits to enrolling one — unless the account has a
    /// passkey, which is how it signs in (a password alone must not open a session that could enrol another factor).
    /// </summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(RelaisUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        if (passkeyUnderway)
        {
            await SignInWithClaimsAsync(user, isPersistent, [new Claim(SecondFactorGate.MethodClaim, SecondFactorGate.PasskeyMethod)]);
            return SignInResult.Success;
        }
        if (loginProvider is null && !bypassTwoFactor && SecondFactorGate.Enabled(configuration) && !await IsTwoFactorEnabledAsync(user)
            && SecondFactor.IsRequired(new CurrentUser(user.Id, [.. await UserManager.GetRolesAsync(user)], user.PatientId).Kind)
            && (AuthenticationScheme == IdentityConstants.BearerScheme || (await UserManager.GetPasskeysAsync(user)).Count > 0))
        {
            Context.Items[SecondFactorNeededItem] = true;
            return SignInResult.NotAllowed;
        }
        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }

    /// <summary>No sign-in of any kind (second factor, Pro Santé Connect) for a deactivated account.</summary>
    public override async Task<bool> CanSignInAsync(RelaisUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <summary>
    /// Checked by the token refresh and the cookie's periodic validation: a deactivated account, or a
    /// session older than the account's last sign-out or deactivation, gets no new token.
    /// </summary>
    public override async Task<bool> ValidateSecurityStampAsync(RelaisUser? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    public override async Task<RelaisUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { } user && principal is not null && SessionRevocation.IsCurrent(principal, user.SessionGeneration)
            ? user
            : null;
}

/// <summary>
/// The origin a passkey ceremony must come from. Identity's default compares it with the request's Origin header, but
/// the form is posted under <c>Referrer-Policy: no-referrer</c> (SECURITY.md §7), so browsers send <c>Origin: null</c>
/// and every passkey would be refused. The origin inside the client data is signed by the authenticator; it must be
/// this site as the request addressed it (scheme and host, after the forwarded headers), never a frame of another site.
/// </summary>
internal static class PasskeyOrigin
{
    public static ValueTask<bool> IsThisSite(PasskeyOriginValidationContext context)
    {
        var request = context.HttpContext.Request;
        var expected = $"{request.Scheme}://{request.Host.Value}";
        return ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, expected, StringComparison.OrdinalIgnoreCase));
    }
}
