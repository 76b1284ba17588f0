using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

/// <summary>Early-return rules on CA 15-3 in breast cancer surveillance: upper limit, significant rise, acceleration, doubling.</summary>
public class Ca153RulesTests
{
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
    [InlineData(37, new[] { "ca15-3-accelerating-rise urgent early-return" })]
    [InlineData(36, new string[0])]
    public void Ca153_ThreeIncreasesEachLargerThanTheOneBefore_AreAnEarlyReturn(int value, string[] expected)
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

        Assert.Equal(["ca15-3-accelerating-rise urgent early-return", LaboratoryChange], Summaries(alerts));
    }

    [Theory]
    [InlineData("2027-04-15", "40", "ca15-3-accelerating-rise urgent early-return")]
    [InlineData("2027-04-16", "40", "ca15-3-rise warning control-assay")]
    [InlineData("2027-04-15", "39.99", "ca15-3-rise warning control-assay")]
    public void Ca153_DoublingWithinThreeMonths_IsAnEarlyReturn(string date, string value, string expected)
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

    [Theory]
    [InlineData("38", "ca15-3-rise-confirmed urgent early-return")]
    [InlineData("23", null)]
    public void Ca153SignificantRise_ConfirmedByTheControl_IsAnEarlyReturn(string control, string? expected)
    {
        // Lowest 19, then 36 (+89 %, above 30: control asked), then the control 45 days later.
        var alerts = Evaluate(Breast, Ca153(decimal.Parse(control, System.Globalization.CultureInfo.InvariantCulture), "2026-09-15"),
            Ca153(19m, "2026-03-01"), Ca153(36m, "2026-08-01"));

        Assert.Equal(expected is null ? [] : [expected], Summaries(alerts));
    }

    [Fact]
    public void Ca153ConfirmedRise_QuotesTheControlAndTheLowestValue()
    {
        var alert = Assert.Single(Evaluate(Breast, Ca153(38m, "2026-09-15"), Ca153(19m, "2026-03-01"), Ca153(36m, "2026-08-01")));

        Assert.Equal((AlertSeverity.Urgent, AlertAction.EarlyReturn, Today.AddDays(7), Marker.Ca153), (alert.Severity, alert.Action, alert.Due, alert.Marker));
        foreach (var quoted in new[] { "38 U/mL le 15/09/2026", "36 U/mL le 01/08/2026", "19 U/mL le 01/03/2026", "retour anticipé", "[B]" })
        {
            Assert.Contains(quoted, alert.Explanation);
        }
    }

    [Theory]
    [InlineData("29", "2026-08-01")]
    [InlineData("23", "2026-08-01")]
    public void Ca153Rise_NotPrecededByASignificantRiseSinceJ0_AsksOnlyForAControl(string before, string beforeOn)
    {
        // 29 is under the limit, 23 is less than 25 % above 19: neither was a significant rise to confirm.
        var alerts = Evaluate(Breast, Ca153(38m, "2026-09-15"),
            Ca153(19m, "2026-03-01"), Ca153(decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture), beforeOn));

        Assert.Equal(["ca15-3-rise warning control-assay"], Summaries(alerts));
    }

    [Fact]
    public void Result_DatedBeforeJ0_IsTheInitialWorkUp_AndRaisesNothing()
    {
        Assert.Empty(Evaluate(Breast, Ca153(80m, "2025-12-01"), Ca153(20m, "2025-10-01", OtherLab)));
    }
}
