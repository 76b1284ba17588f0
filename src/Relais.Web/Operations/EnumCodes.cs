using System.Text.Json;

namespace Relais.Web.Operations;

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
}
