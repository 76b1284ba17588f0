using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Identity;

/// <summary>
/// Revocation is immediate (SECURITY.md promise 2, security review H3): every authenticated request,
/// by cookie or bearer token, is checked against the account — still active, and the session of its
/// current generation (<see cref="RelaisUser.SessionGeneration"/>). Deactivating the account or signing
/// out moves the generation on, so every earlier cookie and access token is refused from the next request
/// on, not when it would have expired; the token refresh makes the same check
/// (<see cref="RelaisSignInManager.ValidateSecurityStampAsync(ClaimsPrincipal)"/>), so no refresh token
/// issued before gives a new access token.
/// </summary>
public static class SessionRevocation
{
    public const string GenerationClaim = "relais:session";

    public static bool IsCurrent(ClaimsPrincipal principal, int generation) =>
        int.TryParse(principal.FindFirstValue(GenerationClaim) ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var claimed) && claimed == generation;

    public static IApplicationBuilder UseSessionRevocation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var db = context.RequestServices.GetRequiredService<RelaisDb>();
            // A token of a refresh family revoked by a reuse is refused too (RefreshTokenFamilies).
            var family = context.User.FindFirstValue(RefreshTokenFamilies.FamilyClaim) ?? "";
            var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new
                {
                    u.IsActive,
                    u.SessionGeneration,
                    FamilyRevoked = db.UserTokens.Any(t => t.UserId == id && t.LoginProvider == RefreshTokenFamilies.Provider && t.Name == family
                        && t.Value!.StartsWith(RefreshTokenFamilies.RevokedMark)),
                })
                .FirstOrDefaultAsync(context.RequestAborted);
            if (account is not { IsActive: true, FamilyRevoked: false } || !IsCurrent(context.User, account.SessionGeneration))
            {
                // Treated as anonymous from here on: pages redirect to sign-in, the API answers 401.
                if (context.Request.Cookies.ContainsKey(IdentitySetup.CookieName))
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next(context);
    });

    /// <summary>Signs out and revokes: this session and every other of the account end, tokens included.</summary>
    public static async Task RevokeAsync(SignInManager<RelaisUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            user.RevokeSessions();
            await signIn.UserManager.UpdateAsync(user);
            await RefreshTokenFamilies.ForgetAllAsync(signIn.Context.RequestServices.GetRequiredService<RelaisDb>(), user.Id, signIn.Context.RequestAborted);
        }
        await signIn.SignOutAsync();
    }
}
