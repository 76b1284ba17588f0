using System.Globalization;
using Relais.Domain;

namespace Relais.Web.Components.Kit;

/// <summary>Reading the text of static form posts into the services' typed inputs.</summary>
public static class FormValues
{
    public static Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

    public static int? Int(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A decimal typed with a comma or a point; a wrong one names its field.</summary>
    public static decimal? Decimal(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainValidationException(field, message);
    }

    public static TEnum? Enum<TEnum>(string? text) where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(text, out var value) && System.Enum.IsDefined(value) ? value : null;

    public static bool? Bool(string? text) => bool.TryParse(text, out var value) ? value : null;

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>A day and a wall-clock time in Paris, as the UTC instant the services store.</summary>
    public static DateTimeOffset ParisToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Clock.Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
