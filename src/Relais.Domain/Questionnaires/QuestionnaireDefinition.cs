using Relais.Domain.Alerts;

namespace Relais.Domain.Questionnaires;

/// <summary>The answer types Relais asks for, named as FHIR R4 Questionnaire.item.type names them.</summary>
public enum ItemType
{
    /// <summary>One of the <see cref="QuestionnaireItem.AnswerOptions"/>.</summary>
    Choice,
    Decimal,
    Integer,
    Boolean,
}

/// <summary>An answer option (FHIR <c>answerOption.valueCoding</c>) and the value it scores or grades.</summary>
public sealed record AnswerOption(string Code, string Display, decimal Value);

/// <summary>
/// A question, shaped like a FHIR Questionnaire item. <see cref="Graded"/> items are answered on a PRO-CTCAE
/// scale (0–4) whose value is the report's grade (<see cref="QuestionnaireEvaluation"/>).
/// </summary>
public sealed record QuestionnaireItem(
    string LinkId,
    string Text,
    ItemType Type,
    bool Required = false,
    IReadOnlyList<AnswerOption>? AnswerOptions = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Unit = null,
    bool Graded = false,
    string? Help = null)
{
    public IReadOnlyList<AnswerOption> Options => AnswerOptions ?? [];
}

/// <summary>How a rule's condition compares (FHIR enableWhen operators, plus the sum of a score).</summary>
public enum ConditionOperator
{
    /// <summary>The answer to <see cref="RuleCondition.LinkId"/> is at least <see cref="RuleCondition.Value"/>.</summary>
    AtLeast,
    /// <summary>The answer to <see cref="RuleCondition.LinkId"/> is strictly below <see cref="RuleCondition.Value"/>.</summary>
    Below,
    /// <summary>Every one of <see cref="RuleCondition.Conditions"/> holds.</summary>
    All,
    /// <summary>The score <see cref="RuleCondition.LinkId"/> (a <see cref="ScoreDefinition"/>) is at least <see cref="RuleCondition.Value"/>.</summary>
    ScoreAtLeast,
}

/// <summary>
/// A condition on answers, data rather than code (ARCHITECTURE.md "Decisions": rules are data interpreted by
/// tested code, no scripting language). An unanswered item never meets a condition.
/// </summary>
public sealed record RuleCondition(ConditionOperator Operator, string? LinkId = null, decimal? Value = null, IReadOnlyList<RuleCondition>? Conditions = null)
{
    public static RuleCondition AtLeast(string linkId, decimal value) => new(ConditionOperator.AtLeast, linkId, value);
    public static RuleCondition Below(string linkId, decimal value) => new(ConditionOperator.Below, linkId, value);
    public static RuleCondition Yes(string linkId) => new(ConditionOperator.AtLeast, linkId, 1m);
    public static RuleCondition All(params RuleCondition[] conditions) => new(ConditionOperator.All, Conditions: conditions);
    public static RuleCondition ScoreAtLeast(string score, decimal value) => new(ConditionOperator.ScoreAtLeast, score, value);
}

/// <summary>
/// An alert rule: when <see cref="When"/> holds, an alert of <see cref="Severity"/> asks the team for
/// <see cref="TeamAction"/> and tells the patient <see cref="PatientInstruction"/> (in patient words), both
/// quoting <see cref="Source"/>. <see cref="Grade"/> is the CTCAE grade the condition means, when it means one.
/// <see cref="EarlyReturn"/> names the early-return criterion of [B] a warning sign is, for a patient in shared
/// follow-up: that answer takes the early-return route (C14), not the triage list.
/// </summary>
public sealed record AlertRule(
    string Code,
    string Title,
    RuleCondition When,
    AlertSeverity Severity,
    string TeamAction,
    string PatientInstruction,
    string Source,
    int? Grade = null,
    ClinicalCriteria EarlyReturn = ClinicalCriteria.None);

/// <summary>A score: the sum of the values of <see cref="LinkIds"/> (ESAS-r's total, for instance).</summary>
public sealed record ScoreDefinition(string Code, string Title, IReadOnlyList<string> LinkIds);

/// <summary>
/// A questionnaire, shaped like a FHIR R4 Questionnaire (code = <c>name</c>, items with <c>linkId</c>, <c>type</c>,
/// <c>answerOption</c>), with its scores and alert rules. A version is data, validated by a physician before use
/// (<see cref="QuestionnaireVersion"/>).
/// </summary>
public sealed record QuestionnaireDefinition(
    string Code,
    int Version,
    string Title,
    string Purpose,
    IReadOnlyList<string> Sources,
    IReadOnlyList<QuestionnaireItem> Items,
    IReadOnlyList<AlertRule> Rules,
    IReadOnlyList<ScoreDefinition>? Scores = null,
    string? CancerSite = null)
{
    public IReadOnlyList<ScoreDefinition> ScoreList => Scores ?? [];

    public QuestionnaireItem? Item(string linkId) => Items.FirstOrDefault(i => i.LinkId == linkId);

    /// <summary>Throws the first fault, named by its path (<c>items[2].answerOption</c>, <c>rules[0].when</c>).</summary>
    public void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 60 || Code.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            throw new DomainValidationException("code", "Le code d'un questionnaire est fait de minuscules, chiffres et tirets (60 caractères au plus).");
        if (Version < 1) throw new DomainValidationException("version", "La version d'un questionnaire commence à 1.");
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainValidationException("title", "Le titre est obligatoire.");
        if (Sources.Count == 0) throw new DomainValidationException("sources", "Un questionnaire cite ses sources.");
        if (Items.Count == 0) throw new DomainValidationException("items", "Un questionnaire pose au moins une question.");
        var seen = new HashSet<string>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (string.IsNullOrWhiteSpace(item.LinkId) || !seen.Add(item.LinkId))
                throw new DomainValidationException($"items[{i}].linkId", "Chaque question a un identifiant (linkId) qui lui est propre.");
            if (string.IsNullOrWhiteSpace(item.Text)) throw new DomainValidationException($"items[{i}].text", "Chaque question a un texte.");
            if (item.Type == ItemType.Choice && item.Options.Count < 2)
                throw new DomainValidationException($"items[{i}].answerOption", "Une question à choix propose au moins deux réponses.");
            if (item.Type != ItemType.Choice && item.Options.Count > 0)
                throw new DomainValidationException($"items[{i}].answerOption", "Seule une question à choix propose des réponses.");
            if (item.Min is { } min && item.Max is { } max && min > max)
                throw new DomainValidationException($"items[{i}].max", "Le maximum est au moins égal au minimum.");
        }
        var scores = new HashSet<string>();
        for (var s = 0; s < ScoreList.Count; s++)
        {
            var score = ScoreList[s];
            if (!scores.Add(score.Code) || seen.Contains(score.Code))
                throw new DomainValidationException($"scores[{s}].code", "Chaque score a un code qui lui est propre.");
            if (score.LinkIds.Count == 0 || score.LinkIds.Any(l => !seen.Contains(l)))
                throw new DomainValidationException($"scores[{s}].linkIds", "Un score additionne des questions du questionnaire.");
        }
        var rules = new HashSet<string>();
        for (var r = 0; r < Rules.Count; r++)
        {
            var rule = Rules[r];
            if (string.IsNullOrWhiteSpace(rule.Code) || !rules.Add(rule.Code))
                throw new DomainValidationException($"rules[{r}].code", "Chaque règle d'alerte a un code qui lui est propre.");
            if (string.IsNullOrWhiteSpace(rule.TeamAction) || string.IsNullOrWhiteSpace(rule.PatientInstruction))
                throw new DomainValidationException($"rules[{r}]", "Une règle dit ce que fait l'équipe et ce que fait le patient.");
            if (string.IsNullOrWhiteSpace(rule.Source)) throw new DomainValidationException($"rules[{r}].source", "Une règle cite sa source.");
            EnsureCondition(rule.When, $"rules[{r}].when", seen, scores);
        }
    }

    private static void EnsureCondition(RuleCondition condition, string path, HashSet<string> items, HashSet<string> scores)
    {
        switch (condition.Operator)
        {
            case ConditionOperator.All:
                if (condition.Conditions is not { Count: > 0 } all) throw new DomainValidationException(path, "Une conjonction porte sur au moins une condition.");
                for (var i = 0; i < all.Count; i++) EnsureCondition(all[i], $"{path}.conditions[{i}]", items, scores);
                break;
            case ConditionOperator.ScoreAtLeast:
                if (condition.LinkId is null || !scores.Contains(condition.LinkId) || condition.Value is null)
                    throw new DomainValidationException(path, "La condition porte sur un score du questionnaire et une valeur.");
                break;
            default:
                if (condition.LinkId is null || !items.Contains(condition.LinkId) || condition.Value is null)
                    throw new DomainValidationException(path, "La condition porte sur une question du questionnaire et une valeur.");
                break;
        }
    }
}
