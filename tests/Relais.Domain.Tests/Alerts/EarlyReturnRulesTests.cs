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
