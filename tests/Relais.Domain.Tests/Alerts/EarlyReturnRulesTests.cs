using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

public class EarlyReturnRulesTests
{
    private const string LaboratoryChange = "laboratory-change info control-assay";

    private static string[] Summaries(IReadOnlyList<Alert> alerts) => [.. alerts.Select(Summary)];

    [Theory]
    [InlineData("30", new string[0])]
    [InlineData("30.01", new[] { "ca15-3-rise warning control-assay" })]
    public void Ca153_FiresOnlyAboveTheUpperLimit(string value, string[] expected)
    {
        var alerts = Evaluate(Breast, Ca153(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "2027-01-15"), Ca153(20m, "2026-07-15"));

        Assert.Equal(expected, Summaries(alerts));
    }

    [Theory]
    [InlineData("49.96", new string[0])]
    [InlineData("50", new[] { "ca15-3-rise warning control-assay" })]
    public void Ca153_FiresOnlyFrom25PercentAboveTheLowestPostTreatmentValue(string value, string[] expected)
    {
        var alerts = Evaluate(Breast, Ca153(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "2027-01-15"),
            Ca153(44m, "2026-04-15"), Ca153(40m, "2026-07-15"), Ca153(42m, "2026-10-15"));

        Assert.Equal(expected, Summaries(alerts));
    }

    [Fact]
    public void Ca153SignificantRise_AsksForAControlInOneToTwoMonths_AndQuotesValuesDatesLaboratoryAndThresholds()
    {
        var alert = Assert.Single(Evaluate(Breast, Ca153(50m, "2027-01-15"), Ca153(40m, "2026-07-15")));

        Assert.Equal((AlertSeverity.Warning, AlertAction.ControlAssay), (alert.Severity, alert.Action));
        Assert.Equal(new DateOnly(2027, 2, 15), alert.Due);
        Assert.Equal(("ca15-3-rise", 1, "breast"), (alert.Rule, alert.RuleVersion, alert.ProtocolCode));
        foreach (var quoted in new[] { "50 U/mL le 15/01/2027", UsualLab, "30 U/mL", "25 %", "40 U/mL le 15/07/2026", "+25 %", "dans 1 à 2 mois", "même laboratoire", "version 1" })
        {
            Assert.Contains(quoted, alert.Explanation);
        }
    }

    [Fact]
    public void Ca153_UsesTheLaboratorysOwnUpperLimit_WhenItGivesOne()
    {
        Assert.Empty(Evaluate(Breast, Ca153(34m, "2027-01-15", upperLimit: 35m), Ca153(20m, "2026-07-15")));
        var alert = Assert.Single(Evaluate(Breast, Ca153(35.5m, "2027-01-15", upperLimit: 35m), Ca153(20m, "2026-07-15")));
        Assert.Contains("35 U/mL (laboratoire)", alert.Explanation);
    }

    [Fact]
    public void Ca153_IsNotComparedWithAnotherLaboratory_OnlyTheChangeIsFlagged()
    {
        var alerts = Evaluate(Breast, Ca153(40m, "2027-01-15"), Ca153(20m, "2026-07-15", OtherLab));

        Assert.Equal([LaboratoryChange], Summaries(alerts));
    }

    [Fact]
    public void Ca153_LowestValue_IsReadInTheSameLaboratoryOnly()
    {
        var alerts = Evaluate(Breast, Ca153(45m, "2027-07-15"), Ca153(40m, "2026-07-15"), Ca153(20m, "2027-01-15", OtherLab));

        Assert.Equal([LaboratoryChange], Summaries(alerts));
    }

    [Fact]
    public void Ca153_InitialWorkUp_IsNotAPostTreatmentBaseline()
    {
        Assert.Empty(Evaluate(Breast, Ca153(35m, "2026-07-15"), Ca153(10m, "2025-12-01")));
    }

    [Fact]
    public void Ca153_WithoutAnEarlierValueFromTheLaboratory_HasNothingToCompare()
    {
        Assert.Empty(Evaluate(Breast, Ca153(60m, "2026-07-15")));
    }

    [Theory]
    [InlineData(37, new[] { "ca15-3-accelerating-rise urgent specialist-opinion" })]
    [InlineData(36, new string[0])]
    public void Ca153_ThreeIncreasesEachLargerThanTheOneBefore_CallForTheSpecialistsOpinion(int value, string[] expected)
    {
        // Increases of 1, 2 then 3 U/mL accelerate; 1, 2 then 2 do not (and 36 is only +16 % above 31).
        var alerts = Evaluate(Breast, Ca153(value, "2028-01-15"), Ca153(31m, "2026-07-15"), Ca153(32m, "2027-01-15"), Ca153(34m, "2027-07-15"));

        Assert.Equal(expected, Summaries(alerts));
    }

    [Fact]
    public void Ca153_Acceleration_IgnoresTheValuesOfAnotherLaboratory()
    {
        var alerts = Evaluate(Breast, Ca153(37m, "2028-04-15"),
            Ca153(31m, "2026-07-15"), Ca153(32m, "2027-01-15"), Ca153(100m, "2027-04-15", OtherLab), Ca153(34m, "2027-07-15"), Ca153(36m, "2028-01-15", OtherLab));

        Assert.Equal(["ca15-3-accelerating-rise urgent specialist-opinion", LaboratoryChange], Summaries(alerts));
    }

    [Theory]
    [InlineData("2027-04-15", "40", "ca15-3-accelerating-rise urgent specialist-opinion")]
    [InlineData("2027-04-16", "40", "ca15-3-rise warning control-assay")]
    [InlineData("2027-04-15", "39.99", "ca15-3-rise warning control-assay")]
    public void Ca153_DoublingWithinThreeMonths_CallsForTheSpecialistsOpinion(string date, string value, string expected)
    {
        var alerts = Evaluate(Breast, Ca153(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), date), Ca153(20m, "2027-01-15"));

        Assert.Equal([expected], Summaries(alerts));
    }

    [Fact]
    public void Ca153Acceleration_IsUrgent_AndExplainsTheDoubling()
    {
        var alert = Assert.Single(Evaluate(Breast, Ca153(40m, "2027-04-15"), Ca153(20m, "2027-01-15")));

        Assert.Equal(AlertSeverity.Urgent, alert.Severity);
        Assert.Equal(Today.AddDays(7), alert.Due);
        Assert.Contains("doublée en 3 mois", alert.Explanation);
        Assert.Contains("20 U/mL le 15/01/2027", alert.Explanation);
    }

    [Fact]
    public void Result_DatedBeforeJ0_IsTheInitialWorkUp_AndRaisesNothing()
    {
        Assert.Empty(Evaluate(Breast, Ca153(80m, "2025-12-01"), Ca153(20m, "2025-10-01", OtherLab)));
    }

    [Theory]
    [InlineData("0.19", new string[0])]
    [InlineData("0.2", new[] { "psa-after-prostatectomy warning control-assay" })]
    public void PsaAfterProstatectomy_CallsForAControlFrom0Point2(string value, string[] expected)
    {
        var alerts = Evaluate(Prostatectomy, Psa(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "2026-10-15"), Psa(0.01m, "2026-04-15"));

        Assert.Equal(expected, Summaries(alerts));
    }

    [Theory]
    [InlineData("0.2", "0.2", "psa-after-prostatectomy-confirmed urgent early-return")]
    [InlineData("0.19", "0.25", "psa-after-prostatectomy warning control-assay")]
    public void PsaAfterProstatectomy_ConfirmedOnTwoConsecutiveAssays_IsAnEarlyReturn(string before, string value, string expected)
    {
        var alerts = Evaluate(Prostatectomy, Psa(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "2026-10-15"),
            Psa(decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture), "2026-07-15"));

        Assert.Equal([expected], Summaries(alerts));
    }

    [Fact]
    public void PsaAfterProstatectomy_WithAnotherLaboratoryInBetween_IsNotConfirmed()
    {
        var alerts = Evaluate(Prostatectomy, Psa(0.3m, "2027-01-15"), Psa(0.25m, "2026-07-15"), Psa(0.3m, "2026-10-15", OtherLab));

        Assert.Equal(["psa-after-prostatectomy warning control-assay", LaboratoryChange], Summaries(alerts));
    }

    [Fact]
    public void PsaAfterProstatectomy_IsNotConfirmedByAnotherLaboratory()
    {
        var alerts = Evaluate(Prostatectomy, Psa(0.3m, "2026-10-15"), Psa(0.3m, "2026-07-15", OtherLab));

        Assert.Equal(["psa-after-prostatectomy warning control-assay", LaboratoryChange], Summaries(alerts));
    }

    [Fact]
    public void PsaAfterProstatectomy_IsNotConfirmedByThePreoperativePsa()
    {
        var alert = Assert.Single(Evaluate(Prostatectomy, Psa(0.2m, "2026-04-15"), Psa(8.5m, "2025-10-01")));

        Assert.Equal("psa-after-prostatectomy", alert.Rule);
        Assert.Equal(new DateOnly(2026, 5, 15), alert.Due);
        Assert.Contains("0,2 ng/mL", alert.Explanation);
    }

    [Theory]
    [InlineData("2.49", new string[0])]
    [InlineData("2.5", new[] { "psa-phoenix urgent early-return" })]
    public void PsaAfterRadiotherapy_FromNadirPlus2_IsAnEarlyReturn(string value, string[] expected)
    {
        var alerts = Evaluate(ProstateRadiotherapy, Psa(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "2028-04-15"),
            Psa(4m, "2026-04-15"), Psa(1.2m, "2026-10-15"), Psa(0.5m, "2027-04-15"));

        Assert.Equal(expected, Summaries(alerts));
    }

    [Fact]
    public void PsaPhoenix_QuotesTheNadirAndTheThreshold()
    {
        var alert = Assert.Single(Evaluate(ProstateRadiotherapy, Psa(2.5m, "2028-04-15"), Psa(0.5m, "2027-04-15")));

        Assert.Contains("nadir 0,5 ng/mL le 15/04/2027", alert.Explanation);
        Assert.Contains("seuil 2,5 ng/mL", alert.Explanation);
        Assert.Contains("Phoenix", alert.Explanation);
    }

    [Fact]
    public void PsaNadir_IsReadInTheSameLaboratoryOnly()
    {
        Assert.Empty(Evaluate(ProstateRadiotherapy, Psa(2.3m, "2028-04-15"), Psa(0.1m, "2026-10-15", OtherLab), Psa(0.5m, "2027-04-15")));
    }

    [Fact]
    public void PsaAfterRadiotherapy_DoesNotUseTheProstatectomyThreshold()
    {
        Assert.Empty(Evaluate(ProstateRadiotherapy, Psa(0.25m, "2026-10-15"), Psa(0.1m, "2026-04-15")));
    }

    [Theory]
    [InlineData("5", new string[0])]
    [InlineData("5.01", new[] { "cea-above-limit warning control-assay" })]
    public void Cea_AboveTheUpperLimit_CallsForAControl(string value, string[] expected)
    {
        var alerts = Evaluate(Colorectal, Cea(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "2026-07-15"), Cea(2m, "2026-04-15"));

        Assert.Equal(expected, Summaries(alerts));
    }

    [Theory]
    [InlineData("5.5", "cea-confirmed urgent early-return")]
    [InlineData("5", "cea-above-limit warning control-assay")]
    public void Cea_ConfirmedOnTheNextAssay_IsAnEarlyReturn(string before, string expected)
    {
        var alerts = Evaluate(Colorectal, Cea(5.01m, "2026-07-15"), Cea(decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture), "2026-04-15"));

        Assert.Equal([expected], Summaries(alerts));
    }

    [Fact]
    public void Cea_WithAnotherLaboratoryInBetween_IsNotConfirmed()
    {
        var alerts = Evaluate(Colorectal, Cea(6m, "2026-10-15"), Cea(6m, "2026-04-15"), Cea(6m, "2026-07-15", OtherLab));

        Assert.Equal(["cea-above-limit warning control-assay", LaboratoryChange], Summaries(alerts));
    }

    [Fact]
    public void Cea_UsesTheLaboratorysOwnUpperLimit()
    {
        var alert = Assert.Single(Evaluate(Colorectal, Cea(4m, "2026-07-15", upperLimit: 3.4m), Cea(2m, "2026-04-15")));

        Assert.Contains("3,4 ng/mL (laboratoire)", alert.Explanation);
    }

    [Fact]
    public void Thresholds_AreTheProtocolVersionsData()
    {
        var rules = Rules(Colorectal, new EarlyReturnThresholds { CeaUpperLimit = 10m }) with { ProtocolVersion = 3 };

        Assert.Empty(EarlyReturnRules.Evaluate(rules, new ObservationContext(J0, []), Cea(6m, "2026-07-15"), Today));
        var alert = Assert.Single(EarlyReturnRules.Evaluate(rules, new ObservationContext(J0, []), Cea(10.5m, "2026-07-15"), Today));
        Assert.Equal(3, alert.RuleVersion);
        Assert.Contains("référentiel « colorectal » version 3", alert.Explanation);
        Assert.Contains("10 ng/mL", alert.Explanation);
    }

    [Fact]
    public void LaboratoryChange_IsAnInfo_AskingToRedoTheAssayInTheUsualLaboratory()
    {
        var alert = Assert.Single(Evaluate(Breast, Ca153(22m, "2027-01-15", OtherLab), Ca153(20m, "2026-07-15")));

        Assert.Equal(("laboratory-change", AlertSeverity.Info, AlertAction.ControlAssay), (alert.Rule, alert.Severity, alert.Action));
        Assert.Null(alert.Due);
        foreach (var quoted in new[] { "Changement de laboratoire", OtherLab, UsualLab, "22 U/mL le 15/01/2027", "20 U/mL le 15/07/2026", "toujours dans le même laboratoire" })
        {
            Assert.Contains(quoted, alert.Explanation);
        }
    }

    [Fact]
    public void LaboratoryChange_IsMeasuredAgainstThePreviousResultOfTheSameMarker()
    {
        Assert.Empty(Evaluate(Breast, Ca153(22m, "2027-01-15"), Ca153(20m, "2026-07-15"), Result(Marker.Cea, 2m, "2026-10-15", OtherLab)));
        Assert.Empty(Evaluate(Breast, Ca153(22m, "2027-01-15", "LABORATOIRE BIO ROUEN"), Ca153(20m, "2026-07-15")));
    }

    [Fact]
    public void Previous_ResultsDatedAfterTheNewOne_AreNotItsHistory()
    {
        Assert.Empty(Evaluate(Breast, Ca153(22m, "2026-07-15"), Ca153(20m, "2027-01-15", OtherLab)));
    }

    [Fact]
    public void Psa_InABreastProtocol_HasNoEarlyReturnRule()
    {
        Assert.Empty(Evaluate(Breast, Psa(5m, "2026-10-15"), Psa(0.1m, "2026-07-15")));
    }

    [Fact]
    public void Evaluate_RefusesAResultDatedAfterToday()
    {
        var result = Ca153(22m, "2029-12-31");

        var refused = Assert.Throws<DomainValidationException>(() =>
            EarlyReturnRules.Evaluate(Rules(Breast), new ObservationContext(J0, []), result, new DateOnly(2029, 12, 30)));

        Assert.Equal("effective", refused.Field);
    }

    [Fact]
    public void RuleSet_OfAProtocolVersion_CarriesItsCodeVersionKindAndThresholds()
    {
        var protocol = Surveillance.TestProtocols.Validated(ShippedProtocols.ProstateRadiotherapy);

        Assert.Equal(new EarlyReturnRuleSet("prostate-radiotherapy", 1, ProstateRadiotherapy, ShippedProtocols.ProstateRadiotherapy.Thresholds), protocol.RuleSet);
    }
}
