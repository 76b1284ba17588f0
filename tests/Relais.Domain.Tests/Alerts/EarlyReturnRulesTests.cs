using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

/// <summary>What every early-return rule shares: the protocol version's thresholds, the laboratory change, the history read, the dates.</summary>
public class EarlyReturnRulesTests
{
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

/// <summary>The threshold a marker chart draws is the rule's, for the protocol version the patient is on.</summary>
public class MarkerThresholdTests
{
    [Theory]
    [InlineData(Prostatectomy, "0.2 AfterProstatectomy")]
    [InlineData(ProstateRadiotherapy, "2.5 NadirPlus")]
    public void PsaThreshold_FollowsTheProtocolKind(ProtocolKind kind, string expected)
    {
        // The nadir is read since J0 in the latest result's laboratory: neither the pre-treatment 8.5 nor the other laboratory's 0.1.
        var threshold = EarlyReturnRules.Threshold(Rules(kind), J0, Marker.Psa,
            [Psa(8.5m, "2025-12-01"), Psa(0.1m, "2026-04-01", OtherLab), Psa(0.5m, "2026-06-01"), Psa(1.1m, "2026-10-01")]);

        Assert.Equal(expected, $"{threshold!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {threshold.Kind}");
    }

    [Fact]
    public void UpperLimit_IsTheLatestResultsLaboratoryLimit_ElseTheProtocolDefault()
    {
        Assert.Equal(new MarkerThreshold(35m, MarkerThresholdKind.UpperLimit, true),
            EarlyReturnRules.Threshold(Rules(Breast), J0, Marker.Ca153, [Ca153(20m, "2026-04-01"), Ca153(22m, "2026-10-01", upperLimit: 35m)]));
        Assert.Equal(new MarkerThreshold(5m, MarkerThresholdKind.UpperLimit, false),
            EarlyReturnRules.Threshold(Rules(Colorectal), J0, Marker.Cea, [Cea(2m, "2026-04-01")]));
    }

    [Fact]
    public void Psa_InABreastProtocol_HasNoThreshold() =>
        Assert.Null(EarlyReturnRules.Threshold(Rules(Breast), J0, Marker.Psa, [Psa(1m, "2026-04-01")]));

    [Theory]
    [InlineData("breast", Marker.Ca153)]
    [InlineData("colorectal", Marker.Cea)]
    [InlineData("prostate-prostatectomy", Marker.Psa)]
    [InlineData("prostate-radiotherapy", Marker.Psa)]
    public void TheMarkersAProtocolFollows_AreReadFromItsAssays(string code, Marker marker)
    {
        var protocol = ShippedProtocols.All.Single(p => p.Code == code);

        Assert.Equal([marker], protocol.Markers);
    }
}
