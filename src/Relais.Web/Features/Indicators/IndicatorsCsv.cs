using System.Globalization;
using System.Text;

namespace Relais.Web.Features.Indicators;

/// <summary>
/// The dashboard as a CSV file (semicolon-separated, UTF-8 with its mark, as a French spreadsheet opens it): one line per
/// indicator and cell (total, each hospital, each month, and each window of a crisis comparison), with the same masking as the page — a masked cell is written
/// with the "&lt; 11" text and no number.
/// </summary>
public static class IndicatorsCsv
{
    public static readonly string[] Columns =
        ["indicateur", "libelle", "unite", "ventilation", "cellule", "valeur", "numerateur", "denominateur", "p75", "p90", "part_dans_la_cible", "cible", "masque"];

    public static byte[] Write(IndicatorsAnswer answer)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', Columns));
        foreach (var i in answer.Indicators)
        {
            Line(text, answer, i, "total", "total", i.Value, i.Numerator, i.Denominator, i.Suppressed, i.P75, i.P90, i.WithinTarget);
            foreach (var h in i.ByHospital) Line(text, answer, i, "etablissement", h.Label, h.Value, h.Numerator, h.Denominator, h.Suppressed, null, null, null);
            foreach (var m in i.ByMonth) Line(text, answer, i, "mois", m.Key, m.Value, m.Numerator, m.Denominator, m.Suppressed, null, null, null);
        }
        foreach (var c in answer.Crises)
            foreach (var p in c.Phases)
                foreach (var f in p.Figures)
                {
                    var cell = string.Create(CultureInfo.InvariantCulture, $"{c.Territory} crise du {c.StartedOn:yyyy-MM-dd} : {p.Phase} ({p.From:yyyy-MM-dd} au {p.To:yyyy-MM-dd})");
                    var i = answer.Indicators.First(x => x.Code == f.Code);
                    Line(text, answer, i, "crise", cell, f.Value, f.Numerator, f.Denominator, f.Suppressed, null, null, null);
                }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IndicatorsAnswer answer, IndicatorDto i, string breakdown, string cell, double? value, int? numerator, int? denominator,
        bool suppressed, double? p75, double? p90, double? withinTarget)
    {
        string N(double? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        string[] fields =
        [
            i.Code, i.Label, i.Unit, breakdown, cell,
            suppressed ? answer.Masked : N(value), suppressed ? answer.Masked : N(numerator), suppressed ? answer.Masked : N(denominator),
            N(p75), N(p90), N(withinTarget), N(i.Target), suppressed ? "oui" : "non",
        ];
        text.AppendLine(string.Join(';', fields.Select(Escape)));
    }

    /// <summary>Quotes a field holding a separator, a quote or a line break; a leading formula sign is neutralised (CSV injection).</summary>
    private static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            field = "'" + field;
        return field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
