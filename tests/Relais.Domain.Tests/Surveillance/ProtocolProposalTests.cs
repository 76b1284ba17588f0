using Relais.Domain.Surveillance;

namespace Relais.Domain.Tests.Surveillance;

public class ProtocolProposalTests
{
    private static readonly (string, ProtocolKind)[] Shipped =
        [.. new[] { ShippedProtocols.Breast, ShippedProtocols.Colorectal, ShippedProtocols.ProstateProstatectomy }.Select(p => (p.Code, p.Kind))];

    [Theory]
    [InlineData("C50.4", "breast")]
    [InlineData("c50", "breast")]
    [InlineData("C18.7", "colorectal")]
    [InlineData("C19", "colorectal")]
    [InlineData("C20", "colorectal")]
    [InlineData("C61", "prostate-prostatectomy")]
    [InlineData("C34.1", null)]
    [InlineData("C83.3", null)]
    [InlineData(null, null)]
    public void TheSiteOfTheCancer_ProposesItsProtocol(string? site, string? expected) =>
        Assert.Equal(expected, ProtocolProposal.CodeFor(site, Shipped));

    [Fact]
    public void AfterRadiotherapy_TheProstateProtocolProposedIsTheRadiotherapyOne()
    {
        Assert.Equal(ProtocolKind.ProstateRadiotherapy, ProtocolProposal.KindFor("C61", radiotherapy: true));
        Assert.Equal(ProtocolKind.Prostatectomy, ProtocolProposal.KindFor("C61"));
        // Radiotherapy changes nothing where the site has one protocol.
        Assert.Equal(ProtocolKind.Breast, ProtocolProposal.KindFor("C50.2", radiotherapy: true));
    }

    [Fact]
    public void WithoutAUsableProtocolOfTheSitesKind_NothingIsProposed() =>
        Assert.Null(ProtocolProposal.CodeFor("C61", [("breast", ProtocolKind.Breast)]));

    private static readonly string[] FollowUpSites = ["C50", "C18", "C19", "C20", "C61"];

    // A monitoring module (issue 16) is added by a treatment, not proposed for a site.
    [Fact]
    public void EveryProtocolKindIsProposedForSomeSite() =>
        Assert.All(Enum.GetValues<ProtocolKind>().Where(k => k != ProtocolKind.MonitoringModule), k => Assert.Contains(FollowUpSites, s => ProtocolProposal.KindsFor(s).Contains(k)));
}
