using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>A meeting's participants and the quorum they make.</summary>
public class MeetingParticipantTests
{
    [Fact]
    public void SetParticipant_AddsANewProfessional()
    {
        var meeting = A.Meeting().Build();

        var participant = meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Surgery, Presence.OnSite);

        Assert.Same(participant, Assert.Single(meeting.Participants));
        Assert.Equal(meeting.Id, participant.MeetingId);
        Assert.Equal(Surgeon, participant.ProfessionalId);
        Assert.Equal("Dr Martin", participant.Name);
        Assert.Equal(Specialty.Surgery, participant.Specialty);
        Assert.Equal(Presence.OnSite, participant.Presence);
    }

    [Fact]
    public void SetParticipant_UpdatesTheSameProfessional_InsteadOfAddingThemTwice()
    {
        var meeting = A.Meeting().Build();
        var first = meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Surgery, Presence.OnSite);
        meeting.SetParticipant(Oncologist, "Dr Bernard", Specialty.MedicalOncology, Presence.OnSite);

        var second = meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Gynaecology, Presence.Remote);

        Assert.Same(first, second);
        Assert.Equal(2, meeting.Participants.Count);
        Assert.Equal(Specialty.Gynaecology, second.Specialty);
        Assert.Equal(Presence.Remote, second.Presence);
    }

    [Fact]
    public void Quorum_CountsTheMeetingParticipants_RemoteIncluded()
    {
        var meeting = A.Meeting().Build();
        meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Surgery, Presence.OnSite);
        meeting.SetParticipant(Oncologist, "Dr Bernard", Specialty.MedicalOncology, Presence.OnSite);
        meeting.SetParticipant(Nurse, "Mme Petit", Specialty.Nursing, Presence.OnSite);

        var before = meeting.Quorum(BoardBuilder.Breast);
        meeting.SetParticipant(Radiotherapist, "Dr Thomas", Specialty.Radiotherapy, Presence.Remote);
        var after = meeting.Quorum(BoardBuilder.Breast);

        Assert.False(before.Reached);
        Assert.Equal([Specialty.Radiotherapy, Specialty.Pathology], before.MissingExpected);
        Assert.True(after.Reached);
        Assert.Equal([Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Surgery], after.PresentSpecialties);
        Assert.Equal([Specialty.Pathology], after.MissingExpected);
    }

    [Fact]
    public void Quorum_IsLost_WhenAParticipantIsUpdatedToAbsent()
    {
        var meeting = A.Meeting().Build();
        meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Surgery, Presence.OnSite);
        meeting.SetParticipant(Oncologist, "Dr Bernard", Specialty.MedicalOncology, Presence.OnSite);
        meeting.SetParticipant(Radiotherapist, "Dr Thomas", Specialty.Radiotherapy, Presence.OnSite);
        Assert.True(meeting.Quorum(BoardBuilder.Breast).Reached);

        meeting.SetParticipant(Radiotherapist, "Dr Thomas", Specialty.Radiotherapy, Presence.Absent);

        var check = meeting.Quorum(BoardBuilder.Breast);
        Assert.False(check.Reached);
        Assert.Contains("radiothérapie", check.Message);
    }
}
