namespace Relais.Domain.SupportiveCare;

/// <summary>A faulty line of a CSV import: its number in the file (the header is line 1), the column and why.</summary>
public sealed record CsvLineError(int Line, string Field, string Message);

/// <summary>One line of the import, read but not yet placed: the commune is looked up by postcode and name afterwards.</summary>
public sealed record CsvProviderLine(int Line, ProviderFields Fields);

/// <summary>
/// The directory's CSV import: a header line then one provider per line, separated by ';' (the French spreadsheet
/// default), fields in double quotes when they hold the separator. Columns:
/// name;kind;services;address;postcode;commune;acceptsPostCancerPackage;free;phone;email — services in kebab-case
/// separated by commas, booleans "oui"/"non" (or true/false). Every line is checked; the import is all or nothing.
/// </summary>
public static class DirectoryCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["name", "kind", "services", "address", "postcode", "commune", "acceptsPostCancerPackage", "free", "phone", "email"];

    public const int MaxLines = 5000;

    public static (IReadOnlyList<CsvProviderLine> Lines, IReadOnlyList<CsvLineError> Errors) Parse(string text)
    {
        var lines = new List<CsvProviderLine>();
        var errors = new List<CsvLineError>();
        var rows = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (rows.Length == 0 || !Split(rows[0]).Select(c => c.Trim()).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new CsvLineError(1, "header", $"La première ligne doit nommer les colonnes : {string.Join(";", Columns)}."));
            return (lines, errors);
        }
        for (var i = 1; i < rows.Length; i++)
        {
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(rows[i])) continue;
            if (lines.Count + errors.Count >= MaxLines)
            {
                errors.Add(new CsvLineError(number, "file", $"Au plus {MaxLines} lignes par import."));
                break;
            }
            var cells = Split(rows[i]);
            if (cells.Count != Columns.Count)
            {
                errors.Add(new CsvLineError(number, "line", $"{cells.Count} colonnes au lieu de {Columns.Count}."));
                continue;
            }
            try
            {
                var fields = new ProviderFields(cells[0], EnumCodes.Parse<ProviderKind>(cells[1], "kind"), SupportiveCareCodes.ParseList(cells[2]),
                    cells[3], cells[4].Trim(), cells[5].Trim(), Bool(cells[6], "acceptsPostCancerPackage"), Bool(cells[7], "free"), cells[8], cells[9]);
                if (fields.Services.Count == 0) throw new DomainValidationException("services", "Indiquez au moins un service.");
                if (string.IsNullOrWhiteSpace(fields.Name)) throw new DomainValidationException("name", "Le nom est obligatoire.");
                lines.Add(new CsvProviderLine(number, fields));
            }
            catch (DomainValidationException e)
            {
                errors.Add(new CsvLineError(number, e.Field, e.Message));
            }
        }
        return (lines, errors);
    }

    private static bool Bool(string cell, string field) => cell.Trim().ToLowerInvariant() switch
    {
        "oui" or "true" or "1" => true,
        "non" or "false" or "0" or "" => false,
        _ => throw new DomainValidationException(field, $"« {cell} » : indiquez oui ou non."),
    };

    /// <summary>The cells of one line: ';' separates, double quotes protect, a doubled quote inside quotes is one quote.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
