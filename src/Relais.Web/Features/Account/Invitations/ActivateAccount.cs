using Microsoft.AspNetCore.Identity;
using Relais.Domain;
using Relais.Domain.Accounts;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Account.Invitations;

/// <summary>
/// Body of POST /api/auth/activate: the link's token, the chosen password twice, and a code of the enrolled
/// authenticator; a patient's portal account also asks the birth date (<c>YYYY-MM-DD</c>).
/// </summary>
public sealed record ActivateAccountRequest(string? Token, string? Password, string? Confirmation, string? Code, DateOnly? BirthDate = null);

/// <summary>
/// The invited person activates their account from the e-mail link: a password and the second factor
/// together (a professional account never exists with a password alone: SECURITY.md promise 6). The
/// account's new stamp spends the link; the three events are audited with the change, in one commit.
/// </summary>
public sealed class ActivateAccount(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, AccountInvitations invitations, Clock clock,
    Portal.PortalActivation portal)
{
    /// <summary>The authenticator key to show on the activation page, when the link is valid.</summary>
    public async Task<(InvitationState State, RelaisUser? User, string? Key)> OpenAsync(string? token, CancellationToken ct)
    {
        var check = await invitations.CheckAsync(token, clock.Now, ct);
        return check.User is { } user ? (check.State, user, await users.GetAuthenticatorKeyAsync(user)) : (check.State, null, null);
    }

    public async Task<InvitationState> HandleAsync(ActivateAccountRequest request, CancellationToken ct)
    {
        var now = clock.Now;
        var check = await invitations.CheckAsync(request.Token, now, ct);
        if (check.User is not { } user) return check.State;
        // A patient confirms the birth date of their record first (issue 11); a wrong one is counted and audited, and
        // spends the invitation after a few attempts (Portal.PortalActivation): that is all this request then commits.
        var birthDateRefusal = await portal.CheckBirthDateAsync(user, request.BirthDate, ct);
        if (birthDateRefusal is null) await ActivateAsync(user, request, now, ct);
        await db.SaveChangesAsync(ct);
        if (birthDateRefusal is not null) throw new DomainValidationException("birthDate", birthDateRefusal);
        return InvitationState.Valid;
    }

    private async Task ActivateAsync(RelaisUser user, ActivateAccountRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var password = PasswordPolicy.Confirmed(request.Password, request.Confirmation);
        var code = string.Concat((request.Code ?? "").Where(char.IsAsciiDigit));
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            throw new DomainValidationException("code", "Code incorrect : vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.");
        using (store.Deferred(user))
        {
            PasswordPolicy.Check(await users.AddPasswordAsync(user, password));
            AccountStore.Check(await users.SetTwoFactorEnabledAsync(user, true), "code", "Double authentification refusée.");
        }
        // The invitation reached this address: it is confirmed.
        user.EmailConfirmed = true;
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        const string resource = "POST /api/auth/activate";
        db.AuditEntries.Add(AccountAudit.Entry(now, user.Id, role, AccountAudit.PasswordSet, resource, user.Id));
        db.AuditEntries.Add(AccountAudit.Entry(now, user.Id, role, AccountAudit.TwoFactorEnrolled, resource, user.Id));
        db.AuditEntries.Add(AccountAudit.Entry(now, user.Id, role, AccountAudit.Activated, resource, user.Id));
        await portal.DeliverWaitingAsync(user, role, now, ct);
    }
}
