using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

/// <summary>Early-return rules on CEA in colorectal cancer surveillance: above the upper limit, confirmed on the next assay.</summary>
public class CeaRulesTests
{
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
}
