using Microsoft.AspNetCore.Identity;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Account.PasswordReset;

/// <summary>Body of POST /api/auth/password-reset/confirm.</summary>
public sealed record ConfirmPasswordReset(string? Token, string? Password, string? Confirmation);

/// <summary>
/// The person sets a new password from the reset link. The link is good once (the new password changes
/// the account's stamp, which Identity's reset token is bound to); every session opened before ends.
/// </summary>
public sealed class ResetPassword(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, Clock clock)
{
    /// <returns>False when the link is not valid (altered, used, expired, or the account is deactivated).</returns>
    public async Task<bool> HandleAsync(ConfirmPasswordReset request, CancellationToken ct)
    {
        if (!RequestPasswordReset.TryDecode(request.Token, out var userId, out var token)) return false;
        var user = await db.Users.FindAsync([userId], ct);
        if (user is not { IsActive: true, PasswordHash: not null }) return false;
        var password = PasswordPolicy.Confirmed(request.Password, request.Confirmation);
        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<RelaisUser>.ResetPasswordTokenPurpose, token))
            return false;
        using (store.Deferred(user))
            PasswordPolicy.Check(await users.ResetPasswordAsync(user, token, password));
        user.RevokeSessions();
        db.AuditEntries.Add(AccountAudit.Entry(clock.Now, user.Id, null, AccountAudit.PasswordReset, "POST /api/auth/password-reset/confirm", user.Id));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
