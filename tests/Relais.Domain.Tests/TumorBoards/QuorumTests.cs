using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;

namespace Relais.Domain.Tests.TumorBoards;

public class QuorumTests
{
    private static Participant P(Specialty s, Presence presence = Presence.OnSite) => new(Guid.NewGuid(), s.ToString(), s, presence);

    private static readonly Specialty[] Breast = [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology];

    [Fact]
    public void Quorum_RequiresThreeDistinctSpecialties()
    {
        var check = Quorum.Check([P(Specialty.Surgery), P(Specialty.Surgery), P(Specialty.MedicalOncology)], Breast);
        Assert.False(check.Reached);
        Assert.Contains("radiothérapie", check.Message);
        Assert.Contains("anatomopathologie", check.Message);
        Assert.Equal([Specialty.Radiotherapy, Specialty.Pathology], check.MissingExpected);
    }

    [Fact]
    public void RemoteParticipationCounts()
    {
        var check = Quorum.Check([P(Specialty.Surgery), P(Specialty.Surgery), P(Specialty.MedicalOncology), P(Specialty.Radiotherapy, Presence.Remote)], Breast);
        Assert.True(check.Reached);
        Assert.Equal(3, check.PresentSpecialties.Count);
    }

    [Fact]
    public void AbsentPhysiciansAndNonPhysiciansDoNotCount()
    {
        var check = Quorum.Check([P(Specialty.Surgery), P(Specialty.MedicalOncology), P(Specialty.Radiotherapy, Presence.Absent), P(Specialty.Nursing), P(Specialty.Administration)], Breast);
        Assert.False(check.Reached);
        Assert.Equal(2, check.PresentSpecialties.Count);
    }
}
