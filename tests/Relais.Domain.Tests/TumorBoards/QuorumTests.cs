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

    [Fact]
    public void TheInvitedGp_IsShownPresent_ButDoesNotMakeTheQuorum()
    {
        var gp = new Participant(Guid.NewGuid(), "Jean Dubois", Specialty.GeneralPractice, Presence.Remote);

        var check = Quorum.Check([P(Specialty.Surgery), P(Specialty.MedicalOncology), gp], []);

        Assert.False(check.Reached);
        Assert.Equal([Specialty.MedicalOncology, Specialty.Surgery], check.PresentSpecialties);
        Assert.Equal(["Jean Dubois (médecine générale)"], check.PresentNotCounted);
        Assert.Contains("Présents sans compter pour le quorum : Jean Dubois (médecine générale)", check.Message);
    }

    [Theory]
    // A breast board decides with its own specialties: a geriatrician attends, he does not make its quorum.
    [InlineData(Specialty.Geriatrics, true, false)]
    [InlineData(Specialty.Pathology, true, true)]
    // A board naming no specialty counts every decision specialty, never general practice.
    [InlineData(Specialty.Geriatrics, false, true)]
    [InlineData(Specialty.GeneralPractice, false, false)]
    [InlineData(Specialty.GeneralPractice, true, false)]
    public void TheThirdSpecialty_CountsOnlyWhenItIsOneOfTheBoardsDecisionSpecialties(Specialty third, bool breastBoard, bool reached)
    {
        var check = Quorum.Check([P(Specialty.Surgery), P(Specialty.MedicalOncology), P(third)], breastBoard ? Breast : []);

        Assert.Equal(reached, check.Reached);
        Assert.Equal(reached, Quorum.Counts(third, breastBoard ? Breast : []));
    }
}
