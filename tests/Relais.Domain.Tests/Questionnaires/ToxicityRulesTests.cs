using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;

namespace Relais.Domain.Tests.Questionnaires;

/// <summary>The treatment-toxicity questionnaire's rules at and around their thresholds (ESMO/IDSA febrile neutropenia, PRO-CTCAE severity).</summary>
public class ToxicityRulesTests
{
    private static readonly string[] Symptoms = ["nausea", "vomiting", "diarrhoea", "mouth-sores", "pain", "fatigue", "shortness-of-breath", "hand-foot", "numbness", "rash", "bleeding"];

    internal static IReadOnlyList<string> Fired(QuestionnaireDefinition definition, Dictionary<string, string?> raw)
    {
        var answers = QuestionnaireEvaluation.Read(definition, raw);
        return [.. QuestionnaireEvaluation.Evaluate(definition, answers).Fired.Select(r => $"{r.Code} {r.Severity.Code()}")];
    }

    private static Dictionary<string, string?> NoSymptoms(params (string LinkId, string Value)[] overrides)
    {
        var raw = Symptoms.ToDictionary(s => s, _ => (string?)"0");
        raw["chills"] = "false";
        foreach (var (linkId, value) in overrides) raw[linkId] = value;
        return raw;
    }

    [Theory]
    [InlineData("37.5", new string[0])]
    [InlineData("38.2", new string[0])]
    [InlineData("38.29", new string[0])]
    [InlineData("38.3", new[] { "febrile-neutropenia-single urgent" })]
    [InlineData("38,7", new[] { "febrile-neutropenia-single urgent" })]
    [InlineData("36", new string[0])]
    [InlineData("35.9", new[] { "hypothermia urgent" })]
    public void OneTemperature_IsUrgentFrom38_3_OrBelow36(string temperature, string[] expected) =>
        Assert.Equal(expected, Fired(ToxicityQuestionnaire.Definition, NoSymptoms(("temperature", temperature))));

    [Theory]
    [InlineData("38.0", "38.0", new[] { "febrile-neutropenia-sustained urgent" })]
    [InlineData("38.1", "38.2", new[] { "febrile-neutropenia-sustained urgent" })]
    [InlineData("38.0", "37.9", new string[0])]
    [InlineData("37.9", "38.2", new string[0])]
    [InlineData("38.4", "38.0", new[] { "febrile-neutropenia-single urgent", "febrile-neutropenia-sustained urgent" })]
    public void TwoReadingsAnHourApart_AreUrgentWhenBothReach38(string first, string second, string[] expected) =>
        Assert.Equal(expected, Fired(ToxicityQuestionnaire.Definition, NoSymptoms(("temperature", first), ("temperature-second", second))));

    [Fact]
    public void Chills_AreUrgent_WithoutATemperature() =>
        Assert.Equal(["chills urgent"], Fired(ToxicityQuestionnaire.Definition, NoSymptoms(("chills", "true"))));

    [Theory]
    [InlineData("nausea", "2", null)]
    [InlineData("nausea", "3", "nausea-severe warning")]
    [InlineData("vomiting", "2", null)]
    [InlineData("vomiting", "3", "vomiting-severe urgent")]
    [InlineData("diarrhoea", "3", "diarrhoea-severe urgent")]
    [InlineData("mouth-sores", "4", "mouth-sores-severe warning")]
    [InlineData("pain", "3", "pain-severe warning")]
    [InlineData("fatigue", "3", "fatigue-severe warning")]
    [InlineData("shortness-of-breath", "2", null)]
    [InlineData("shortness-of-breath", "3", "shortness-of-breath-severe urgent")]
    [InlineData("hand-foot", "3", "hand-foot-severe warning")]
    [InlineData("numbness", "3", "numbness-severe warning")]
    [InlineData("rash", "3", "rash-severe warning")]
    [InlineData("bleeding", "2", null)]
    [InlineData("bleeding", "3", "bleeding-severe urgent")]
    public void ASymptom_AlertsFromSevere_OrOften(string symptom, string value, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], Fired(ToxicityQuestionnaire.Definition, NoSymptoms((symptom, value))));

    [Theory]
    [InlineData("fatigue", "2", "37", 2)]
    [InlineData("fatigue", "3", "37", 3)]
    [InlineData("fatigue", "1", "38.5", 3)]
    [InlineData("pain", "4", "37", 4)]
    public void TheGrade_IsTheHighestOfTheGradedItems_AndOfTheFiredRules(string symptom, string value, string temperature, int grade)
    {
        var definition = ToxicityQuestionnaire.Definition;
        var evaluation = QuestionnaireEvaluation.Evaluate(definition, QuestionnaireEvaluation.Read(definition, NoSymptoms((symptom, value), ("temperature", temperature))));
        Assert.Equal(grade, evaluation.Grade);
        Assert.Equal(grade >= 3, QuestionnaireEvaluation.CopiedToGp(evaluation.Grade));
    }

    [Fact]
    public void UrgentRules_ComeFirst_EachQuotingItsSource()
    {
        var definition = ToxicityQuestionnaire.Definition;
        var evaluation = QuestionnaireEvaluation.Evaluate(definition, QuestionnaireEvaluation.Read(definition, NoSymptoms(("fatigue", "3"), ("temperature", "39"))));
        Assert.Equal([AlertSeverity.Urgent, AlertSeverity.Warning], evaluation.Fired.Select(r => r.Severity));
        Assert.Contains("ESMO", evaluation.Fired[0].Source);
        Assert.Contains("IDSA", evaluation.Fired[0].Source);
        Assert.Contains("PRO-CTCAE", evaluation.Fired[1].Source);
    }

    [Theory]
    [InlineData("temperature", "45", "answers.temperature")]
    [InlineData("temperature", "33.9", "answers.temperature")]
    [InlineData("temperature", "chaud", "answers.temperature")]
    [InlineData("nausea", "5", "answers.nausea")]
    [InlineData("chills", "peut-être", "answers.chills")]
    [InlineData("unknown", "1", "answers.unknown")]
    public void ABadAnswer_NamesItsLinkId(string linkId, string value, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => QuestionnaireEvaluation.Read(ToxicityQuestionnaire.Definition, NoSymptoms((linkId, value))));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ARequiredQuestionLeftUnanswered_IsNamed()
    {
        var raw = NoSymptoms();
        raw.Remove("pain");
        Assert.Equal("answers.pain", Assert.Throws<DomainValidationException>(() => QuestionnaireEvaluation.Read(ToxicityQuestionnaire.Definition, raw)).Field);
    }
}
