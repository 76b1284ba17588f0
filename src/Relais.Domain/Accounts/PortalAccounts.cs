using System.Security.Cryptography;
using System.Text;

namespace Relais.Domain.Accounts;

/// <summary>How a patient's portal account came to be opened: by e-mail invitation, or by a printed letter.</summary>
public enum PortalChannel { Email, Letter }

/// <summary>
/// The patient's portal account (issue 11, point 1): opened by a care-team member from the record, by an e-mail
/// invitation (the single-use 72-hour link of <see cref="AccountRules"/>) or, for a patient without e-mail, a printed
/// activation letter with a code; at activation the patient confirms their birth date.
/// </summary>
public static class PortalAccounts
{
    /// <summary>
    /// A letter travels by post or is handed over at the next consultation, which 72 hours do not cover: its code is
    /// valid 30 days [R], and a new letter replaces it.
    /// </summary>
    public static readonly TimeSpan LetterLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Wrong birth dates (or letter codes) before the invitation is spent and a new one is needed [R]: enough for a
    /// typing slip, too few to guess a birth date (OWASP ASVS 2.2.1, anti-automation).
    /// </summary>
    public const int MaxActivationAttempts = 5;

    /// <summary>
    /// Identity demands an address for every account; a patient without e-mail signs in with this identifier, in a
    /// domain that can never receive mail (RFC 2606 ".invalid"), and no e-mail is ever written to it.
    /// </summary>
    public const string MailboxlessDomain = "sans-courriel.invalid";

    public static bool HasMailbox(string? email) =>
        !string.IsNullOrWhiteSpace(email) && !email.EndsWith("@" + MailboxlessDomain, StringComparison.OrdinalIgnoreCase);

    /// <summary>The birth date typed at activation against the record's (the RNIV's strict trait).</summary>
    public static bool BirthDateMatches(DateOnly? typed, DateOnly recorded) => typed == recorded;

    /// <summary>Unambiguous letters and digits (no 0/O, 1/I/L): the code is typed from paper.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A 12-character code in three groups (about 59 bits), printed on the letter; only its hash is kept.</summary>
    public static string NewLetterCode()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var code = new string(chars);
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>The code as typed, without spaces, dashes or case.</summary>
    public static string Normalise(string? code) => string.Concat((code ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));

    /// <summary>What a letter code is worth: the code matches and the letter is younger than <see cref="LetterLifetime"/>.</summary>
    public static InvitationState CheckLetter(string? typed, string storedHash, DateTimeOffset issuedAt, bool activated, DateTimeOffset now)
    {
        if (activated) return InvitationState.Spent;
        if (Normalise(typed).Length != 12 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(typed!)), Encoding.ASCII.GetBytes(storedHash)))
            return InvitationState.Invalid;
        return now - issuedAt > LetterLifetime ? InvitationState.Expired : InvitationState.Valid;
    }
}
