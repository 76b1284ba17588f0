using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Relais.Web.Features.Indicators;

/// <summary>How the page writes a figure (its unit, the masked text) and the data of a chart (nulls where a cell is masked).</summary>
public static class IndicatorFormat
{
    public static string Value(double? value, string unit, IStringLocalizer L) => value is not { } v ? "—" : unit switch
    {
        "percent" => string.Format(CultureInfo.CurrentCulture, "{0:0.#} %", v),
        "days" => string.Format(CultureInfo.CurrentCulture, L["{0:0.#} j"], v),
        "hours" => string.Format(CultureInfo.CurrentCulture, L["{0:0.#} h"], v),
        _ => v.ToString(CultureInfo.CurrentCulture),
    };

    public static string Count(int? count, bool suppressed, string masked) =>
        suppressed ? masked : count?.ToString(CultureInfo.CurrentCulture) ?? "—";

    public static string Cell(IndicatorCellDto cell, string unit, string masked, IStringLocalizer L) =>
        cell.Suppressed ? masked : Value(cell.Value, unit, L);

    /// <summary>A month key (2026-05) in the reader's language.</summary>
    public static string Month(string key) =>
        DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The chart's data for <c>indicators.js</c>: kind, axis title, labels and values (null for a masked or empty cell).</summary>
    public static string Chart(string type, string axis, IEnumerable<string> labels, IEnumerable<double?> values, double? max = null) =>
        JsonSerializer.Serialize(new { type, axis, labels, values, max });
}
