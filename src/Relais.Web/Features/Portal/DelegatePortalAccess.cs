using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Account;
using Relais.Web.Features.Account.Invitations;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal;

/// <summary>
/// Body of POST /api/me/delegations: the caregiver (e-mail, names), the patient's relationship to them, and the
/// sections opened: <c>carnet</c> (appointments and carnet), <c>documents</c>, <c>messages</c>.
/// </summary>
public sealed record DelegationRequest(string? Email, string? FirstName, string? LastName, string? Relationship, IReadOnlyList<string>? Sections);

/// <summary>The delegation made, or the field that refused it (<c>email</c>: the address is another kind of account).</summary>
public sealed record DelegationOutcome(AccessGrant? Grant, Guid? CaregiverId, bool Invited, string? Conflict);

/// <summary>
/// The patient delegates portal access to a caregiver (issue 11, point 1): a scoped grant (<see cref="AccessGrant"/>,
/// read by the one access rule) of the sections the patient chose, to the caregiver's own account — opened and
/// invited by e-mail (the 72-hour single-use link) when the address has none yet. Delegating again to the same person
/// replaces the earlier delegation, so that a repeated request is harmless. Account, grant, invitation and audit rows
/// are committed together.
/// </summary>
public sealed class DelegatePortalAccess(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, AccountInvitations invitations, Clock clock)
{
    public const string Resource = "POST /api/me/delegations";

    public async Task<DelegationOutcome> HandleAsync(CurrentUser patientUser, DelegationRequest request, CancellationToken ct)
    {
        var patientId = OwnRecord.Of(patientUser);
        var (sections, reason) = PortalDelegation.Validate(AccessGrants.Parse(request.Sections), request.Relationship);
        var email = Email(request.Email);
        var now = clock.Now;
        var normalized = users.NormalizeEmail(email);
        var caregiver = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct);
        var invited = false;
        if (caregiver is not null)
        {
            if (!await users.IsInRoleAsync(caregiver, Roles.Caregiver))
                return new DelegationOutcome(null, null, false, "email");
        }
        else
        {
            caregiver = new RelaisUser
            {
                Id = Guid.CreateVersion7(now), UserName = email, Email = email,
                FirstName = Name(request.FirstName, "firstName", "Le prénom de votre aidant est obligatoire."),
                LastName = Name(request.LastName, "lastName", "Le nom de votre aidant est obligatoire."),
            };
            using (store.Deferred(caregiver))
            {
                AccountStore.Check(await users.CreateAsync(caregiver), "email", "Adresse électronique refusée.");
                AccountStore.Check(await users.AddToRoleAsync(caregiver, Roles.Caregiver), "email", "Rôle refusé.");
                AccountStore.Check(await users.ResetAuthenticatorKeyAsync(caregiver), "email", "Clé d'authentification refusée.");
            }
            db.Entry(caregiver).State = EntityState.Added;
            var patientName = await db.Users.Where(u => u.Id == patientUser.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
            invitations.Send(caregiver, RelaisUser.NameOf(patientName.FirstName, patientName.LastName), now);
            db.AuditEntries.Add(AccountAudit.Entry(now, patientUser.Id, patientUser.PrimaryRole, AccountAudit.Created, Resource, caregiver.Id));
            db.AuditEntries.Add(AccountAudit.Entry(now, patientUser.Id, patientUser.PrimaryRole, AccountAudit.Invited, Resource, caregiver.Id));
            invited = true;
        }
        var caregiverId = caregiver.Id;
        foreach (var earlier in await db.AccessGrants.Where(g => g.PatientId == patientId && g.ProfessionalId == caregiverId && g.RevokedAt == null).ToListAsync(ct))
            earlier.Revoke(patientUser.Id, now);
        var grant = AccessGrant.Grant(patientId, caregiverId, sections, clock.Today, null, reason, patientUser.Id, now);
        db.AccessGrants.Add(grant);
        db.AuditEntries.Add(PortalAudit.Entry(now, patientUser.Id, patientUser.PrimaryRole, patientId, PortalAudit.Delegated, Resource,
            $"caregiver {caregiverId}; {string.Join(",", AccessGrants.Codes(sections))}"));
        await db.SaveChangesAsync(ct);
        return new DelegationOutcome(grant, caregiverId, invited, null);
    }

    private static string Email(string? text)
    {
        var email = text?.Trim() ?? "";
        if (email.Length == 0) throw new DomainValidationException("email", "L'adresse électronique de votre aidant est obligatoire.");
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)
            || !Domain.Accounts.PortalAccounts.HasMailbox(email))
            throw new DomainValidationException("email", "Adresse électronique invalide.");
        return email;
    }

    private static string Name(string? text, string field, string message)
    {
        var name = text?.Trim() ?? "";
        if (name.Length == 0) throw new DomainValidationException(field, message);
        if (name.Length > 100) throw new DomainValidationException(field, "100 caractères au plus.");
        return name;
    }
}

/// <summary>The patient revokes a delegation to a caregiver, at any time; effective on the caregiver's next request, audited.</summary>
public sealed class RevokeDelegation(RelaisDb db, Clock clock)
{
    /// <returns>False when the patient has no such delegation (a grant of the team to a professional is not the patient's to revoke here).</returns>
    public async Task<bool> HandleAsync(CurrentUser patientUser, Guid grantId, CancellationToken ct)
    {
        var patientId = OwnRecord.Of(patientUser);
        var grant = await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.PatientId == patientId
            && db.UserRoles.Any(ur => ur.UserId == g.ProfessionalId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Caregiver)), ct);
        if (grant is null) return false;
        grant.Revoke(patientUser.Id, clock.Now);
        db.AuditEntries.Add(PortalAudit.Entry(clock.Now, patientUser.Id, patientUser.PrimaryRole, patientId, PortalAudit.DelegationRevoked,
            "POST /api/me/delegations/{grantId}/revoke", $"caregiver {grant.ProfessionalId}; grant {grant.Id}"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
