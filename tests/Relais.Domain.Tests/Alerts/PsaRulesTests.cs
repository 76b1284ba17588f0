using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

/// <summary>Early-return rules on PSA in prostate cancer surveillance: after prostatectomy (0.2 confirmed) and after radiotherapy (nadir + 2).</summary>
public class PsaRulesTests
{
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
}
