using Relais.Domain.Patients;

namespace Relais.Domain.Tests.Patients;

public class InsNumberTests
{
    [Theory]
    [InlineData("1841276451089", 46)]
    [InlineData("2690299341732", 85)]
    [InlineData("175032A123456", 6)]
    [InlineData("175032B123456", 33)]
    [InlineData("291112B050123", 7)]
    public void ComputeKey_IsNinetySevenMinusTheNirModuloNinetySeven_WithCorsicaAsNineteenAndEighteen(string nir13, int expectedKey) =>
        Assert.Equal(expectedKey, InsNumber.ComputeKey(nir13));

    [Theory]
    [InlineData("184127645108946", "184127645108946")]
    [InlineData("1 84 12 76 451 089 46", "184127645108946")]
    [InlineData("1.84.12.76.451.089.46", "184127645108946")]
    [InlineData("  269029934173285 ", "269029934173285")]
    [InlineData("1 75 03 2A 123 456 06", "175032A12345606")]
    [InlineData("175032b12345633", "175032B12345633")]
    public void Parse_AcceptsAValidMatricule_AndNormalisesIt(string input, string expected) =>
        Assert.Equal(expected, InsNumber.Parse(input).Value);

    [Theory]
    [InlineData("184127645108946", "1 84 12 76 451 089 46")]
    [InlineData("175032A12345606", "1 75 03 2A 123 456 06")]
    public void Formatted_GroupsTheMatriculeAsOnTheCarteVitale(string input, string expected) =>
        Assert.Equal(expected, InsNumber.Parse(input).Formatted);

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("   ", "obligatoire")]
    [InlineData("18412764510894", "doit comporter 15 caractères")]
    [InlineData("1841276451089460", "doit comporter 15 caractères")]
    [InlineData("584127645108946", "sexe")]
    [InlineData("084127645108946", "sexe")]
    [InlineData("18412764510894A", "que des chiffres")]
    [InlineData("1841A7645108946", "que des chiffres")]
    [InlineData("184122C45108946", "que des chiffres")]
    [InlineData("18412764510A946", "que des chiffres")]
    [InlineData("184127645108900", "entre 01 et 97")]
    [InlineData("184127645108998", "entre 01 et 97")]
    [InlineData("184127645108947", "La clé du matricule INS ne correspond pas au numéro")]
    [InlineData("184127645109846", "La clé du matricule INS ne correspond pas au numéro")]
    [InlineData("175032B12345606", "La clé du matricule INS ne correspond pas au numéro")]
    public void TryParse_RefusesAnInvalidMatricule_WithAFrenchReason(string? input, string expectedMessagePart)
    {
        var parsed = InsNumber.TryParse(input, out var ins, out var error);

        Assert.False(parsed);
        Assert.Null(ins);
        Assert.Contains(expectedMessagePart, error);
    }

    [Fact]
    public void TryParse_ReportsTheInsFieldAndNoError_WhenValid()
    {
        Assert.True(InsNumber.TryParse("291112B05012307", out var ins, out var error));
        Assert.Null(error);
        Assert.Equal("291112B05012307", ins!.ToString());
    }

    [Fact]
    public void Parse_ThrowsOnTheInsField_WithTheSameMessageAsTryParse()
    {
        var exception = Assert.Throws<DomainValidationException>(() => InsNumber.Parse("184127645108947"));

        Assert.Equal("ins", exception.Field);
        Assert.StartsWith("La clé du matricule INS ne correspond pas au numéro", exception.Message);
    }

    [Theory]
    [InlineData("184127645108947", "46")]
    [InlineData("175032B12345606", "33")]
    public void AWrongKey_IsRefusedWithoutGivingTheRightOne(string input, string rightKey)
    {
        Assert.False(InsNumber.TryParse(input, out _, out var error));
        Assert.DoesNotContain(rightKey, error);
    }

    [Fact]
    public void TwoWritingsOfTheSameMatricule_AreEqual() =>
        Assert.Equal(InsNumber.Parse("1 84 12 76 451 089 46"), InsNumber.Parse("184127645108946"));

    [Theory]
    [InlineData(0, '2')]
    [InlineData(5, '9')]
    [InlineData(12, '0')]
    public void AnySingleCharacterTypo_IsCaughtByTheKey(int position, char typo)
    {
        var chars = "184127645108946".ToCharArray();
        chars[position] = typo;

        Assert.False(InsNumber.TryParse(new string(chars), out _, out _));
    }
}
