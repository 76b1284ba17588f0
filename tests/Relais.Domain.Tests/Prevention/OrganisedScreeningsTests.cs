using Relais.Domain.Patients;
using Relais.Domain.Prevention;

namespace Relais.Domain.Tests.Prevention;

/// <summary>The organised screenings that continue after a cancer (issue 16 point 4), by sex, age and first cancer.</summary>
public class OrganisedScreeningsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static TheoryData<Sex, string, string[], string> Cases() => new()
    {
        // A woman of 56 after a colon cancer: breast and cervix, not the colorectal test (her colonoscopies replace it).
        { Sex.Female, "1970-05-14", ["C18.7"], "Breast 2026-11-23..2045-05-13; Cervical 2026-11-23..2036-05-13" },
        // A woman of 56 after a breast cancer: colorectal and cervix, not the screening mammography.
        { Sex.Female, "1970-05-14", ["C50.4"], "Colorectal 2026-11-23..2045-05-13; Cervical 2026-11-23..2036-05-13" },
        // A man of 62 after a prostate cancer: the colorectal test only.
        { Sex.Male, "1964-02-01", ["C61"], "Colorectal 2026-11-23..2039-01-31" },
        // A woman of 40: the cervix now, breast and colorectal from her fiftieth birthday.
        { Sex.Female, "1986-03-10", ["C73"], "Breast 2036-03-10..2061-03-09; Colorectal 2036-03-10..2061-03-09; Cervical 2026-11-23..2052-03-09" },
        // A woman of 80: every window is over.
        { Sex.Female, "1946-01-01", ["C34.1"], "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_FollowsSexAgeAndTheFirstCancer(Sex sex, string birth, string[] sites, string expected)
    {
        var due = OrganisedScreenings.Due(sex, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), sites, Today);

        Assert.Equal(expected, string.Join("; ", due.Select(d => $"{d.Line.Programme} {d.From:yyyy-MM-dd}..{d.Until:yyyy-MM-dd}")));
    }

    [Theory]
    [InlineData(ScreeningProgramme.Breast, 50, 74, 24, "femmes de 50 à 74 ans, tous les 2 ans")]
    [InlineData(ScreeningProgramme.Colorectal, 50, 74, 24, "femmes et hommes de 50 à 74 ans, tous les 2 ans")]
    [InlineData(ScreeningProgramme.Cervical, 25, 65, 36, "cytologie tous les 3 ans de 25 à 29 ans")]
    public void Programme_AgesAndIntervals_AreThoseItsSourceStates(ScreeningProgramme programme, int from, int to, int months, string quoted)
    {
        var line = OrganisedScreenings.Table.Single(l => l.Programme == programme);

        Assert.Equal((from, to, months), (line.FromAge, line.ToAge, line.EveryMonths));
        Assert.Contains(quoted, line.Source, StringComparison.Ordinal);
        Assert.StartsWith("[R]", line.Source, StringComparison.Ordinal);
        Assert.Contains("[G] §3.7", line.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScreeningProgramme.Cervical, 29, 36)]
    [InlineData(ScreeningProgramme.Cervical, 30, 60)]
    [InlineData(ScreeningProgramme.Breast, 60, 24)]
    public void Interval_OfTheCervicalTest_GoesFromThreeToFiveYearsAtThirty(ScreeningProgramme programme, int age, int months) =>
        Assert.Equal(months, OrganisedScreenings.IntervalMonths(OrganisedScreenings.Table.Single(l => l.Programme == programme), age));
}
