using Relais.Domain.Alerts;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

public class ObservationTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static Observation Record(string code = "ca15-3", decimal value = 22m, string? unit = "U/mL", string date = "2029-12-20", string? lab = UsualLab) =>
        Observation.Record(Patient, code, value, unit, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), lab, Today, Now);

    private static string RefusedField(Action action) => Assert.Throws<DomainValidationException>(action).Field;

    [Theory]
    [InlineData("ca15-3", "U/mL", "U/mL")]
    [InlineData("ca15-3", "u/ml", "U/mL")]
    [InlineData("ca15-3", "kU/L", "U/mL")]
    [InlineData("psa", "ng/mL", "ng/mL")]
    [InlineData("psa", "µg/L", "ng/mL")]
    [InlineData("cea", "μg/L", "ng/mL")]
    [InlineData("cea", "ug/l", "ng/mL")]
    public void Record_AcceptsTheMarkersUnit_OrAnEquivalentSpelling(string code, string unit, string stored)
    {
        Assert.Equal(stored, Record(code, unit: unit).Unit);
    }

    [Theory]
    [InlineData("ca15-3", "ng/mL")]
    [InlineData("psa", "U/mL")]
    [InlineData("cea", "mg/L")]
    [InlineData("cea", null)]
    public void Record_RefusesAUnitThatDoesNotMeasureTheMarker(string code, string? unit)
    {
        Assert.Equal("unit", RefusedField(() => Record(code, unit: unit)));
    }

    [Fact]
    public void Record_RefusesANegativeValue()
    {
        Assert.Equal("value", RefusedField(() => Record(value: -0.01m)));
    }

    [Fact]
    public void Record_AcceptsZero_AndTodaysResult()
    {
        Assert.Equal(0m, Record(value: 0m, date: "2030-01-01").Value);
    }

    [Fact]
    public void Record_RefusesAResultDatedInTheFuture()
    {
        Assert.Equal("effective", RefusedField(() => Record(date: "2030-01-02")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Record_RequiresTheLaboratory(string? lab)
    {
        Assert.Equal("laboratory", RefusedField(() => Record(lab: lab)));
    }

    [Fact]
    public void Record_RefusesAnUnknownMarker()
    {
        Assert.Equal("code", RefusedField(() => Record(code: "ca125")));
    }

    [Theory]
    [InlineData("Laboratoire Bio Rouen", "laboratoire  bio rouen ", true)]
    [InlineData("Biolab Évreux", "BIOLAB EVREUX", true)]
    [InlineData("Biolab  Évreux", "biolab evreux", true)]
    [InlineData("Laboratoire Bio Rouen", "Cerballiance Le Havre", false)]
    public void SameLaboratory_IgnoresCaseAccentsAndSpacing(string a, string b, bool same)
    {
        Assert.Equal(same, Ca153(20m, "2029-01-01", a).SameLaboratoryAs(Ca153(20m, "2029-02-01", b)));
    }
}
