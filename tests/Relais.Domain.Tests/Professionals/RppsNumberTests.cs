using Relais.Domain.Professionals;

namespace Relais.Domain.Tests.Professionals;

public class RppsNumberTests
{
    [Theory]
    [InlineData("10001234565", "10001234565")]
    [InlineData("100 0123 4565", "10001234565")]
    [InlineData(" 10101010105 ", "10101010105")]
    public void Parse_AcceptsElevenDigitsWithTheirCheckDigit_IgnoringSpaces(string input, string expected) =>
        Assert.Equal(expected, RppsNumber.Parse(input).Value);

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("", "obligatoire")]
    [InlineData("1000123456", "11 chiffres")]
    [InlineData("100012345678", "11 chiffres")]
    [InlineData("1000123456A", "que des chiffres")]
    [InlineData("10001-234567", "que des chiffres")]
    [InlineData("10001234567", "chiffre de contrôle")]
    [InlineData("10001234556", "chiffre de contrôle")]
    public void TryParse_RefusesAnythingButElevenDigitsWithTheirCheckDigit(string? input, string expectedMessagePart)
    {
        Assert.False(RppsNumber.TryParse(input, out var rpps, out var error));
        Assert.Null(rpps);
        Assert.Contains(expectedMessagePart, error);
    }

    [Fact]
    public void AWrongCheckDigit_IsRefusedWithoutGivingTheRightOne()
    {
        Assert.False(RppsNumber.TryParse("10001234560", out _, out var error));
        Assert.DoesNotContain("5", error);
    }

    [Theory]
    [InlineData("7992739871", 3)]
    [InlineData("1000123456", 5)]
    [InlineData("1000000001", 7)]
    public void Luhn_CheckDigit(string digits, int expected)
    {
        Assert.Equal(expected, Luhn.CheckDigit(digits));
        Assert.True(Luhn.IsValid(digits + expected));
        Assert.False(Luhn.IsValid(digits + ((expected + 1) % 10)));
    }

    [Fact]
    public void Parse_ThrowsOnTheRppsField()
    {
        var exception = Assert.Throws<DomainValidationException>(() => RppsNumber.Parse("123"));

        Assert.Equal("rpps", exception.Field);
        Assert.Contains("11 chiffres", exception.Message);
    }
}
