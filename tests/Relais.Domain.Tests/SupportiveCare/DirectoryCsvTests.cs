using Relais.Domain.SupportiveCare;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The directory's CSV import: each line checked and numbered as in the file.</summary>
public class DirectoryCsvTests
{
    private const string Header = "name;kind;services;address;postcode;commune;acceptsPostCancerPackage;free;phone;email";

    [Fact]
    public void Parse_ReadsEachLine_WithQuotedSeparators_AndServiceLists()
    {
        var (lines, errors) = DirectoryCsv.Parse($"{Header}\n\"Espace \"\"Ligue\"\"; Rouen\";ligue-committee;psychology,dietetics;12 rue;76000;Rouen;oui;oui;02 35 00 00 00;contact@ligue.test\r\n");

        Assert.Empty(errors);
        var line = Assert.Single(lines);
        Assert.Equal(2, line.Line);
        Assert.Equal("Espace \"Ligue\"; Rouen", line.Fields.Name);
        Assert.Equal(ProviderKind.LigueCommittee, line.Fields.Kind);
        Assert.Equal([SupportiveService.Psychology, SupportiveService.Dietetics], line.Fields.Services);
        Assert.True(line.Fields.AcceptsPostCancerPackage && line.Fields.Free);
    }

    public static TheoryData<string, string> FaultyLines() => new()
    {
        { "Cabinet;private-practitioner;psychology;1 rue;76000;Rouen;oui;non;;", "" },
        { "Cabinet;witch-doctor;psychology;1 rue;76000;Rouen;oui;non;;", "kind" },
        { "Cabinet;private-practitioner;astrology;1 rue;76000;Rouen;oui;non;;", "services" },
        { "Cabinet;private-practitioner;;1 rue;76000;Rouen;oui;non;;", "services" },
        { "Cabinet;private-practitioner;psychology;1 rue;76000;Rouen;peut-être;non;;", "acceptsPostCancerPackage" },
        { "Cabinet;private-practitioner;psychology;1 rue;76000", "line" },
        { ";private-practitioner;psychology;1 rue;76000;Rouen;oui;non;;", "name" },
    };

    [Theory]
    [MemberData(nameof(FaultyLines))]
    public void Parse_ReportsAFaultyLine_ByItsNumber_AndField(string faulty, string field)
    {
        var good = "Cabinet;private-practitioner;psychology;1 rue;76000;Rouen;oui;non;;";
        var (lines, errors) = DirectoryCsv.Parse($"{Header}\n{good}\n\n{faulty}\n{good}");

        if (field.Length == 0)
        {
            Assert.Empty(errors);
            Assert.Equal([2, 4, 5], lines.Select(l => l.Line));
            return;
        }
        var error = Assert.Single(errors);
        Assert.Equal((4, field), (error.Line, error.Field));
        Assert.Equal([2, 5], lines.Select(l => l.Line));
    }

    [Fact]
    public void Parse_RefusesAFileWithoutTheHeader()
    {
        var (lines, errors) = DirectoryCsv.Parse("Cabinet;private-practitioner;psychology;1 rue;76000;Rouen;oui;non;;");

        Assert.Empty(lines);
        Assert.Equal((1, "header"), (errors[0].Line, errors[0].Field));
    }
}
