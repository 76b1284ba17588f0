using Relais.Domain.Surveillance;

namespace Relais.Domain.Tests.Surveillance;

/// <summary>What the C12 message and the carnet say of a schedule comes from the protocol's data, not from fixed text.</summary>
public class ScheduleDescriptionTests
{
    [Fact]
    public void TheShippedRadiotherapyOption_ReadsAsTheMonthsItPlans() =>
        Assert.Equal("aux mois 12, 24, 36, 48 et 60", ShippedProtocols.Breast.RadiotherapyOption.Describe());

    [Theory]
    [InlineData(new[] { 3 }, "au mois 3")]
    [InlineData(new[] { 24, 12 }, "aux mois 12 et 24")]
    public void ExplicitMonths(int[] months, string expected) => Assert.Equal(expected, Schedule.Months(months).Describe());

    [Fact]
    public void MonthsThenRepetitions() =>
        Assert.Equal("aux mois 6 et 12, puis tous les 12 mois du mois 24 au mois 60, puis tous les 6 mois à partir du mois 66",
            Schedule.Months(6, 12).Then(12, 24, 60).Then(6, 66).Describe());

    [Fact]
    public void AnEditedProtocol_IsDescribedAsEdited()
    {
        var edited = ShippedProtocols.Breast with { RadiotherapyOption = Schedule.Every(6, 6, 60) };
        Assert.Equal("tous les 6 mois du mois 6 au mois 60", edited.RadiotherapyOption.Describe());
    }
}
