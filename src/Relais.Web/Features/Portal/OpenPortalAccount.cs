using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Accounts;
using Relais.Web.Data;
using Relais.Web.Features.Account;
using Relais.Web.Features.Account.Invitations;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal;

/// <summary>Body of POST /api/patients/{id}/portal-account: an e-mail address, or <c>"letter": true</c> (or no address) for a printed letter.</summary>
public sealed record PortalAccountRequest(string? Email, bool? Letter);

/// <summary>
/// The account opened (or invited again), its channel and, for a letter, the code and sign-in identifier to print
/// (shown once: only the code's hash is kept). <see cref="Conflict"/>: the field another account already holds, or
/// "account" when the patient's account is already active.
/// </summary>
public sealed record PortalAccountOutcome(Guid? AccountId, PortalChannel Channel, bool Reinvited, string? Code, string? Identifier,
    DateTimeOffset? CodeExpiresAt, string? Conflict);

/// <summary>
/// A care-team member opens the patient's portal account from the record (issue 11, point 1): by an e-mail invitation
/// (the professionals' single-use 72-hour link, <see cref="AccountInvitations"/>) or, for a patient without e-mail, a
/// printed letter with a code valid <see cref="PortalAccounts.LetterLifetime"/>. A second request while the account is
/// still to activate invites again — the earlier link or letter stops working —, so a repeated click is harmless; an
/// active account answers a conflict. Account, role, key, invitation and audit rows are committed together.
/// </summary>
public sealed class OpenPortalAccount(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, AccountInvitations invitations, Clock clock)
{
    public const string TokenProvider = "Relais";
    public const string LetterToken = "portal-letter";

    public async Task<PortalAccountOutcome> HandleAsync(CurrentUser actor, Guid patientId, PortalAccountRequest request, CancellationToken ct)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : Email(request.Email);
        if (request.Letter == true && email is not null)
            throw new DomainValidationException("email", "Choisissez l'invitation par courriel ou le courrier d'activation, pas les deux.");
        var channel = email is null ? PortalChannel.Letter : PortalChannel.Email;
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.FirstNames, p.BirthName, p.UsedName }).FirstAsync(ct);
        var now = clock.Now;
        var user = await db.Users.FirstOrDefaultAsync(u => u.PatientId == patientId, ct);
        if (user is { PasswordHash: not null })
            return new PortalAccountOutcome(user.Id, channel, false, null, null, null, "account");
        if (email is not null)
        {
            var normalized = users.NormalizeEmail(email);
            if (await db.Users.AnyAsync(u => (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized) && u.Id != (user == null ? Guid.Empty : user.Id), ct))
                return new PortalAccountOutcome(null, channel, false, null, null, null, "email");
        }

        var reinvited = user is not null;
        var identifier = email ?? (user is not null && !PortalAccounts.HasMailbox(user.Email) ? user.Email! : await NewIdentifierAsync(ct));
        user ??= new RelaisUser
        {
            Id = Guid.CreateVersion7(now), FirstName = patient.FirstNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
            LastName = patient.UsedName ?? patient.BirthName, PatientId = patientId,
        };
        user.UserName = identifier;
        user.Email = identifier;
        string? code = null;
        using (store.Deferred(user))
        {
            if (!reinvited)
            {
                AccountStore.Check(await users.CreateAsync(user), "email", "Adresse électronique refusée.");
                AccountStore.Check(await users.AddToRoleAsync(user, Roles.Patient), "email", "Rôle refusé.");
            }
            else
            {
                await users.UpdateNormalizedEmailAsync(user);
                await users.UpdateNormalizedUserNameAsync(user);
                // A new stamp spends every earlier link; a new letter replaces the earlier code.
                AccountStore.Check(await users.UpdateSecurityStampAsync(user), "email", "Invitation refusée.");
            }
            AccountStore.Check(await users.ResetAuthenticatorKeyAsync(user), "email", "Clé d'authentification refusée.");
            if (channel == PortalChannel.Letter)
            {
                code = PortalAccounts.NewLetterCode();
                AccountStore.Check(await users.SetAuthenticationTokenAsync(user, TokenProvider, LetterToken, LetterValue(PortalAccounts.Hash(code), now)), "letter", "Courrier refusé.");
            }
            else
            {
                AccountStore.Check(await users.RemoveAuthenticationTokenAsync(user, TokenProvider, LetterToken), "letter", "Courrier refusé.");
            }
        }
        if (!reinvited) db.Entry(user).State = EntityState.Added;
        user.AccessFailedCount = 0;
        if (channel == PortalChannel.Email)
            invitations.Send(user, await ActorNameAsync(actor, ct), now);
        const string resource = "POST /api/patients/{patientId}/portal-account";
        db.AuditEntries.Add(PortalAudit.Entry(now, actor.Id, actor.PrimaryRole, patientId, reinvited ? PortalAudit.Reinvited : PortalAudit.Opened, resource,
            $"account {user.Id}; {(channel == PortalChannel.Email ? "email" : "letter")}"));
        if (!reinvited) db.AuditEntries.Add(AccountAudit.Entry(now, actor.Id, actor.PrimaryRole, AccountAudit.Created, resource, user.Id));
        db.AuditEntries.Add(AccountAudit.Entry(now, actor.Id, actor.PrimaryRole, AccountAudit.Invited, resource, user.Id));
        await db.SaveChangesAsync(ct);
        return new PortalAccountOutcome(user.Id, channel, reinvited, code, channel == PortalChannel.Letter ? identifier : null,
            code is null ? null : now + PortalAccounts.LetterLifetime, null);
    }

    /// <summary>The stored letter: the code's hash and its issuing time.</summary>
    public static string LetterValue(string hash, DateTimeOffset issuedAt) => $"{hash}|{issuedAt.UtcTicks}";

    public static bool TryReadLetter(string? value, out string hash, out DateTimeOffset issuedAt)
    {
        hash = "";
        issuedAt = default;
        var parts = (value ?? "").Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)) return false;
        hash = parts[0];
        issuedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private async Task<string> NewIdentifierAsync(CancellationToken ct)
    {
        while (true)
        {
            var identifier = $"patient-{System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 100_000_000)}@{PortalAccounts.MailboxlessDomain}";
            var normalized = users.NormalizeName(identifier);
            if (!await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct)) return identifier;
        }
    }

    private async Task<string> ActorNameAsync(CurrentUser actor, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == actor.Id).Select(u => new { u.FirstName, u.LastName }).FirstOrDefaultAsync(ct) is { } a
            ? RelaisUser.NameOf(a.FirstName, a.LastName)
            : "Votre équipe de soins";

    private static string Email(string text)
    {
        var email = text.Trim();
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)
            || !PortalAccounts.HasMailbox(email))
            throw new DomainValidationException("email", "Adresse électronique invalide.");
        return email;
    }
}
