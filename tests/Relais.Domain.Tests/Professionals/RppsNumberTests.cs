using Relais.Domain.Professionals;

namespace Relais.Domain.Tests.Professionals;

public class RppsNumberTests
{
    [Theory]
    [InlineData("10001234567", "10001234567")]
    [InlineData("100 0123 4567", "10001234567")]
    [InlineData(" 10101010101 ", "10101010101")]
    public void Parse_AcceptsElevenDigits_IgnoringSpaces(string input, string expected) =>
        Assert.Equal(expected, RppsNumber.Parse(input).Value);

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("", "obligatoire")]
    [InlineData("1000123456", "11 chiffres")]
    [InlineData("100012345678", "11 chiffres")]
    [InlineData("1000123456A", "que des chiffres")]
    [InlineData("10001-234567", "que des chiffres")]
    public void TryParse_RefusesAnythingButElevenDigits(string? input, string expectedMessagePart)
    {
        Assert.False(RppsNumber.TryParse(input, out var rpps, out var error));
        Assert.Null(rpps);
        Assert.Contains(expectedMessagePart, error);
    }

    [Fact]
    public void Parse_ThrowsOnTheRppsField()
    {
        var exception = Assert.Throws<DomainValidationException>(() => RppsNumber.Parse("123"));

        Assert.Equal("rpps", exception.Field);
        Assert.Contains("11 chiffres", exception.Message);
    }
}
