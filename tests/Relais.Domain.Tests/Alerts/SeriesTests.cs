using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

/// <summary>
/// Marker results are read as a series in the order of their dates, not of their arrival: a late result
/// takes its place and the open alerts follow, one per concern, escalated, updated or closed.
/// </summary>
public class SeriesTests
{
    [Fact]
    public void Psa_ALateEarlierResult_ConfirmsTheRise_InsteadOfASecondControl()
    {
        // 0.25 (day −20) entered before 0.21 (day −90): one alert, escalated to the confirmed rise.
        var (alerts, changes) = Enter(Prostatectomy, Psa(0.25m, "2029-12-12"), Psa(0.21m, "2029-10-03"));

        Assert.Equal(["psa-after-prostatectomy-confirmed urgent early-return"], Open(alerts));
        Assert.Single(alerts);
        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Escalated], changes.Select(c => c.Kind));
    }

    [Fact]
    public void Psa_ANadirEnteredAfterTheRise_RaisesThePhoenixAlert()
    {
        var (alerts, _) = Enter(ProstateRadiotherapy, Psa(2.6m, "2029-12-01"), Psa(0.5m, "2029-06-01"));

        var alert = Assert.Single(alerts);
        Assert.Equal(["psa-phoenix urgent early-return"], Open(alerts));
        Assert.Contains("nadir 0,5 ng/mL le 01/06/2029", alert.Explanation);
    }

    [Fact]
    public void Cea_ALateEarlierResult_ConfirmsTheRise()
    {
        var (alerts, _) = Enter(Colorectal, Cea(7m, "2029-12-12"), Cea(6.2m, "2029-10-03"));

        Assert.Equal(["cea-confirmed urgent early-return"], Open(alerts));
    }

    [Fact]
    public void Ca153_ALowestValueEnteredLate_RaisesTheRise()
    {
        var (alerts, _) = Enter(Breast, Ca153(36m, "2029-09-01"), Ca153(19m, "2029-03-01"));

        Assert.Equal(["ca15-3-rise warning control-assay"], Open(alerts));
    }

    [Fact]
    public void AControlUnderTheThreshold_ClosesTheOpenAlert_WithTheReason()
    {
        var (alerts, changes) = Enter(Prostatectomy, Psa(0.25m, "2029-10-01"), Psa(0.1m, "2029-11-15"));

        var closed = Assert.Single(alerts);
        Assert.False(closed.IsOpen);
        Assert.Equal(AlertChangeKind.Closed, changes[^1].Kind);
        Assert.Contains("ne remplit plus la règle", closed.ClosedReason);
        Assert.Contains("0,1 ng/mL le 15/11/2029", closed.ClosedReason);
    }

    [Fact]
    public void FourRisingCeaResults_GiveOneAlert_EscalatedOnce_ThenUpdated()
    {
        var (alerts, changes) = Enter(Colorectal, Cea(6m, "2029-03-01"), Cea(7m, "2029-06-01"), Cea(8m, "2029-09-01"), Cea(9m, "2029-12-01"));

        var alert = Assert.Single(alerts);
        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Escalated, AlertChangeKind.Updated, AlertChangeKind.Updated], changes.Select(c => c.Kind));
        Assert.Equal("cea-confirmed", alert.Rule);
        Assert.Contains("9 ng/mL le 01/12/2029", alert.Explanation);
        Assert.Contains("8 ng/mL le 01/09/2029", alert.Explanation);
    }

    [Fact]
    public void Ca153_RiseThenItsConfirmingControl_IsOneAlert_EscalatedToAnEarlyReturn()
    {
        var (alerts, changes) = Enter(Breast, Ca153(19m, "2029-03-01"), Ca153(36m, "2029-08-01"), Ca153(38m, "2029-09-15"));

        var alert = Assert.Single(alerts);
        Assert.Equal((EarlyReturnRuleCodes.Ca153RiseConfirmed, AlertAction.EarlyReturn), (alert.Rule, alert.Action));
        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Escalated], changes.Select(c => c.Kind));
    }

    [Fact]
    public void AResultFromAnotherLaboratory_DoesNotClearTheUsualLaboratorysAlert()
    {
        var (alerts, _) = Enter(Breast, Ca153(20m, "2029-03-01"), Ca153(24m, "2029-06-01"), Ca153(31m, "2029-09-01"), Ca153(25m, "2029-10-01", OtherLab));

        Assert.Equal(["ca15-3-rise warning control-assay", LaboratoryChange], Open(alerts));
    }

    [Fact]
    public void TheLaboratoryChange_IsClosed_OnceTheUsualLaboratoryIsBack()
    {
        var (alerts, _) = Enter(Breast, Ca153(20m, "2029-03-01"), Ca153(22m, "2029-06-01", OtherLab), Ca153(21m, "2029-09-01"), Ca153(20m, "2029-12-01"));

        Assert.Empty(Open(alerts));
        Assert.Contains(alerts, a => a.Rule == EarlyReturnRuleCodes.LaboratoryChange && a.ClosedReason is not null);
    }

    [Fact]
    public void ALowerLevel_ClosesTheOpenAlert_AndRaisesTheLowerOne()
    {
        // 6 then 8 is confirmed; a 4 entered late between them leaves only the control of 8.
        var (alerts, changes) = Enter(Colorectal, Cea(6m, "2029-03-01"), Cea(8m, "2029-09-01"), Cea(4m, "2029-06-01"));

        Assert.Equal(["cea-above-limit warning control-assay"], Open(alerts));
        Assert.Contains(changes, c => c.Kind == AlertChangeKind.Closed && c.Alert.Rule == "cea-confirmed" && c.Alert.ClosedReason!.Contains("moindre niveau", StringComparison.Ordinal));
    }

    public static TheoryData<ProtocolKind, string[]> Series => new()
    {
        { Prostatectomy, ["0.05 2029-02-01", "0.21 2029-10-03", "0.25 2029-12-12"] },
        { Prostatectomy, ["0.25 2029-05-01", "0.1 2029-07-01", "0.22 2029-09-01", "0.3 2029-11-01", "0.15 2029-12-01"] },
        { Prostatectomy, ["0.3 2029-05-01", "0.3 2029-07-01 other", "0.4 2029-09-01", "8.5 2025-12-01", "0.2 2029-10-01"] },
        { ProstateRadiotherapy, ["4 2026-04-01", "1.2 2026-10-01", "0.5 2027-04-01", "2.6 2028-04-01", "3.1 2028-10-01"] },
        { ProstateRadiotherapy, ["0.5 2027-04-01", "2.6 2028-04-01", "0.1 2027-10-01 other", "2.4 2028-10-01 other"] },
        { Colorectal, ["6 2029-03-01", "7 2029-06-01", "8 2029-09-01", "9 2029-12-01", "4 2029-04-01"] },
        { Colorectal, ["6.2 2029-03-01", "4 2029-06-01", "7 2029-09-01 other", "7.5 2029-11-01", "5.5 2029-12-01"] },
        { Breast, ["19 2029-03-01", "36 2029-08-01", "38 2029-09-15", "25 2029-11-01", "80 2029-12-01"] },
        { Breast, ["20 2029-03-01", "24 2029-06-01", "31 2029-09-01", "45 2029-10-01 other", "70 2029-11-01"] },
        { Breast, ["31 2026-07-15", "32 2027-01-15", "34 2027-07-15", "37 2028-01-15", "10 2025-12-01"] },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void EveryOrderOfArrival_GivesTheAlertsOfTheDateOrderedSeries(ProtocolKind kind, string[] series)
    {
        var marker = kind switch { Breast => Marker.Ca153, Colorectal => Marker.Cea, _ => Marker.Psa };
        var results = series.Select(r => r.Split(' ')).Select(p => Result(marker, decimal.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], p.Length > 2 ? OtherLab : UsualLab)).ToArray();
        var expected = State(Enter(kind, [.. results.OrderBy(r => r.Effective)]).Alerts);
        Assert.Equal(Summaries(EarlyReturnRules.EvaluateSeries(Rules(kind), J0, Patient, marker, results, Today).Holding).Order(StringComparer.Ordinal),
            Open(Enter(kind, [.. results.OrderBy(r => r.Effective)]).Alerts).Order(StringComparer.Ordinal));

        foreach (var order in Permutations(results))
        {
            var (alerts, _) = Enter(kind, order);
            Assert.Equal(expected, State(alerts));
            Assert.All(alerts.Where(a => a.IsOpen).GroupBy(a => a.Concern), g => Assert.Single(g));
        }
    }

    private static string[] State(IEnumerable<StoredAlert> alerts) =>
        [.. alerts.Where(a => a.IsOpen).OrderBy(a => a.Concern, StringComparer.Ordinal).Select(a => $"{a.Concern}|{a.Rule}|{a.Severity}|{a.Action}|{a.Due}|{a.Explanation}")];

    private static IEnumerable<Observation[]> Permutations(Observation[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
