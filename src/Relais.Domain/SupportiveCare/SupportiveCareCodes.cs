using System.Text.Json;

namespace Relais.Domain.SupportiveCare;

/// <summary>The kebab-case codes of the supportive-care enumerations, as the API and the CSV import spell them.</summary>
public static class SupportiveCareCodes
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (!string.Equals(Code(candidate), trimmed, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        return false;
    }

    public static T Parse<T>(string? text, string field) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value
            : throw new DomainValidationException(field, $"Valeur inconnue « {text} » ; valeurs possibles : {string.Join(", ", Enum.GetValues<T>().Select(Code))}.");

    /// <summary>A list of codes separated by commas, semicolons or '|' (the CSV cell of services).</summary>
    public static IReadOnlyList<SupportiveService> ParseList(string? text) =>
        (text ?? "").Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => Parse<SupportiveService>(code, "services")).Distinct().ToList();
}
