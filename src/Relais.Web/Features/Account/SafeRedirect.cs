using System.Text;

namespace Relais.Web.Features.Account;

/// <summary>Where to go after signing in: only a path of this site, never another host (an open redirect).</summary>
public static class SafeRedirect
{
    /// <summary>
    /// A path of this site, as a header can carry it: a control character or a space (which browsers strip, turning
    /// <c>/\t/evil</c> into <c>//evil</c>) sends home; any other character outside ASCII is percent-encoded, since a
    /// <c>Location</c> header refuses it (review L1: <c>/connexion?retour=/été</c> answered 500).
    /// </summary>
    public static string Target(string? url)
    {
        if (url is not { Length: > 0 } r || !r.StartsWith('/') || r.StartsWith("//", StringComparison.Ordinal) || r.StartsWith("/\\", StringComparison.Ordinal)
            || r.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            return "/";
        if (r.All(char.IsAscii)) return r;
        var encoded = new StringBuilder(r.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in r.EnumerateRunes())
        {
            if (rune.IsAscii) encoded.Append((char)rune.Value);
            else
            {
                var length = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
