using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Relais.Domain.Alerts;

namespace Relais.Domain.Surveillance;

/// <summary>The outcome of reading a protocol file: the definition when it has no fault, else every fault with its path.</summary>
public sealed record ProtocolImport(ProtocolDefinition? Definition, IReadOnlyList<ProtocolError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

/// <summary>
/// A protocol as a JSON file a clinician can read and write: one line per item with its kind, its
/// performers and its months ("at" for listed months; "every", "from", "to" for a repetition, "then"
/// for the repetitions that follow it). Validations are not part of the file: a version imported
/// elsewhere is validated there by its own specialist and GP representatives.
/// </summary>
/// <example>
/// {"code":"breast","version":1,"title":"Cancer du sein","protocolKind":"breast","authors":["..."],
///  "items":[{"kind":"clinical-exam","performers":["gp"],"at":[12,24,36,48,60],"every":6,"from":66},
///           {"kind":"clinical-exam","performers":["specialist","gp"],"alternate":true,"every":3,"from":3,"to":36,
///            "then":[{"every":6,"from":42,"to":60}]}],
///  "radiotherapyOption":{"at":[12,24,36,48,60]},"rules":{"ca153UpperLimit":30,...}}
/// </example>
public static partial class ProtocolJson
{
    private const int MaxLength = 1_000_000;

    private static readonly string[] TopFields = ["code", "version", "title", "protocolKind", "authors", "items", "radiotherapyOption", "rules"];
    private static readonly string[] ItemFields = ["kind", "performers", "alternate", "at", "every", "from", "to", "then", "source"];
    private static readonly string[] ScheduleFields = ["at", "every", "from", "to", "then"];
    private static readonly string[] RecurrenceFields = ["every", "from", "to"];
    private static readonly string[] RuleFields =
        ["ca153UpperLimit", "ca153MinRisePercent", "ca153DoublingWithinMonths", "ceaUpperLimit", "psaAfterProstatectomy", "psaAboveNadir", "controlAssayAfterMonths"];

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Export(SurveillanceProtocol protocol) => Export(protocol.Definition);

    public static string Export(ProtocolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var items = new JsonArray();
        foreach (var item in definition.Items)
        {
            var node = new JsonObject
            {
                ["kind"] = item.Kind.Code(),
                ["performers"] = new JsonArray([.. item.Performers.Select(p => (JsonNode)p.Code())]),
            };
            if (item.Alternate) node["alternate"] = true;
            WriteSchedule(node, item.Schedule);
            if (item.Source is { } source) node["source"] = source;
            items.Add(node);
        }

        var radiotherapy = new JsonObject();
        WriteSchedule(radiotherapy, definition.RadiotherapyOption);
        var t = definition.Thresholds;
        var rules = new JsonObject
        {
            ["ca153UpperLimit"] = t.Ca153UpperLimit,
            ["ca153MinRisePercent"] = t.Ca153MinRisePercent,
            ["ca153DoublingWithinMonths"] = t.Ca153DoublingWithinMonths,
            ["ceaUpperLimit"] = t.CeaUpperLimit,
            ["psaAfterProstatectomy"] = t.PsaAfterProstatectomy,
            ["psaAboveNadir"] = t.PsaAboveNadir,
            ["controlAssayAfterMonths"] = t.ControlAssayAfterMonths,
        };

        // One line per item, so the file reads like the protocol's table.
        var text = new StringBuilder("{\n");
        text.Append("  \"code\": ").Append(Line(JsonValue.Create(definition.Code))).Append(",\n");
        text.Append("  \"version\": ").Append(definition.Version.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"title\": ").Append(Line(JsonValue.Create(definition.Title))).Append(",\n");
        text.Append("  \"protocolKind\": ").Append(Line(JsonValue.Create(definition.Kind.Code()))).Append(",\n");
        text.Append("  \"authors\": ").Append(Line(new JsonArray([.. definition.Authors.Select(a => (JsonNode)a)]))).Append(",\n");
        text.Append("  \"items\": [\n");
        text.AppendJoin(",\n", items.Select(item => "    " + Line(item))).Append("\n  ],\n");
        // A monitoring module has no radiotherapy option: the line is left out rather than written empty.
        if (!definition.RadiotherapyOption.IsEmpty) text.Append("  \"radiotherapyOption\": ").Append(Line(radiotherapy)).Append(",\n");
        text.Append("  \"rules\": ").Append(rules.ToJsonString(Readable).Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        return text.Append("}\n").ToString();
    }

    /// <summary>Compact JSON with a space after each colon and comma, accents kept as they are.</summary>
    private static string Line(JsonNode? node)
    {
        var compact = node?.ToJsonString(Compact) ?? "null";
        var line = new StringBuilder(compact.Length + 16);
        var inString = false;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[i];
            line.Append(c);
            if (inString)
            {
                if (c == '\\') line.Append(compact[++i]);
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is ',' or ':') line.Append(' ');
        }

        return line.ToString();
    }

    private static void WriteSchedule(JsonObject node, Schedule schedule)
    {
        if (schedule.At.Count > 0) node["at"] = new JsonArray([.. schedule.At.Select(m => (JsonNode)m)]);
        if (schedule.Repeats.Count == 0) return;
        WriteRecurrence(node, schedule.Repeats[0]);
        if (schedule.Repeats.Count > 1)
        {
            node["then"] = new JsonArray([.. schedule.Repeats.Skip(1).Select(r =>
            {
                var next = new JsonObject();
                WriteRecurrence(next, r);
                return (JsonNode)next;
            })]);
        }
    }

    private static void WriteRecurrence(JsonObject node, Recurrence recurrence)
    {
        node["every"] = recurrence.Every;
        node["from"] = recurrence.From;
        if (recurrence.To is { } to) node["to"] = to;
    }
}
