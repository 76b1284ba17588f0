using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using static Relais.Domain.Pathways.PathwayPhase;

namespace Relais.Domain.Tests.Pathways;

public class LeftCareTests
{
    [Theory]
    [InlineData(Suspicion, false)]
    [InlineData(DiagnosisConfirmed, false)]
    [InlineData(Announcement, false)]
    [InlineData(TumorBoard, false)]
    [InlineData(CareProgramme, false)]
    [InlineData(ActiveTreatment, false)]
    [InlineData(EndOfTreatment, false)]
    [InlineData(SharedFollowUp, false)]
    [InlineData(AfterCancer, false)]
    [InlineData(Palliative, false)]
    [InlineData(Deceased, true)]
    [InlineData(MovedAway, true)]
    [InlineData(LostToFollowUp, false)]
    [InlineData(RuledOut, false)]
    public void OnlyDeathAndMovingAway_TakeThePatientOffTheActiveLists(PathwayPhase phase, bool left)
    {
        Assert.Equal(left, PathwayTransitions.HasLeftCare(phase));
    }

    [Fact]
    public void TheQueryForm_AgreesWithTheRule_ForEveryPhase()
    {
        var query = PathwayTransitions.LeftCare.Compile();
        foreach (var phase in Enum.GetValues<PathwayPhase>())
        {
            // The database builds episodes without their constructor too: only the phase matters to the rule.
            var episode = (CancerEpisode)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(CancerEpisode));
            typeof(CancerEpisode).GetProperty(nameof(CancerEpisode.Phase))!.SetValue(episode, phase);
            Assert.Equal(PathwayTransitions.HasLeftCare(phase), query(episode));
        }
    }
}
