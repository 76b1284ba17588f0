using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>Which cancer sites a board's specialty covers, and the reason a case on a board of another site needs.</summary>
public class BoardSitesTests
{
    [Theory]
    [InlineData("Sénologie", "C50.4", true)]
    [InlineData("Sénologie", "C61", false)]
    [InlineData("Oncologie digestive", "C18.7", true)]
    [InlineData("Oncologie digestive", "C20", true)]
    [InlineData("Oncologie digestive", "C50.2", false)]
    [InlineData("Urologie", "C61", true)]
    [InlineData("Neurologie", "C61", false)]
    [InlineData("Neuro-oncologie", "C71.9", true)]
    [InlineData("Thoracique", "C34.1", true)]
    [InlineData("Hématologie", "C83.3", true)]
    [InlineData("Gynécologie-Sénologie", "C50.4", true)]
    [InlineData("Gynécologie-Sénologie", "C53.9", true)]
    [InlineData("ORL et cervico-facial", "C32.0", true)]
    // A board naming no organ (recourse, general) covers every site.
    [InlineData("RCP de recours régionale", "C61", true)]
    public void ASite_FitsTheBoard_WhenItsSpecialtyCoversIt(string specialty, string site, bool fits) =>
        Assert.Equal(fits, A.Board().WithSpecialty(specialty).Build().Fits(site));

    [Fact]
    public void Register_OnABoardOfAnotherSite_NeedsAReason()
    {
        var error = A.Case().WithSite("C61").Refused();

        Assert.Equal("siteMismatchReason", error.Field);
        Assert.Contains("C61", error.Message);
    }

    [Fact]
    public void Register_OnABoardOfAnotherSite_KeepsTheReason()
    {
        var @case = A.Case().WithSite("C61").WithSiteMismatchReason("  Double localisation sein et prostate : discussion commune.  ").Register();

        Assert.Equal("Double localisation sein et prostate : discussion commune.", @case.SiteMismatchReason);
    }

    [Fact]
    public void Register_OnTheBoardOfTheSite_KeepsNoReason()
    {
        var @case = A.Case().WithSite("C50.9").WithSiteMismatchReason("Sans objet").Register();

        Assert.Null(@case.SiteMismatchReason);
    }
}
