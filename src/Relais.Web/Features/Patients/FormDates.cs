using System.Globalization;
using Relais.Domain;

namespace Relais.Web.Features.Patients;

/// <summary>Dates typed in a form (ISO from a date input, or JJ/MM/AAAA), read with a field-named error.</summary>
public static class FormDates
{
    public static DateOnly Required(string? text, string field, string message) =>
        Optional(text, field) ?? throw new DomainValidationException(field, message);

    public static DateOnly? Optional(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new DomainValidationException(field, "Date invalide (format JJ/MM/AAAA).");
    }
}
