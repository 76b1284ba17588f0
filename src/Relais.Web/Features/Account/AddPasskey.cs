using Microsoft.AspNetCore.Identity;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Account;

/// <summary>
/// Keeps the passkey the browser created for the signed-in account (issue 11), once Identity has checked the
/// ceremony (challenge, origin, user verification), with its audit row, in one save.
/// </summary>
public sealed class AddPasskey(RelaisDb db, SignInManager<RelaisUser> signIn, AccountStore store, Clock clock)
{
    public const string Audited = "passkey-added";

    /// <summary>False when the browser's answer does not hold: no passkey is kept.</summary>
    public async Task<bool> HandleAsync(RelaisUser user, string? credentialJson, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return false;
        var attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id.ToString()) return false;
        using (store.Deferred(user))
        {
            if (!(await signIn.UserManager.AddOrUpdatePasskeyAsync(user, attestation.Passkey)).Succeeded) return false;
        }
        var role = (await signIn.UserManager.GetRolesAsync(user)).FirstOrDefault();
        db.AuditEntries.Add(AccountAudit.Entry(clock.Now, user.Id, role, Audited, "POST /compte/cles-acces", user.Id));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
