using Microsoft.AspNetCore.Identity;
using Relais.Domain.Accounts;
using Relais.Web.Data;
using Relais.Web.Features.Account.Invitations;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal;

/// <summary>Body of POST /api/auth/activate/letter: the sign-in identifier and the code printed on the letter.</summary>
public sealed record LetterRequest(string? Identifier, string? Code);

/// <summary>
/// A patient without e-mail types the identifier and the code of their activation letter: a valid code gives the
/// same single-use activation link an e-mail would carry (<see cref="AccountInvitations"/>), where they confirm their
/// birth date, choose a password and enrol the second factor. A wrong code counts as a failed attempt; after
/// <see cref="PortalAccounts.MaxActivationAttempts"/> the letter is spent and the team prints a new one. An unknown
/// identifier answers as a wrong code does.
/// </summary>
public sealed class RedeemLetter(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, AccountInvitations invitations, Clock clock)
{
    public async Task<(InvitationState State, string? Token)> HandleAsync(LetterRequest request, CancellationToken ct)
    {
        var now = clock.Now;
        var identifier = request.Identifier?.Trim() ?? "";
        var user = identifier.Length is 0 or > 254 ? null : await users.FindByNameAsync(identifier);
        if (user is not { PatientId: not null, IsActive: true }) return (InvitationState.Invalid, null);
        var stored = await users.GetAuthenticationTokenAsync(user, OpenPortalAccount.TokenProvider, OpenPortalAccount.LetterToken);
        if (!OpenPortalAccount.TryReadLetter(stored, out var hash, out var issuedAt)) return (user.PasswordHash is null ? InvitationState.Invalid : InvitationState.Spent, null);
        var state = PortalAccounts.CheckLetter(request.Code, hash, issuedAt, user.PasswordHash is not null, now);
        string? token = null;
        if (state == InvitationState.Valid)
        {
            // The code proved the letter is in hand: the birth date gets its own attempts.
            token = invitations.Token(user, now);
            if (user.AccessFailedCount == 0) return (state, token);
            user.AccessFailedCount = 0;
        }
        else if (state == InvitationState.Invalid)
        {
            using (store.Deferred(user))
            {
                if (++user.AccessFailedCount >= PortalAccounts.MaxActivationAttempts)
                {
                    user.AccessFailedCount = 0;
                    AccountStore.Check(await users.RemoveAuthenticationTokenAsync(user, OpenPortalAccount.TokenProvider, OpenPortalAccount.LetterToken), "code", "Courrier refusé.");
                    AccountStore.Check(await users.UpdateSecurityStampAsync(user), "code", "Courrier refusé.");
                }
            }
            db.AuditEntries.Add(PortalAudit.Entry(now, null, null, user.PatientId.Value, PortalAudit.ActivationRefused, "POST /api/auth/activate/letter", $"account {user.Id}; code"));
        }
        else
        {
            return (state, null);
        }
        await db.SaveChangesAsync(ct);
        return (state, token);
    }
}
