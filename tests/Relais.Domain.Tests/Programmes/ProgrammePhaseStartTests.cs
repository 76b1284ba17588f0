using Relais.Domain.Programmes;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;
using static Relais.Domain.Tests.Builders.ProgrammeDrafts;

namespace Relais.Domain.Tests.Programmes;

/// <summary>The start of the treatment phases (C8).</summary>
public class ProgrammePhaseStartTests
{
    [Fact]
    public void StartPhase_ReturnsTrue_OnlyForTheFirstPhaseStarted()
    {
        var programme = Draft(Content(phases: [Phase(1), Phase(2, "Chimiothérapie"), Phase(3, "Radiothérapie")]));

        var first = programme.StartPhase(2, Today.AddDays(-5), Today);
        var second = programme.StartPhase(1, Today, Today);
        var third = programme.StartPhase(3, Today, Today);

        Assert.True(first);
        Assert.False(second);
        Assert.False(third);
        Assert.Equal([Today, Today.AddDays(-5), Today], programme.Content.Phases.Select(p => p.StartedOn!.Value));
    }

    [Fact]
    public void StartPhase_RefusesAFutureDate()
    {
        var programme = Draft();

        var error = Assert.Throws<DomainValidationException>(() => programme.StartPhase(1, Today.AddDays(1), Today));

        Assert.Equal("startedOn", error.Field);
        Assert.All(programme.Content.Phases, p => Assert.Null(p.StartedOn));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void StartPhase_RefusesAnUnknownPhase(int order)
    {
        var programme = Draft();

        var error = Assert.Throws<DomainValidationException>(() => programme.StartPhase(order, Today, Today));

        Assert.Equal("order", error.Field);
    }

    [Fact]
    public void StartPhase_RefusesAPhaseAlreadyStarted_AndKeepsItsDate()
    {
        var programme = Draft();
        programme.StartPhase(1, Today.AddDays(-2), Today);

        var error = Assert.Throws<DomainValidationException>(() => programme.StartPhase(1, Today, Today));

        Assert.Equal("order", error.Field);
        Assert.Equal(Today.AddDays(-2), programme.Content.Phases[0].StartedOn);
    }
}
