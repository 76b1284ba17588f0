using Microsoft.AspNetCore.Identity;
using Relais.Domain;
using Relais.Domain.Accounts;
using Relais.Web.Data;
using Relais.Web.Features.Account;
using Relais.Web.Features.Account.Invitations;
using Relais.Web.Identity;

namespace Relais.Web.Features.Admin.Users;

/// <summary>
/// An administrator deactivates an account: from the next request on, every session of it is refused
/// (cookies, bearer and refresh tokens: <see cref="SessionRevocation"/>), and no sign-in succeeds. The
/// account and what it wrote stay; reactivating lets the person sign in again, with new sessions only.
/// </summary>
public sealed class DeactivateUser(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, Clock clock)
{
    /// <returns>The new status, or null when there is no such account.</returns>
    public async Task<AccountStatus?> HandleAsync(CurrentUser admin, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return null;
        if (user.Id == admin.Id)
            throw new DomainValidationException("id", "Un administrateur ne désactive pas son propre compte : demandez-le à un autre administrateur.");
        if (user.IsActive)
        {
            user.IsActive = false;
            user.RevokeSessions();
            using (store.Deferred(user))
                // A new stamp also voids a pending invitation link and password-reset link.
                await users.UpdateSecurityStampAsync(user);
            db.AuditEntries.Add(AccountAudit.Entry(clock.Now, admin.Id, admin.PrimaryRole, AccountAudit.Deactivated, $"POST /api/admin/users/{userId}/deactivate", userId));
            await db.SaveChangesAsync(ct);
        }
        return AccountRules.StatusOf(user.IsActive, user.PasswordHash is not null);
    }
}

/// <summary>
/// An administrator reactivates an account. One that was never activated gets a fresh invitation, since
/// deactivation voided the earlier link.
/// </summary>
public sealed class ReactivateUser(RelaisDb db, CreateUser names, AccountInvitations invitations, Clock clock)
{
    public async Task<AccountStatus?> HandleAsync(CurrentUser admin, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return null;
        if (!user.IsActive)
        {
            var now = clock.Now;
            user.IsActive = true;
            var resource = $"POST /api/admin/users/{userId}/reactivate";
            db.AuditEntries.Add(AccountAudit.Entry(now, admin.Id, admin.PrimaryRole, AccountAudit.Reactivated, resource, userId));
            if (user.PasswordHash is null)
            {
                invitations.Send(user, await names.ActorNameAsync(admin, ct), now);
                db.AuditEntries.Add(AccountAudit.Entry(now, admin.Id, admin.PrimaryRole, AccountAudit.Invited, resource, userId));
            }
            await db.SaveChangesAsync(ct);
        }
        return AccountRules.StatusOf(user.IsActive, user.PasswordHash is not null);
    }
}

/// <summary>
/// An administrator sends a new invitation to an account not yet activated (the first one expired or
/// was lost): the new link replaces every earlier one.
/// </summary>
public sealed class ResendInvitation(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, CreateUser names, AccountInvitations invitations, Clock clock)
{
    public async Task<AccountStatus?> HandleAsync(CurrentUser admin, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return null;
        var status = AccountRules.StatusOf(user.IsActive, user.PasswordHash is not null);
        if (status != AccountStatus.Invited)
            throw new DomainValidationException("id", status == AccountStatus.Active
                ? "Ce compte est déjà activé : la personne peut réinitialiser son mot de passe depuis la page de connexion."
                : "Ce compte est désactivé : réactivez-le d'abord.");
        using (store.Deferred(user))
            await users.UpdateSecurityStampAsync(user);
        var now = clock.Now;
        invitations.Send(user, await names.ActorNameAsync(admin, ct), now);
        db.AuditEntries.Add(AccountAudit.Entry(now, admin.Id, admin.PrimaryRole, AccountAudit.Invited, $"POST /api/admin/users/{userId}/invite", userId));
        await db.SaveChangesAsync(ct);
        return status;
    }
}
