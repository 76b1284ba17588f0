using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;
using static Relais.Domain.Tests.Questionnaires.ToxicityRulesTests;

namespace Relais.Domain.Tests.Questionnaires;

/// <summary>ESAS-r, the warning signs per site, and the definitions' own validation.</summary>
public class OtherQuestionnairesTests
{
    private static readonly string[] Esas = ["pain", "tiredness", "drowsiness", "nausea", "appetite", "shortness-of-breath", "depression", "anxiety", "wellbeing"];

    private static Dictionary<string, string?> EsasAnswers(string linkId, string value)
    {
        var raw = Esas.ToDictionary(s => s, _ => (string?)"2");
        raw[linkId] = value;
        return raw;
    }

    [Theory]
    [InlineData("pain", "6", null)]
    [InlineData("pain", "7", "esas-pain-severe warning")]
    [InlineData("anxiety", "10", "esas-anxiety-severe warning")]
    [InlineData("shortness-of-breath", "6", null)]
    [InlineData("shortness-of-breath", "7", "esas-shortness-of-breath-severe urgent")]
    public void Esas_AlertsFrom7_TheSevereBand(string linkId, string value, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], Fired(EsasQuestionnaire.Definition, EsasAnswers(linkId, value)));

    [Fact]
    public void Esas_TotalIsTheSumOfTheNineSymptoms()
    {
        var definition = EsasQuestionnaire.Definition;
        var evaluation = QuestionnaireEvaluation.Evaluate(definition, QuestionnaireEvaluation.Read(definition, EsasAnswers("pain", "9")));
        Assert.Equal(8 * 2 + 9, evaluation.Scores[EsasQuestionnaire.Total]);
    }

    [Theory]
    [InlineData("C50.4", "warning-signs-breast")]
    [InlineData("C50", "warning-signs-breast")]
    [InlineData("C18.2", "warning-signs-colorectal")]
    [InlineData("C20", "warning-signs-colorectal")]
    [InlineData("C21.0", null)]
    [InlineData("C61", "warning-signs-prostate")]
    [InlineData("C34.1", "warning-signs-lung")]
    [InlineData("C17", null)]
    [InlineData(null, null)]
    public void EachSite_HasItsWarningSigns(string? icd10, string? expected) =>
        Assert.Equal(expected, WarningSignQuestionnaires.ForSite(icd10)?.Code);

    [Theory]
    [InlineData("warning-signs-breast", "lump", ClinicalCriteria.ClinicalOrRadiologicalChange, AlertSeverity.Warning)]
    [InlineData("warning-signs-breast", "bone-pain", ClinicalCriteria.SuspectedMetastasis, AlertSeverity.Warning)]
    [InlineData("warning-signs-prostate", "legs", ClinicalCriteria.SuspectedMetastasis, AlertSeverity.Urgent)]
    [InlineData("warning-signs-lung", "blood", ClinicalCriteria.ClinicalOrRadiologicalChange, AlertSeverity.Urgent)]
    [InlineData("warning-signs-colorectal", "blood", ClinicalCriteria.ClinicalOrRadiologicalChange, AlertSeverity.Warning)]
    public void AWarningSign_IsAnEarlyReturnCriterionOfB(string code, string linkId, ClinicalCriteria criterion, AlertSeverity severity)
    {
        var definition = WarningSignQuestionnaires.All.Single(d => d.Code == code);
        var yes = QuestionnaireEvaluation.Evaluate(definition, QuestionnaireEvaluation.Read(definition, new Dictionary<string, string?> { [linkId] = "true" }));
        var rule = Assert.Single(yes.Fired);
        Assert.Equal((criterion, severity), (rule.EarlyReturn, rule.Severity));
        Assert.Contains("[B]", rule.Source);
        Assert.Empty(QuestionnaireEvaluation.Evaluate(definition, QuestionnaireEvaluation.Read(definition, new Dictionary<string, string?> { [linkId] = "false" })).Fired);
    }

    [Fact]
    public void EveryShippedQuestionnaire_IsValid_AndEveryRuleCitesItsSource()
    {
        foreach (var definition in ShippedQuestionnaires.All)
        {
            definition.EnsureValid();
            Assert.All(definition.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        }
        Assert.Equal(ShippedQuestionnaires.All.Count, ShippedQuestionnaires.All.Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public void ADefinition_NamesItsFirstFault()
    {
        var toxicity = ToxicityQuestionnaire.Definition;
        var duplicate = toxicity with { Items = [.. toxicity.Items, toxicity.Items[0]] };
        Assert.Equal($"items[{toxicity.Items.Count}].linkId", Assert.Throws<DomainValidationException>(duplicate.EnsureValid).Field);
        var unknownItem = toxicity with { Rules = [toxicity.Rules[0] with { When = RuleCondition.AtLeast("nowhere", 1) }] };
        Assert.Equal("rules[0].when", Assert.Throws<DomainValidationException>(unknownItem.EnsureValid).Field);
        var noSource = toxicity with { Rules = [toxicity.Rules[0] with { Source = " " }] };
        Assert.Equal("rules[0].source", Assert.Throws<DomainValidationException>(noSource.EnsureValid).Field);
    }
}
