using System.Text.Json;

namespace Relais.Domain;

/// <summary>Enumerations as the API spells them (kebab-case, "pathology-report"), also outside JSON (forms, queries).</summary>
public static class EnumCodes
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Code);

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = text.Replace("-", "").Replace("_", "");
        return Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value) && !compact.All(char.IsAsciiDigit);
    }

    /// <summary>The value a code names, or a refusal naming <paramref name="field"/> and the codes it accepts.</summary>
    public static T Parse<T>(string? text, string field) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value
            : throw new DomainValidationException(field, $"Valeur inconnue « {text} » ; valeurs possibles : {string.Join(", ", All<T>())}.");
}
