using Relais.Domain.Surveillance;
using static Relais.Domain.Tests.Surveillance.TestProtocols;

namespace Relais.Domain.Tests.Surveillance;

public class ProtocolJsonTests
{
    private const string Breast = """
        {
          "code": "breast", "version": 1, "title": "Cancer du sein", "protocolKind": "breast",
          "authors": ["Centre Henri Becquerel"],
          "items": [
            {"kind": "clinical-exam", "performers": ["gp", "specialist"], "at": [3]},
            {"kind": "clinical-exam", "performers": ["specialist"], "at": [6, 18, 30, 42, 54]},
            {"kind": "clinical-exam", "performers": ["gp"], "at": [12, 24, 36, 48, 60], "every": 6, "from": 66},
            {"kind": "gynecological-exam", "performers": ["gp"], "every": 12, "from": 12},
            {"kind": "mammography", "performers": ["imaging"], "every": 12, "from": 6},
            {"kind": "ca15-3", "performers": ["lab"], "at": [6, 12, 18, 24], "every": 12, "from": 36}
          ],
          "radiotherapyOption": {"at": [12, 24, 36, 48, 60]},
          "rules": {"ca153UpperLimit": 30, "ca153MinRisePercent": 25}
        }
        """;

    private static IReadOnlyList<ProtocolError> Errors(string json)
    {
        var import = ProtocolJson.Import(json);
        Assert.False(import.IsValid);
        Assert.Null(import.Definition);
        return import.Errors;
    }

    private static string BreastWith(string item) => Breast.Replace("""{"kind": "ca15-3", "performers": ["lab"], "at": [6, 12, 18, 24], "every": 12, "from": 36}""", item);

    [Theory]
    [InlineData("breast")]
    [InlineData("colorectal")]
    [InlineData("prostate-prostatectomy")]
    [InlineData("prostate-radiotherapy")]
    public void ExportThenImport_RoundTrips_TheShippedProtocol(string code)
    {
        var definition = ByCode(code);
        var json = ProtocolJson.Export(definition);

        var import = ProtocolJson.Import(json);

        Assert.True(import.IsValid, string.Join("\n", import.Errors));
        Assert.Equal(json, ProtocolJson.Export(import.Definition!));
        Assert.Equal(
            SurveillanceCalendar.Generate(definition, new DateOnly(2026, 1, 31), true, 180),
            SurveillanceCalendar.Generate(import.Definition!, new DateOnly(2026, 1, 31), true, 180));
    }

    [Fact]
    public void Export_WritesTheChainedRepetitionsUnderThen()
    {
        var json = ProtocolJson.Export(ShippedProtocols.Colorectal);

        Assert.Contains("\"alternate\": true", json);
        Assert.Contains("\"then\": [", json);
        Assert.Contains("\"to\": 36", json);
    }

    [Fact]
    public void Import_ReadsAClinicianWrittenFile_IntoTheSameCalendarAsTheShippedBreastProtocol()
    {
        var import = ProtocolJson.Import(Breast);

        Assert.True(import.IsValid, string.Join("\n", import.Errors));
        Assert.Equal(
            SurveillanceCalendar.Generate(ShippedProtocols.Breast, new DateOnly(2026, 1, 15), true, 120),
            SurveillanceCalendar.Generate(import.Definition!, new DateOnly(2026, 1, 15), true, 120));
        Assert.Equal(30m, import.Definition!.Thresholds.Ca153UpperLimit);
        Assert.Equal(5m, import.Definition.Thresholds.CeaUpperLimit);
    }

    [Fact]
    public void Import_ToleratesCommentsAndTrailingCommas()
    {
        var json = Breast.Replace("\"authors\"", "// [B]: le carnet du Centre Henri Becquerel\n  \"authors\"").Replace("\"from\": 36}", "\"from\": 36,}");

        Assert.True(ProtocolJson.Import(json).IsValid);
    }

    [Theory]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 0, "from": 36}""", "items[5].every")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": "six", "from": 36}""", "items[5].every")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 1.5, "from": 36}""", "items[5].every")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 12}""", "items[5].from")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "from": 12}""", "items[5].every")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "at": [0, 6]}""", "items[5].at[0]")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "at": [6, "douze"]}""", "items[5].at[1]")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "at": 6}""", "items[5].at")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"]}""", "items[5].at")]
    [InlineData("""{"kind": "ca 15-3", "performers": ["lab"], "at": [6]}""", "items[5].kind")]
    [InlineData("""{"performers": ["lab"], "at": [6]}""", "items[5].kind")]
    [InlineData("""{"kind": "ca15-3", "performers": ["laboratoire"], "at": [6]}""", "items[5].performers[0]")]
    [InlineData("""{"kind": "ca15-3", "performers": [], "at": [6]}""", "items[5].performers")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "evry": 12, "at": [6]}""", "items[5].evry")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "alternate": "oui", "at": [6]}""", "items[5].alternate")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 6, "from": 6, "to": 24, "then": [{"every": 12, "from": 12}]}""", "items[5].then[0].from")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 6, "from": 6, "to": 24, "then": [{"from": 36}]}""", "items[5].then[0].every")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 6, "from": 6, "to": 24, "then": [{"every": 12}]}""", "items[5].then[0].from")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "every": 6, "from": 6, "then": [{"every": 12, "from": 36}]}""", "items[5].to")]
    [InlineData("""{"kind": "ca15-3", "performers": ["lab"], "at": [6], "then": [{"every": 12, "from": 36}]}""", "items[5].then")]
    [InlineData("""["ca15-3"]""", "items[5]")]
    public void Import_NamesTheFaultyItem(string item, string field)
    {
        var error = Assert.Single(Errors(BreastWith(item)));

        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Import_ListsEveryFault_EachWithItsPath()
    {
        var json = Breast
            .Replace("\"version\": 1", "\"version\": 0")
            .Replace("""{"kind": "mammography", "performers": ["imaging"], "every": 12, "from": 6}""", """{"kind": "mammography", "performers": ["imaging"], "every": -12, "from": 6}""")
            .Replace("""{"kind": "ca15-3", "performers": ["lab"], "at": [6, 12, 18, 24], "every": 12, "from": 36}""", """{"kind": "ca15-3", "performers": ["lab"], "at": [0]}""")
            .Replace("\"radiotherapyOption\": {\"at\": [12, 24, 36, 48, 60]}", "\"radiotherapyOption\": {\"at\": [12, 24]}")
            .Replace("\"ca153UpperLimit\": 30", "\"ca153UpperLimit\": \"30 U/mL\"");

        Assert.Equal(
            ["rules.ca153UpperLimit", "version", "items[4].every", "items[5].at[0]", "radiotherapyOption.at"],
            Errors(json).Select(e => e.Field));
    }

    [Fact]
    public void Import_WithoutRadiotherapyOption_AsksForIt()
    {
        var json = Breast.Replace("\"radiotherapyOption\": {\"at\": [12, 24, 36, 48, 60]},", "");

        Assert.Equal("radiotherapyOption", Assert.Single(Errors(json)).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"code\": ")]
    [InlineData("[]")]
    public void Import_RefusesWhatIsNotAProtocolObject(string json)
    {
        Assert.Equal("json", Assert.Single(Errors(json)).Field);
    }

    [Fact]
    public void Import_RefusesAnUnknownProtocolKind_WithTheExpectedCodes()
    {
        var error = Assert.Single(Errors(Breast.Replace("\"protocolKind\": \"breast\"", "\"protocolKind\": \"sein\"")));

        Assert.Equal("protocolKind", error.Field);
        Assert.Contains("prostate-radiotherapy", error.Message);
    }

    [Fact]
    public void ImportedVersion_IsToValidate_LikeAnyNewVersion()
    {
        var protocol = Draft(ProtocolJson.Import(ProtocolJson.Export(Validated(ShippedProtocols.Colorectal))).Definition!);

        Assert.Equal(ProtocolStatus.ToValidate, protocol.Status);
    }
}
