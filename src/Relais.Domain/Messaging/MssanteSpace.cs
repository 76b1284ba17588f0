namespace Relais.Domain.Messaging;

/// <summary>
/// The MSSanté space of trust [R]: health data and a patient's identity travel by e-mail only to its addresses.
/// An address belongs to it when its domain is one of the configured operator domains or a sub-domain of one
/// (e.g. "mssante.fr" covers "medecin.mssante.fr"). The patients' own boxes (Mon espace santé,
/// <c>&lt;INS&gt;@patient.mssante.fr</c>, ANS MSSanté référentiel #2 ECO.2.2.8) are the exception: a patient box
/// receives only the patient's own data, and only under a qualified INS (RNIV), whatever the configuration says.
/// Any other address gets a notice with a link, and nothing else.
/// </summary>
public static class MssanteSpace
{
    public const string PatientDomain = "patient.mssante.fr";

    /// <summary>The patient's Mon espace santé box, for a qualified INS.</summary>
    public static string PatientBox(string qualifiedIns) => $"{qualifiedIns}@{PatientDomain}";

    /// <param name="address">The recipient's address.</param>
    /// <param name="domains">The configured MSSanté domains.</param>
    /// <param name="qualifiedIns">The INS of the patient the message is about, when qualified; null otherwise.</param>
    public static bool Admits(string address, IEnumerable<string> domains, string? qualifiedIns)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return false;
        var domain = address[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        if (domain == PatientDomain || domain.EndsWith("." + PatientDomain, StringComparison.Ordinal))
            return qualifiedIns is not null && string.Equals(address.Trim(), PatientBox(qualifiedIns), StringComparison.OrdinalIgnoreCase);
        return domains.Select(d => d.Trim().TrimStart('.').TrimEnd('.').ToLowerInvariant()).Where(d => d.Length > 0)
            .Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
    }
}
