using Relais.Domain.Surveillance;
using static Relais.Domain.Tests.Surveillance.TestProtocols;

namespace Relais.Domain.Tests.Surveillance;

/// <summary>The calendars of the shipped protocols, checked against the tables of PRODUCT.md §7.</summary>
public class ShippedProtocolCalendarTests
{
    [Fact]
    public void Breast_FromJanuary15th_Over72Months_ListsEveryItemOfTheTable()
    {
        var carnet = Validated(ShippedProtocols.Breast).Preview(new DateOnly(2026, 1, 15), radiotherapy: false, horizonMonths: 72);

        string[] expected =
        [
            "M3 2026-04-15 clinical-exam gp",
            "M3 2026-04-15 clinical-exam specialist",
            "M6 2026-07-15 ca15-3 lab",
            "M6 2026-07-15 clinical-exam specialist",
            "M6 2026-07-15 mammography imaging",
            "M12 2027-01-15 ca15-3 lab",
            "M12 2027-01-15 clinical-exam gp",
            "M12 2027-01-15 gynecological-exam gp",
            "M18 2027-07-15 ca15-3 lab",
            "M18 2027-07-15 clinical-exam specialist",
            "M18 2027-07-15 mammography imaging",
            "M24 2028-01-15 ca15-3 lab",
            "M24 2028-01-15 clinical-exam gp",
            "M24 2028-01-15 gynecological-exam gp",
            "M30 2028-07-15 clinical-exam specialist",
            "M30 2028-07-15 mammography imaging",
            "M36 2029-01-15 ca15-3 lab",
            "M36 2029-01-15 clinical-exam gp",
            "M36 2029-01-15 gynecological-exam gp",
            "M42 2029-07-15 clinical-exam specialist",
            "M42 2029-07-15 mammography imaging",
            "M48 2030-01-15 ca15-3 lab",
            "M48 2030-01-15 clinical-exam gp",
            "M48 2030-01-15 gynecological-exam gp",
            "M54 2030-07-15 clinical-exam specialist",
            "M54 2030-07-15 mammography imaging",
            "M60 2031-01-15 ca15-3 lab",
            "M60 2031-01-15 clinical-exam gp",
            "M60 2031-01-15 gynecological-exam gp",
            "M66 2031-07-15 clinical-exam gp",
            "M66 2031-07-15 mammography imaging",
            "M72 2032-01-15 ca15-3 lab",
            "M72 2032-01-15 clinical-exam gp",
            "M72 2032-01-15 gynecological-exam gp",
        ];
        Assert.Equal(expected, carnet.Select(Line));
    }

    [Fact]
    public void Breast_AfterRadiotherapy_AddsTheRadiotherapistEveryYearForFiveYears()
    {
        var carnet = Validated(ShippedProtocols.Breast).Preview(new DateOnly(2026, 1, 15), radiotherapy: true, horizonMonths: 72);

        Assert.Equal(
            ["M12 2027-01-15", "M24 2028-01-15", "M36 2029-01-15", "M48 2030-01-15", "M60 2031-01-15"],
            carnet.Where(e => e.Kind == SurveillanceKind.RadiotherapyVisit && e.Performer == Performer.Radiotherapist)
                .Select(e => $"M{e.Month} {e.Due:yyyy-MM-dd}"));
        Assert.Equal("M12 2027-01-15 radiotherapy-visit radiotherapist", Line(carnet.Single(e => e.Month == 12 && e.Kind == SurveillanceKind.RadiotherapyVisit)));
    }

    public static TheoryData<string, string, string, string> Rows() => new()
    {
        // PRODUCT.md §7, breast, over 10 years.
        { "breast", "clinical-exam", "gp", "3,12,24,36,48,60,66,72,78,84,90,96,102,108,114,120" },
        { "breast", "clinical-exam", "specialist", "3,6,18,30,42,54" },
        { "breast", "gynecological-exam", "gp", "12,24,36,48,60,72,84,96,108,120" },
        { "breast", "mammography", "imaging", "6,18,30,42,54,66,78,90,102,114" },
        { "breast", "ca15-3", "lab", "6,12,18,24,36,48,60,72,84,96,108,120" },
        { "breast", "radiotherapy-visit", "radiotherapist", "12,24,36,48,60" },
        // Colorectal: the visits alternate, the specialist first, through both rhythms.
        { "colorectal", "clinical-exam", "specialist", "3,9,15,21,27,33,42,54" },
        { "colorectal", "clinical-exam", "gp", "6,12,18,24,30,36,48,60" },
        { "colorectal", "cea", "lab", "3,6,9,12,15,18,21,24,27,30,33,36,42,48,54,60" },
        { "colorectal", "ct-tap", "imaging", "6,12,18,24,30,36,42,48,54,60" },
        { "colorectal", "colonoscopy", "specialist", "36,96" },
        { "colorectal", "radiotherapy-visit", "radiotherapist", "12,24,36,48,60" },
        // Prostate: PSA at 3, every 6 months from 6 to 36, then yearly from 48; visits on the same months, alternating.
        { "prostate-prostatectomy", "psa", "lab", "3,6,12,18,24,30,36,48,60,72,84,96,108,120" },
        { "prostate-prostatectomy", "clinical-exam", "specialist", "3,12,24,36,60,84,108" },
        { "prostate-prostatectomy", "clinical-exam", "gp", "6,18,30,48,72,96,120" },
        { "prostate-prostatectomy", "radiotherapy-visit", "radiotherapist", "12,24,36,48,60" },
        { "prostate-radiotherapy", "psa", "lab", "3,6,12,18,24,30,36,48,60,72,84,96,108,120" },
        { "prostate-radiotherapy", "clinical-exam", "specialist", "3,12,24,36,60,84,108" },
        { "prostate-radiotherapy", "clinical-exam", "gp", "6,18,30,48,72,96,120" },
        { "prostate-radiotherapy", "radiotherapy-visit", "radiotherapist", "12,24,36,48,60" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ShippedProtocol_Over120Months_PlansEachKindAndPerformerAtTheMonthsOfTheTable(string code, string kind, string performer, string months)
    {
        var carnet = Validated(ByCode(code)).Preview(new DateOnly(2026, 3, 31), radiotherapy: true, horizonMonths: 120);

        var planned = carnet.Where(e => e.Kind.Code() == kind && e.Performer.Code() == performer).Select(e => e.Month);
        Assert.Equal(months, string.Join(',', planned));
    }

    [Theory]
    [InlineData("breast")]
    [InlineData("colorectal")]
    [InlineData("prostate-prostatectomy")]
    [InlineData("prostate-radiotherapy")]
    public void ShippedProtocol_PlansNothingOutsideTheTable(string code)
    {
        var carnet = Validated(ByCode(code)).Preview(new DateOnly(2026, 3, 31), radiotherapy: true, horizonMonths: 120);

        var tabled = Rows().Select(row => ((string)row[0], (string)row[1], (string)row[2])).Where(r => r.Item1 == code).Select(r => (r.Item2, r.Item3)).ToHashSet();
        Assert.Equal(tabled.Order(), carnet.Select(e => (e.Kind.Code(), e.Performer.Code())).Distinct().Order());
    }

    [Fact]
    public void Colorectal_Colonoscopy_ContinuesEveryFiveYearsWithoutEnd()
    {
        var carnet = Validated(ShippedProtocols.Colorectal).Preview(new DateOnly(2026, 3, 31), radiotherapy: false, horizonMonths: 216);

        Assert.Equal([36, 96, 156, 216], carnet.Where(e => e.Kind == SurveillanceKind.Colonoscopy).Select(e => e.Month));
    }

    [Fact]
    public void Breast_MonthEndJ0_FallsBackToTheLastDayOfFebruary_WithoutShiftingLaterMonths()
    {
        var protocol = Validated(ShippedProtocols.Breast);

        var from2026 = protocol.Preview(new DateOnly(2026, 8, 31), radiotherapy: false, horizonMonths: 12);
        var from2027 = protocol.Preview(new DateOnly(2027, 8, 31), radiotherapy: false, horizonMonths: 12);

        Assert.All(from2026.Where(e => e.Month == 6), e => Assert.Equal(new DateOnly(2027, 2, 28), e.Due));
        Assert.All(from2027.Where(e => e.Month == 6), e => Assert.Equal(new DateOnly(2028, 2, 29), e.Due));
        Assert.Equal(new DateOnly(2026, 11, 30), from2026.First(e => e.Month == 3).Due);
        Assert.Equal(new DateOnly(2027, 8, 31), from2026.First(e => e.Month == 12).Due);
    }

    [Fact]
    public void ShippedProtocols_AreVersionOne_ToValidate()
    {
        var drafts = ShippedProtocols.CreateDrafts(Now);

        Assert.Equal(["breast", "colorectal", "prostate-prostatectomy", "prostate-radiotherapy"], drafts.Select(p => p.Code));
        Assert.All(drafts, p =>
        {
            Assert.Equal(1, p.Version);
            Assert.Equal(ProtocolStatus.ToValidate, p.Status);
            Assert.Equal("to-validate", p.Status.Code());
            Assert.Empty(p.Definition.FindErrors());
        });
    }
}
