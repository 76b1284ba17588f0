using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Accounts;
using Relais.Domain.Messaging;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Features.Account;
using Relais.Web.Features.Account.Invitations;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Admin.Users;

/// <summary>Body of POST /api/admin/users. <c>rpps</c> carries the profession's identifier: RPPS, ADELI, or none.</summary>
public sealed record CreateUserRequest(string? Email, string? FirstName, string? LastName, string? Role, string? Specialty, string? Rpps, Guid? OrganisationId);

/// <summary>The account created, or the field that is already taken by another account.</summary>
public sealed record CreateUserOutcome(Guid? Id, AccountStatus Status, string? ConflictField);

/// <summary>
/// An administrator opens an account for a professional (issue 11, point 1): the identifier is the one
/// the profession's directory issues (<see cref="ProfessionalIdentifier"/>), the account has no password,
/// and the person is invited by e-mail to set one and enrol a second factor. Account, role, authenticator
/// key, invitation e-mail and audit rows are committed together.
/// </summary>
public sealed class CreateUser(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, AccountInvitations invitations, Clock clock)
{
    /// <summary>The roles an administrator gives; patients' and caregivers' accounts are opened from the patient's record.</summary>
    public static readonly string[] Assignable = [.. Roles.Professionals, Roles.QualityCoordinator, Roles.Administrator];

    public async Task<CreateUserOutcome> HandleAsync(CurrentUser admin, CreateUserRequest request, CancellationToken ct)
    {
        var email = EmailAddress.Required(request.Email, "email");
        var firstName = Name(request.FirstName, "firstName", "Le prénom est obligatoire.");
        var lastName = Name(request.LastName, "lastName", "Le nom est obligatoire.");
        var role = RoleOf(request.Role);
        var specialty = SpecialtyOf(request.Specialty);
        var identifier = ProfessionalIdentifier.Normalise(specialty, request.Rpps, "rpps");
        if (request.OrganisationId is { } orgId && !await db.Organisations.AnyAsync(o => o.Id == orgId, ct))
            throw new DomainValidationException("organisationId", "Organisation inconnue.");

        var normalized = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
            return new CreateUserOutcome(null, AccountStatus.Invited, "email");
        if (identifier is not null && await db.Users.AnyAsync(u => u.Rpps == identifier, ct))
            return new CreateUserOutcome(null, AccountStatus.Invited, "rpps");

        var now = clock.Now;
        var user = new RelaisUser
        {
            Id = Guid.CreateVersion7(now), UserName = email, Email = email, FirstName = firstName, LastName = lastName,
            Rpps = identifier, Specialty = specialty, OrganisationId = request.OrganisationId,
        };
        using (store.Deferred(user))
        {
            AccountStore.Check(await users.CreateAsync(user), "email", "Adresse électronique refusée.");
            AccountStore.Check(await users.AddToRoleAsync(user, role), "role", "Rôle refusé.");
            // The key to enrol is chosen now, so that opening the activation page changes nothing.
            AccountStore.Check(await users.ResetAuthenticatorKeyAsync(user), "email", "Clé d'authentification refusée.");
        }
        // Identity's later steps "update" the account, which marks the tracked new row as modified: it is still to be inserted.
        db.Entry(user).State = EntityState.Added;
        var actor = await ActorNameAsync(admin, ct);
        invitations.Send(user, actor, now);
        db.AuditEntries.Add(AccountAudit.Entry(now, admin.Id, admin.PrimaryRole, AccountAudit.Created, "POST /api/admin/users", user.Id));
        db.AuditEntries.Add(AccountAudit.Entry(now, admin.Id, admin.PrimaryRole, AccountAudit.Invited, "POST /api/admin/users", user.Id));
        await db.SaveChangesAsync(ct);
        return new CreateUserOutcome(user.Id, AccountStatus.Invited, null);
    }

    internal async Task<string> ActorNameAsync(CurrentUser admin, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == admin.Id).Select(u => new { u.FirstName, u.LastName }).FirstOrDefaultAsync(ct) is { } a
            ? RelaisUser.NameOf(a.FirstName, a.LastName)
            : "L'administrateur de Relais";

    private static string Name(string? text, string field, string message)
    {
        var name = text?.Trim() ?? "";
        if (name.Length == 0) throw new DomainValidationException(field, message);
        if (name.Length > 100) throw new DomainValidationException(field, "100 caractères au plus.");
        return name;
    }

    /// <summary>A role as the API spells it (<c>GeneralPractitioner</c> or <c>general-practitioner</c>).</summary>
    public static string RoleOf(string? text)
    {
        var compact = (text ?? "").Replace("-", "").Replace("_", "").Trim();
        return Assignable.FirstOrDefault(r => r.Equals(compact, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainValidationException("role", $"Rôle inconnu ; valeurs possibles : {string.Join(", ", Assignable)}.");
    }

    private static Specialty SpecialtyOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Specialty.None;
        return EnumCodes.TryParse<Specialty>(text, out var specialty)
            ? specialty
            : throw new DomainValidationException("specialty", $"Spécialité inconnue ; valeurs possibles : {string.Join(", ", EnumCodes.All<Specialty>())}.");
    }
}
