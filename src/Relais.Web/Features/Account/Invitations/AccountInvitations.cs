using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Account.Invitations;

/// <summary>An invitation link opened: what it is worth, and the account it opens when valid.</summary>
public sealed record InvitationCheck(InvitationState State, RelaisUser? User);

/// <summary>
/// The invitation link: the account, its security stamp and the sending time, sealed with Data
/// Protection (the keys are in the database, shared by every instance). Nothing is stored: the stamp
/// makes the link single-use (<see cref="AccountRules.Check"/>), and the e-mail goes through the outbox,
/// so a mail server that is down delays the invitation and never loses it.
/// </summary>
public sealed class AccountInvitations(IDataProtectionProvider protection, RelaisDb db, IOptions<MailOptions> mail)
{
    public const string ActivationPath = "/compte/activation";
    private readonly IDataProtector protector = protection.CreateProtector("Relais.Account.Invitation.v1");

    public string Token(RelaisUser user, DateTimeOffset now)
    {
        var payload = string.Join('|', user.Id.ToString("N"), user.SecurityStamp, now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>Queues the invitation e-mail with the link, in the caller's transaction.</summary>
    public void Send(RelaisUser user, string invitedBy, DateTimeOffset now)
    {
        var options = mail.Value;
        var link = $"{options.PublicUrl.TrimEnd('/')}{ActivationPath}?jeton={Token(user, now)}";
        var until = Clock.ToParis(now + AccountRules.InvitationLifetime).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);
        var body = $"""
            Bonjour {user.DisplayName},

            {invitedBy} vous a ouvert un compte Relais, le dossier partagé du parcours de soins en cancérologie.

            Pour l'activer, choisissez votre mot de passe et enregistrez la double authentification
            (une application comme FreeOTP ou Google Authenticator) en suivant ce lien, valable une seule fois,
            jusqu'au {until} (72 heures) :
            {link}

            Passé ce délai, demandez une nouvelle invitation à votre administrateur.
            Si vous n'attendiez pas ce message, ignorez-le.
            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        db.OutboxMessages.Add(OutboxMessage.Create(null, OutboxKind.Account, null, user.Id, user.Email!, "[Relais] Activez votre compte", body, null, null, options.Domain, now));
    }

    public async Task<InvitationCheck> CheckAsync(string? token, DateTimeOffset now, CancellationToken ct)
    {
        if (!TryRead(token, out var userId, out var stamp, out var issuedAt)) return new(InvitationState.Invalid, null);
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return new(InvitationState.Invalid, null);
        var state = AccountRules.Check(issuedAt, stamp, user.SecurityStamp, user.IsActive, user.PasswordHash is not null, now);
        return new(state, state == InvitationState.Valid ? user : null);
    }

    private bool TryRead(string? token, out Guid userId, out string stamp, out DateTimeOffset issuedAt)
    {
        userId = Guid.Empty;
        stamp = "";
        issuedAt = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return false;
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out userId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return false;
        stamp = parts[1];
        issuedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
