using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>The GP's contribution to the case before the decision (C6).</summary>
public class CaseGpContributionTests
{
    [Fact]
    public void AddGpContribution_IsKeptWithItsAuthorAndTime()
    {
        var @case = A.Case().Register();
        var at = Now.AddDays(2);

        @case.AddGpContribution("  Patiente anxieuse, aidante de son mari.  ", Gp, at);

        Assert.Equal("Patiente anxieuse, aidante de son mari.", @case.GpContribution);
        Assert.Equal(Gp, @case.GpContributionBy);
        Assert.Equal(at, @case.GpContributionAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddGpContribution_IsRefused_WhenEmpty(string? text)
    {
        var @case = A.Case().Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.AddGpContribution(text, Gp, Now));

        Assert.Equal("contribution", error.Field);
        Assert.Null(@case.GpContribution);
    }

    [Fact]
    public void AddGpContribution_IsLimitedTo4000Characters()
    {
        var @case = A.Case().Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.AddGpContribution(new string('x', 4001), Gp, Now));
        @case.AddGpContribution(new string('x', 4000), Gp, Now);

        Assert.Equal("contribution", error.Field);
        Assert.Equal(4000, @case.GpContribution!.Length);
    }

    [Fact]
    public void AddGpContribution_IsRefused_OnceTheDecisionIsMade()
    {
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();
        @case.Decide("Tumorectomie puis radiothérapie.", "Référentiel régional sein 2024", Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, MeetingStart.AddMinutes(30));

        var error = Assert.Throws<DomainValidationException>(() => @case.AddGpContribution("Trop tard.", Gp, Now.AddDays(9)));

        Assert.Equal("contribution", error.Field);
        Assert.Null(@case.GpContribution);
    }
}
