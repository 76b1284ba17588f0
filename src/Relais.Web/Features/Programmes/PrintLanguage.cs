using System.Globalization;
using Relais.Domain;

namespace Relais.Web.Features.Programmes;

/// <summary>
/// The language of the labels of a patient document printed from the portal (issue 14 §3: PPS, PPAC and carnet
/// "printable with English labels as well (the French document stays the reference)"): <c>lang=fr</c> or
/// <c>lang=en</c>, otherwise the language the account chose (the request's culture).
/// </summary>
public static class PrintLanguage
{
    public static bool IsEnglish(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        null or "" => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en",
        "en" => true,
        "fr" => false,
        _ => throw new DomainValidationException("lang", "Langue d'impression inconnue ; valeurs possibles : fr, en."),
    };
}
