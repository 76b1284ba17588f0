using Relais.Domain.Pathways;
using static Relais.Domain.Pathways.PathwayPhase;

namespace Relais.Domain.Tests.Pathways;

public class PathwayTransitionsTests
{
    private static readonly PathwayPhase[] Exits = [Deceased, MovedAway, LostToFollowUp];

    /// <summary>PRODUCT.md §3, written out independently of the implementation.</summary>
    private static readonly Dictionary<PathwayPhase, PathwayPhase[]> Expected = new()
    {
        [Suspicion] = [DiagnosisConfirmed, RuledOut, .. Exits],
        [DiagnosisConfirmed] = [Announcement, TumorBoard, .. Exits],
        [Announcement] = [TumorBoard, CareProgramme, .. Exits],
        [TumorBoard] = [Announcement, CareProgramme, .. Exits],
        [CareProgramme] = [ActiveTreatment, TumorBoard, .. Exits],
        [ActiveTreatment] = [EndOfTreatment, TumorBoard, Palliative, .. Exits],
        [EndOfTreatment] = [SharedFollowUp, .. Exits],
        [SharedFollowUp] = [AfterCancer, TumorBoard, Palliative, .. Exits],
        [AfterCancer] = [TumorBoard, Palliative, .. Exits],
        [Palliative] = [.. Exits],
        [Deceased] = [],
        [MovedAway] = [],
        [LostToFollowUp] = [],
        [RuledOut] = [],
    };

    public static TheoryData<PathwayPhase, PathwayPhase, bool> EveryPair()
    {
        var data = new TheoryData<PathwayPhase, PathwayPhase, bool>();
        foreach (var from in Enum.GetValues<PathwayPhase>())
        {
            foreach (var to in Enum.GetValues<PathwayPhase>())
            {
                data.Add(from, to, Expected[from].Contains(to));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IsAllowed_FollowsThePathwayOfTheProductSpecification(PathwayPhase from, PathwayPhase to, bool allowed) =>
        Assert.Equal(allowed, PathwayTransitions.IsAllowed(from, to));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EnsureAllowed_ThrowsOnTheToField_ExactlyWhenTheTransitionIsNotAllowed(PathwayPhase from, PathwayPhase to, bool allowed)
    {
        var exception = Record.Exception(() => PathwayTransitions.EnsureAllowed(from, to));

        if (allowed)
        {
            Assert.Null(exception);
        }
        else
        {
            var validation = Assert.IsType<DomainValidationException>(exception);
            Assert.Equal("to", validation.Field);
        }
    }

    [Fact]
    public void EveryPhase_HasAnExpectationInThisTest() =>
        Assert.Equal(Enum.GetValues<PathwayPhase>().Order(), Expected.Keys.Order());

    [Theory]
    [InlineData(Suspicion)]
    [InlineData(ActiveTreatment)]
    [InlineData(Palliative)]
    [InlineData(Deceased)]
    public void AllowedFrom_ListsExactlyTheAllowedTargets(PathwayPhase from) =>
        Assert.Equal(Expected[from].Order(), PathwayTransitions.AllowedFrom(from).Order());

    [Theory]
    [InlineData(Deceased, true)]
    [InlineData(MovedAway, true)]
    [InlineData(LostToFollowUp, true)]
    [InlineData(RuledOut, true)]
    [InlineData(Palliative, false)]
    [InlineData(AfterCancer, false)]
    [InlineData(Suspicion, false)]
    public void IsTerminal_OnlyForThePhasesThatEndThePathway(PathwayPhase phase, bool terminal) =>
        Assert.Equal(terminal, PathwayTransitions.IsTerminal(phase));

    [Fact]
    public void NoPhase_MayTransitionToItself() =>
        Assert.All(Enum.GetValues<PathwayPhase>(), phase => Assert.False(PathwayTransitions.IsAllowed(phase, phase)));

    [Fact]
    public void Recurrence_DuringFollowUpOrAfterCancer_GoesBackToTheTumorBoard()
    {
        Assert.True(PathwayTransitions.IsAllowed(SharedFollowUp, TumorBoard));
        Assert.True(PathwayTransitions.IsAllowed(AfterCancer, TumorBoard));
    }

    [Fact]
    public void RefusedTransition_NamesBothPhasesInFrench()
    {
        var exception = Assert.Throws<DomainValidationException>(() => PathwayTransitions.EnsureAllowed(Suspicion, ActiveTreatment));

        Assert.Contains("suspicion", exception.Message);
        Assert.Contains("traitement actif", exception.Message);
    }

    private static readonly PathwayPhase[] WithTheirOwnUseCase = [CareProgramme, EndOfTreatment, SharedFollowUp];

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void ManualFrom_IsTheAllowedStepsWithoutThePhasesThatHaveTheirOwnUseCase(PathwayPhase from, PathwayPhase to, bool allowed) =>
        Assert.Equal(allowed && !WithTheirOwnUseCase.Contains(to), PathwayTransitions.ManualFrom(from).Contains(to));

    [Theory]
    [InlineData(Announcement, CareProgramme, "programmes/pps")]
    [InlineData(TumorBoard, CareProgramme, "programmes/pps")]
    [InlineData(ActiveTreatment, EndOfTreatment, "end-of-treatment")]
    [InlineData(EndOfTreatment, SharedFollowUp, "end-of-treatment")]
    public void EnsureManualAllowed_RefusesAPhaseWithItsOwnUseCase_NamingTheUseCase(PathwayPhase from, PathwayPhase to, string useCase)
    {
        var exception = Assert.Throws<DomainValidationException>(() => PathwayTransitions.EnsureManualAllowed(from, to));

        Assert.Equal("to", exception.Field);
        Assert.Contains(useCase, exception.Message);
    }

    [Theory]
    [InlineData(CareProgramme, ActiveTreatment)]
    [InlineData(ActiveTreatment, Palliative)]
    [InlineData(SharedFollowUp, TumorBoard)]
    public void EnsureManualAllowed_AcceptsTheOtherAllowedSteps(PathwayPhase from, PathwayPhase to) =>
        Assert.Null(Record.Exception(() => PathwayTransitions.EnsureManualAllowed(from, to)));
}
