using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Account.PasswordReset;

/// <summary>Body of POST /api/auth/password-reset.</summary>
public sealed record PasswordResetRequest(string? Email);

/// <summary>
/// "Mot de passe oublié": an e-mail with a single-use link goes to an active account's address. The
/// caller gets the same answer whatever the address, so that the form tells no one who has an account
/// (security review M6). An account never activated gets nothing: its way in is the invitation.
/// </summary>
public sealed class RequestPasswordReset(RelaisDb db, UserManager<RelaisUser> users, IOptions<MailOptions> mail, Clock clock)
{
    public const string ResetPath = "/connexion/nouveau-mot-de-passe";

    public async Task HandleAsync(string? email, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 254 ? null : await users.FindByEmailAsync(email.Trim());
        if (user is not { IsActive: true, PasswordHash: not null, Email: not null } || !Relais.Domain.Accounts.PortalAccounts.HasMailbox(user.Email)) return;
        var now = clock.Now;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var options = mail.Value;
        var link = $"{options.PublicUrl.TrimEnd('/')}{ResetPath}?jeton={Encode(user.Id, token)}";
        var body = $"""
            Bonjour {user.DisplayName},

            Un nouveau mot de passe a été demandé pour votre compte Relais. Pour le choisir, suivez ce lien,
            valable une seule fois et pendant 24 heures :
            {link}

            Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.
            Message envoyé par Relais ; ne pas répondre à cette adresse.
            """;
        db.OutboxMessages.Add(OutboxMessage.Create(null, OutboxKind.Account, null, user.Id, user.Email, "[Relais] Réinitialisation de votre mot de passe", body, null, null, options.Domain, now));
        db.AuditEntries.Add(AccountAudit.Entry(now, user.Id, null, AccountAudit.ResetRequested, "POST /api/auth/password-reset", user.Id));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The link carries the account and Identity's reset token in one opaque parameter.</summary>
    public static string Encode(Guid userId, string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{userId:N}|{token}"));

    public static bool TryDecode(string? text, out Guid userId, out string token)
    {
        userId = Guid.Empty;
        token = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000) return false;
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)).Split('|', 2);
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out userId)) return false;
            token = parts[1];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
