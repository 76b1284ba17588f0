using MimeKit;

namespace Relais.Domain.Messaging;

/// <summary>
/// The one check of an e-mail address typed into Relais (accounts, invitations, a patient's address):
/// it is read by the parser that will later put it on a message (MimeKit's <see cref="MailboxAddress"/>,
/// as the outbox does), so an address accepted on entry can always be sent to. An address the parser
/// refuses — <c>luc,garnier@relais.demo</c> is a list of two — once blocked the dispatch of a whole batch
/// (security review H2; SECURITY.md promise 4).
/// </summary>
public static class EmailAddress
{
    /// <summary>RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, angle brackets included.</summary>
    public const int MaxLength = 254;

    /// <summary>The trimmed address, or null when blank; throws naming <paramref name="field"/> when it cannot be sent to.</summary>
    public static string? Optional(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Required(text, field);

    /// <summary>The trimmed address; throws naming <paramref name="field"/> when blank or when it cannot be sent to.</summary>
    public static string Required(string? text, string field)
    {
        var address = text?.Trim() ?? "";
        if (address.Length == 0) throw new DomainValidationException(field, "L'adresse électronique est obligatoire.");
        if (!IsValid(address)) throw new DomainValidationException(field, "Adresse électronique invalide (exemple : prenom.nom@domaine.fr).");
        return address;
    }

    /// <summary>
    /// One plain mailbox: the parser reads exactly the text typed (no display name, no list, no comment),
    /// ASCII only (a mail server without SMTPUTF8 refuses anything else), and a domain with a dot.
    /// </summary>
    public static bool IsValid(string address) =>
        address.Length <= MaxLength
        && address.All(c => char.IsAscii(c) && !char.IsControl(c))
        && MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && mailbox.Address == address
        && address.LastIndexOf('@') is > 0 and var at
        && address[(at + 1)..] is var domain
        && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('[');
}
