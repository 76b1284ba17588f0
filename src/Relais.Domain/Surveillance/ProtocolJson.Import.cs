using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Relais.Domain.Alerts;

namespace Relais.Domain.Surveillance;

/// <summary>Reading a protocol file: every fault found, with its JSON path (see <see cref="ProtocolJson"/>).</summary>
public static partial class ProtocolJson
{
    /// <summary>
    /// Reads a protocol file. Every fault is reported, each with the path of the faulty field
    /// ("items[3].every") and a French message; comments and trailing commas are tolerated.
    /// </summary>
    public static ProtocolImport Import(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Failed(new ProtocolError("json", "Le fichier du référentiel est vide."));
        if (json.Length > MaxLength) return Failed(new ProtocolError("json", "Le fichier du référentiel dépasse 1 Mo."));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return Failed(new ProtocolError("json", $"Le fichier n'est pas un JSON valide (ligne {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})."));
        }

        using (document)
        {
            var reader = new Reader();
            var definition = reader.ReadDefinition(document.RootElement);
            if (definition is null) return Failed([.. reader.Errors]);

            // A field already refused while reading is not reported a second time by the checks.
            var errors = reader.Errors.ToList();
            errors.AddRange(definition.FindErrors().Where(e => !reader.Errors.Any(r => Covers(r.Field, e.Field))));
            return errors.Count == 0 ? new ProtocolImport(definition, []) : new ProtocolImport(null, errors);
        }
    }

    private static bool Covers(string parent, string field) =>
        field == parent || field.StartsWith(parent + ".", StringComparison.Ordinal) || field.StartsWith(parent + "[", StringComparison.Ordinal);

    private static ProtocolImport Failed(params ProtocolError[] errors) => new(null, errors);

    private sealed class Reader
    {
        public List<ProtocolError> Errors { get; } = [];

        public ProtocolDefinition? ReadDefinition(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new("json", "Un référentiel est un objet JSON { \"code\": ..., \"items\": [...] }."));
                return null;
            }

            CheckFields(root, "", TopFields);
            var code = String(root, "code", "code") ?? "";
            var version = Int(root, "version", "version") ?? 0;
            var title = String(root, "title", "title") ?? "";
            var kind = (ProtocolKind)(-1);
            if (String(root, "protocolKind", "protocolKind") is { } kindCode)
            {
                if (SurveillanceCodes.TryParseProtocolKind(kindCode, out var parsed)) kind = parsed;
                else Errors.Add(new("protocolKind", $"Situation clinique « {kindCode} » inconnue ; attendu : {string.Join(", ", SurveillanceCodes.ProtocolKindCodesInOrder)}."));
            }
            else if (!root.TryGetProperty("protocolKind", out _))
            {
                Errors.Add(new("protocolKind", $"La situation clinique (protocolKind) est obligatoire : {string.Join(", ", SurveillanceCodes.ProtocolKindCodesInOrder)}."));
            }

            var authors = Array(root, "authors", "authors", (e, path) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : Refuse<string>(path, "Le nom de l'auteur est un texte.", ""));
            var items = Array(root, "items", "items", ReadItem);

            Schedule radiotherapy = new([], []);
            if (root.TryGetProperty("radiotherapyOption", out var option))
            {
                if (Object(option, "radiotherapyOption", ScheduleFields)) radiotherapy = ReadSchedule(option, "radiotherapyOption");
            }
            else if (kind != ProtocolKind.MonitoringModule)
            {
                Errors.Add(new("radiotherapyOption", "L'option radiothérapie (radiotherapyOption) est obligatoire : une consultation annuelle avec le radiothérapeute pendant au moins 5 ans, par exemple {\"at\": [12, 24, 36, 48, 60]}."));
            }

            var thresholds = new EarlyReturnThresholds();
            if (root.TryGetProperty("rules", out var rules) && Object(rules, "rules", RuleFields))
            {
                thresholds = new EarlyReturnThresholds
                {
                    Ca153UpperLimit = Decimal(rules, "ca153UpperLimit", "rules.ca153UpperLimit") ?? thresholds.Ca153UpperLimit,
                    Ca153MinRisePercent = Decimal(rules, "ca153MinRisePercent", "rules.ca153MinRisePercent") ?? thresholds.Ca153MinRisePercent,
                    Ca153DoublingWithinMonths = Int(rules, "ca153DoublingWithinMonths", "rules.ca153DoublingWithinMonths") ?? thresholds.Ca153DoublingWithinMonths,
                    CeaUpperLimit = Decimal(rules, "ceaUpperLimit", "rules.ceaUpperLimit") ?? thresholds.CeaUpperLimit,
                    PsaAfterProstatectomy = Decimal(rules, "psaAfterProstatectomy", "rules.psaAfterProstatectomy") ?? thresholds.PsaAfterProstatectomy,
                    PsaAboveNadir = Decimal(rules, "psaAboveNadir", "rules.psaAboveNadir") ?? thresholds.PsaAboveNadir,
                    ControlAssayAfterMonths = Int(rules, "controlAssayAfterMonths", "rules.controlAssayAfterMonths") ?? thresholds.ControlAssayAfterMonths,
                };
            }

            return new ProtocolDefinition(code, version, title, kind, authors, items, radiotherapy, thresholds);
        }

        private ProtocolItem ReadItem(JsonElement element, string path)
        {
            if (!Object(element, path, ItemFields)) return new ProtocolItem((SurveillanceKind)(-1), [], new([], []));
            var kind = (SurveillanceKind)(-1);
            if (String(element, "kind", path + ".kind") is { } code)
            {
                if (SurveillanceCodes.TryParseKind(code, out var parsed)) kind = parsed;
                else Errors.Add(new(path + ".kind", $"Type d'examen « {code} » inconnu ; attendu : {string.Join(", ", SurveillanceCodes.KindCodesInOrder)}."));
            }
            else if (!element.TryGetProperty("kind", out _))
            {
                Errors.Add(new(path + ".kind", $"Le type d'examen (kind) est obligatoire : {string.Join(", ", SurveillanceCodes.KindCodesInOrder)}."));
            }

            var performers = Array(element, "performers", path + ".performers", (e, p) =>
            {
                if (e.ValueKind == JsonValueKind.String && SurveillanceCodes.TryParsePerformer(e.GetString(), out var performer)) return performer;
                return Refuse(p, $"Intervenant {(e.ValueKind == JsonValueKind.String ? $"« {e.GetString()} » " : "")}inconnu ; attendu : {string.Join(", ", SurveillanceCodes.PerformerCodesInOrder)}.", (Performer)(-1));
            });
            var alternate = false;
            if (element.TryGetProperty("alternate", out var flag))
            {
                if (flag.ValueKind is JsonValueKind.True or JsonValueKind.False) alternate = flag.GetBoolean();
                else Errors.Add(new(path + ".alternate", "« alternate » vaut true ou false."));
            }

            var source = String(element, "source", path + ".source");
            return new ProtocolItem(kind, performers, ReadSchedule(element, path), alternate, source);
        }

        private Schedule ReadSchedule(JsonElement element, string path)
        {
            var at = element.TryGetProperty("at", out _) ? Array(element, "at", path + ".at", Month) : [];
            var repeats = new List<Recurrence>();
            var hasEvery = element.TryGetProperty("every", out _);
            if (ReadRecurrence(element, path) is { } first) repeats.Add(first);
            if (element.TryGetProperty("then", out _))
            {
                if (!hasEvery) Errors.Add(new(path + ".then", "« then » suit une répétition : indiquez d'abord every et from."));
                // A faulty entry keeps its place, so the entries after it are named by their own index.
                repeats.AddRange(Array(element, "then", path + ".then", (e, p) =>
                    Object(e, p, RecurrenceFields) ? ReadRecurrence(e, p, required: true)! : new Recurrence(0, 0)));
            }

            return new Schedule(at, repeats);
        }

        private Recurrence? ReadRecurrence(JsonElement element, string path, bool required = false)
        {
            var hasEvery = element.TryGetProperty("every", out _);
            var hasFrom = element.TryGetProperty("from", out _);
            var hasTo = element.TryGetProperty("to", out _);
            if (!hasEvery && !hasFrom && !hasTo && !required) return null;
            if (!hasEvery) Errors.Add(new(path + ".every", "Indiquez la périodicité en mois (every) de la répétition."));

            var every = Int(element, "every", path + ".every") ?? 0;
            if (!hasFrom) Errors.Add(new(path + ".from", "Indiquez le mois de début (from) de la répétition."));
            var from = hasFrom ? Int(element, "from", path + ".from") ?? 0 : 0;
            var to = hasTo && element.GetProperty("to").ValueKind != JsonValueKind.Null ? Int(element, "to", path + ".to") : null;
            return new Recurrence(every, from, to);
        }

        private int Month(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var month) ? month : Refuse(path, "Un mois est un nombre entier (mois après J0).", 0);

        private T Refuse<T>(string path, string message, T value)
        {
            Errors.Add(new(path, message));
            return value;
        }

        private bool Object(JsonElement element, string path, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new(path, "Un objet JSON { ... } est attendu ici."));
                return false;
            }

            CheckFields(element, path, allowed);
            return true;
        }

        private void CheckFields(JsonElement element, string path, string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    Errors.Add(new(field, $"Champ « {property.Name} » inconnu ; champs possibles : {string.Join(", ", allowed)}."));
                }
            }
        }

        private string? String(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Errors.Add(new(path, "Un texte entre guillemets est attendu."));
            return null;
        }

        private int? Int(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
            Errors.Add(new(path, "Un nombre entier est attendu."));
            return null;
        }

        private decimal? Decimal(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
            Errors.Add(new(path, "Un nombre est attendu (point décimal : 0.2)."));
            return null;
        }

        private IReadOnlyList<T> Array<T>(JsonElement element, string name, string path, Func<JsonElement, string, T> read)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
            if (value.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(new(path, "Une liste [ ... ] est attendue."));
                return [];
            }

            return [.. value.EnumerateArray().Select((e, i) => read(e, $"{path}[{i}]"))];
        }
    }
}
