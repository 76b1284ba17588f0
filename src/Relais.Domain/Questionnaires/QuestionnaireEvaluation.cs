using System.Globalization;
using Relais.Domain.Alerts;

namespace Relais.Domain.Questionnaires;

/// <summary>One answer as the patient gave it (<see cref="Raw"/>: an option's code, a number, true or false) and the value rules read.</summary>
public sealed record Answer(string LinkId, string Raw, decimal Value, string Display);

/// <summary>What a response means: the alert rules it fires (most severe first), its scores, its grade (the highest CTCAE grade it reports).</summary>
public sealed record ResponseEvaluation(IReadOnlyList<AlertRule> Fired, IReadOnlyDictionary<string, decimal> Scores, int Grade);

public static class QuestionnaireEvaluation
{
    /// <summary>
    /// Reads raw answers (linkId → text) against the definition. Throws a <see cref="DomainValidationException"/>
    /// naming <c>answers.&lt;linkId&gt;</c> for an unknown question, a value of the wrong type or out of bounds, an
    /// unknown option, or a required question left unanswered. A blank answer is no answer.
    /// </summary>
    public static IReadOnlyDictionary<string, Answer> Read(QuestionnaireDefinition definition, IReadOnlyDictionary<string, string?> raw)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(raw);
        var answers = new Dictionary<string, Answer>();
        foreach (var (linkId, text) in raw)
        {
            var field = $"answers.{linkId}";
            var item = definition.Item(linkId) ?? throw new DomainValidationException(field, $"Le questionnaire « {definition.Title} » ne pose pas la question « {linkId} ».");
            if (string.IsNullOrWhiteSpace(text)) continue;
            var value = text.Trim();
            answers[linkId] = item.Type switch
            {
                ItemType.Choice => item.Options.FirstOrDefault(o => o.Code == value) is { } option
                    ? new Answer(linkId, value, option.Value, option.Display)
                    : throw new DomainValidationException(field, $"Réponse inconnue « {value} » : choisissez l'une des réponses proposées."),
                ItemType.Boolean => value.ToUpperInvariant() switch
                {
                    "TRUE" => new Answer(linkId, "true", 1m, "oui"),
                    "FALSE" => new Answer(linkId, "false", 0m, "non"),
                    _ => throw new DomainValidationException(field, "Répondez par oui ou par non."),
                },
                _ => Number(item, value, field),
            };
        }
        foreach (var item in definition.Items.Where(i => i.Required && !answers.ContainsKey(i.LinkId)))
            throw new DomainValidationException($"answers.{item.LinkId}", $"Répondez à la question « {item.Text} ».");
        return answers;
    }

    private static Answer Number(QuestionnaireItem item, string text, string field)
    {
        // The comma of French keyboards is a decimal separator too.
        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || (item.Type == ItemType.Integer && value != decimal.Truncate(value)))
            throw new DomainValidationException(field, item.Type == ItemType.Integer ? "Indiquez un nombre entier." : "Indiquez un nombre (par exemple 38,5).");
        if (item.Min is { } min && value < min || item.Max is { } max && value > max)
            throw new DomainValidationException(field, $"Indiquez une valeur entre {Format(item.Min)} et {Format(item.Max)}{(item.Unit is null ? "" : " " + item.Unit)}.");
        return new Answer(item.LinkId, value.ToString(CultureInfo.InvariantCulture), value, $"{Format(value)}{(item.Unit is null ? "" : " " + item.Unit)}");
    }

    /// <summary>A number as French screens write it (38,5).</summary>
    public static string Format(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")) ?? "";

    /// <summary>The rules the answers fire, most severe first (then in the definition's order), the scores, and the grade.</summary>
    public static ResponseEvaluation Evaluate(QuestionnaireDefinition definition, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var scores = definition.ScoreList.ToDictionary(s => s.Code, s => s.LinkIds.Sum(l => answers.TryGetValue(l, out var a) ? a.Value : 0m));
        var fired = definition.Rules.Select((rule, order) => (rule, order))
            .Where(x => Holds(x.rule.When, answers, scores))
            .OrderByDescending(x => x.rule.Severity).ThenBy(x => x.order)
            .Select(x => x.rule).ToList();
        var itemGrade = definition.Items.Where(i => i.Graded && answers.ContainsKey(i.LinkId)).Select(i => (int)answers[i.LinkId].Value).DefaultIfEmpty(0).Max();
        var ruleGrade = fired.Select(r => r.Grade ?? 0).DefaultIfEmpty(0).Max();
        return new ResponseEvaluation(fired, scores, Math.Max(itemGrade, ruleGrade));
    }

    public static bool Holds(RuleCondition condition, IReadOnlyDictionary<string, Answer> answers, IReadOnlyDictionary<string, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Operator switch
        {
            ConditionOperator.All => condition.Conditions!.All(c => Holds(c, answers, scores)),
            ConditionOperator.ScoreAtLeast => scores.TryGetValue(condition.LinkId!, out var score) && score >= condition.Value,
            ConditionOperator.AtLeast => answers.TryGetValue(condition.LinkId!, out var a) && a.Value >= condition.Value,
            ConditionOperator.Below => answers.TryGetValue(condition.LinkId!, out var b) && b.Value < condition.Value,
            _ => false,
        };
    }

    /// <summary>Grade 3 and above are the severe adverse events (CTCAE v5.0) copied to the GP.</summary>
    public const int GpCopyGrade = 3;

    public static bool CopiedToGp(int grade) => grade >= GpCopyGrade;

    /// <summary>The rank of a severity on the triage list: urgent first.</summary>
    public static int Rank(AlertSeverity severity) => (int)severity;
}
