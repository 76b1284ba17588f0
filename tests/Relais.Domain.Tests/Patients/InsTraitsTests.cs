using Relais.Domain.Patients;

namespace Relais.Domain.Tests.Patients;

/// <summary>The NIR's sex digit and year and month of birth against the identity typed beside it (RNIV).</summary>
public class InsTraitsTests
{
    /// <summary>An INS with a valid key from its first 13 characters.</summary>
    private static InsNumber Ins(string nir13) => InsNumber.Parse(nir13 + InsNumber.ComputeKey(nir13).ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    // sex digit, then what is typed: agreeing, or each field contradicted
    [InlineData("1620576123450", "Male", "1962-05-14", "")]
    [InlineData("2800576123450", "Female", "1980-05-02", "")]
    [InlineData("3620576123450", "Male", "1962-05-14", "")]
    [InlineData("4620576123450", "Female", "1962-05-14", "")]
    [InlineData("7620576123450", "Male", "1962-05-14", "")]
    [InlineData("8620576123450", "Female", "1962-05-14", "")]
    [InlineData("2800576123450", "Male", "1962-05-14", "sex,birthDate")]
    [InlineData("2800576123450", "Male", "1980-05-02", "sex")]
    [InlineData("1620576123450", "Female", "1962-05-14", "sex")]
    [InlineData("3620576123450", "Female", "1962-05-14", "sex")]
    [InlineData("7620576123450", "Female", "1962-05-14", "sex")]
    [InlineData("4620576123450", "Male", "1962-05-14", "sex")]
    [InlineData("8620576123450", "Male", "1962-05-14", "sex")]
    [InlineData("1620576123450", "Male", "1963-05-14", "birthDate")]
    [InlineData("1620576123450", "Male", "1862-05-14", "")]
    [InlineData("1620576123450", "Male", "1962-06-14", "birthDate")]
    // pseudo-months: no calendar month to compare, the year still counts
    [InlineData("1622076123450", "Male", "1962-07-14", "")]
    [InlineData("1623076123450", "Male", "1962-11-01", "")]
    [InlineData("1624276123450", "Male", "1962-01-01", "")]
    [InlineData("1625076123450", "Male", "1962-03-03", "")]
    [InlineData("1629976123450", "Male", "1962-12-31", "")]
    [InlineData("1622076123450", "Male", "1961-07-14", "birthDate")]
    // a sex recorded as other or unknown contradicts nothing
    [InlineData("1620576123450", "Other", "1962-05-14", "")]
    [InlineData("2620576123450", "Unknown", "1962-05-14", "")]
    public void Mismatches_NameTheFieldsTheNirContradicts(string nir13, string sex, string birth, string expected)
    {
        var found = InsTraits.Mismatches(Ins(nir13), Enum.Parse<Sex>(sex), DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), found.Keys.Order());
    }

    [Theory]
    [InlineData("1620576123450", 5)]
    [InlineData("1621276123450", 12)]
    [InlineData("1620076123450", null)]
    [InlineData("1621376123450", null)]
    [InlineData("1622076123450", null)]
    [InlineData("1623576123450", null)]
    [InlineData("1626176123450", null)]
    public void MonthOf_IsACalendarMonthOrNothing(string nir13, int? month) => Assert.Equal(month, InsTraits.MonthOf(Ins(nir13)));

    [Fact]
    public void Mismatches_SayWhichDigitsDiffer_NeverTheExpectedValue()
    {
        var found = InsTraits.Mismatches(Ins("2800576123450"), Sex.Male, new DateOnly(1962, 5, 14));
        Assert.Contains("femme", found["sex"]);
        Assert.DoesNotContain("1980", found["birthDate"]);
    }
}
