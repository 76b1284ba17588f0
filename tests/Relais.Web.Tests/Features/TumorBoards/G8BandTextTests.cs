using Relais.Web.Features.TumorBoards.G8;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>The G8 form words the domain's bands: the page holds no copy of the age or BMI points.</summary>
public class G8BandTextTests
{
    private static string French(string key) => key;

    [Fact]
    public void TheAgeItem_IsWordedFromTheDomainsBands() =>
        Assert.Equal("moins de 80 ans : 2 ; de 80 à 85 ans : 1 ; plus de 85 ans : 0", G8BandText.Ages(French));

    [Fact]
    public void TheBodyMassIndexItem_IsWordedFromTheDomainsBands() =>
        Assert.Equal("moins de 19 : 0 ; de 19 à moins de 21 : 1 ; de 21 à moins de 23 : 2 ; 23 et plus : 3", G8BandText.BodyMassIndex(French));
}
