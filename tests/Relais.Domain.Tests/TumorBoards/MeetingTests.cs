using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;

namespace Relais.Domain.Tests.TumorBoards;

public class MeetingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly Guid Secretary = Guid.Parse("0197a000-0000-7000-8000-000000000050");
    private static readonly Guid Surgeon = Guid.Parse("0197a000-0000-7000-8000-000000000011");
    private static readonly Guid Oncologist = Guid.Parse("0197a000-0000-7000-8000-000000000010");
    private static readonly Guid Radiotherapist = Guid.Parse("0197a000-0000-7000-8000-000000000012");
    private static readonly Guid Nurse = Guid.Parse("0197a000-0000-7000-8000-000000000013");

    private static readonly Specialty[] Breast = [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology];

    private static TumorBoard Board(string? name = "RCP Sénologie", string? specialty = "Sénologie", IEnumerable<Specialty>? expected = null) =>
        TumorBoard.Create(name, specialty, null, "CHU, salle 3", "Mardi 14h, hebdomadaire", paediatric: false, expected ?? Breast, Now);

    private static TumorBoardMeeting Meeting(DateTimeOffset? startsAt = null) =>
        TumorBoardMeeting.Plan(Guid.Parse("0197a000-0000-7000-8000-000000000060"), startsAt ?? Now.AddDays(7), "Salle 3", Secretary, Now);

    // --- Board ---

    [Fact]
    public void Create_TrimsTheTextAndKeepsTheExpectedSpecialtiesOnce()
    {
        var board = TumorBoard.Create("  RCP Sénologie ", " Sénologie ", null, "  CHU ", null, paediatric: true,
            [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Surgery, Specialty.Pathology], Now);

        Assert.Equal("RCP Sénologie", board.Name);
        Assert.Equal("Sénologie", board.Specialty);
        Assert.Equal("CHU", board.Site);
        Assert.Equal("", board.Schedule);
        Assert.True(board.IsPaediatric);
        Assert.Equal([Specialty.Surgery, Specialty.MedicalOncology, Specialty.Pathology], board.ExpectedSpecialties);
    }

    [Fact]
    public void Create_AcceptsABoardWithoutExpectedSpecialties()
    {
        var board = Board(expected: []);

        Assert.Empty(board.ExpectedSpecialties);
    }

    [Theory]
    [InlineData(null, "Sénologie", "name")]
    [InlineData("", "Sénologie", "name")]
    [InlineData("   ", "Sénologie", "name")]
    [InlineData("RCP Sénologie", null, "specialty")]
    [InlineData("RCP Sénologie", " ", "specialty")]
    public void Create_IsRefused_WithoutNameOrSpecialty(string? name, string? specialty, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => Board(name, specialty));

        Assert.Equal(field, error.Field);
    }

    public static TheoryData<Specialty> NonPhysicianSpecialties() =>
        new(Enum.GetValues<Specialty>().Where(s => !Quorum.IsPhysicianSpecialty(s)));

    [Theory]
    [MemberData(nameof(NonPhysicianSpecialties))]
    public void Create_IsRefused_WhenAnExpectedSpecialtyIsNotAPhysicianSpecialty(Specialty specialty)
    {
        var error = Assert.Throws<DomainValidationException>(() => Board(expected: [Specialty.Surgery, specialty]));

        Assert.Equal("expectedSpecialties", error.Field);
    }

    [Fact]
    public void Create_AcceptsEveryPhysicianSpecialty()
    {
        var physicians = Enum.GetValues<Specialty>().Where(Quorum.IsPhysicianSpecialty).ToList();

        var board = Board(expected: physicians);

        Assert.Equal(16, physicians.Count);
        Assert.Equal(physicians, board.ExpectedSpecialties);
    }

    // --- Meeting planning ---

    [Fact]
    public void Plan_CreatesAPlannedMeetingWithoutParticipants()
    {
        var boardId = Guid.Parse("0197a000-0000-7000-8000-000000000061");
        var meeting = TumorBoardMeeting.Plan(boardId, Now.AddDays(7), "  Salle 3 ", Secretary, Now);

        Assert.Equal(boardId, meeting.BoardId);
        Assert.Equal(Now.AddDays(7), meeting.StartsAt);
        Assert.Equal("Salle 3", meeting.Location);
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal(Secretary, meeting.CreatedBy);
        Assert.Empty(meeting.Participants);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-30)]
    public void Plan_IsRefused_InThePast(int days)
    {
        var error = Assert.Throws<DomainValidationException>(() => Meeting(Now.AddDays(days)));

        Assert.Equal("startsAt", error.Field);
    }

    [Fact]
    public void Plan_AcceptsAMeetingLaterToday()
    {
        var meeting = Meeting(Now.AddHours(4));

        Assert.Equal(MeetingStatus.Planned, meeting.Status);
    }

    [Fact]
    public void Day_IsTheCalendarDayInTheGivenZone()
    {
        // 23:30 UTC on 16 June is 01:30 on 17 June in Paris (summer time).
        var meeting = Meeting(new DateTimeOffset(2025, 6, 16, 23, 30, 0, TimeSpan.Zero));
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal(new DateOnly(2025, 6, 17), meeting.Day(paris));
        Assert.Equal(new DateOnly(2025, 6, 16), meeting.Day(TimeZoneInfo.Utc));
    }

    [Fact]
    public void MarkHeld_ChangesTheStatus()
    {
        var meeting = Meeting();

        meeting.MarkHeld();

        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }

    // --- Participants ---

    [Fact]
    public void SetParticipant_AddsANewProfessional()
    {
        var meeting = Meeting();

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
        var meeting = Meeting();
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
        var meeting = Meeting();
        meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Surgery, Presence.OnSite);
        meeting.SetParticipant(Oncologist, "Dr Bernard", Specialty.MedicalOncology, Presence.OnSite);
        meeting.SetParticipant(Nurse, "Mme Petit", Specialty.Nursing, Presence.OnSite);

        var before = meeting.Quorum(Breast);
        meeting.SetParticipant(Radiotherapist, "Dr Thomas", Specialty.Radiotherapy, Presence.Remote);
        var after = meeting.Quorum(Breast);

        Assert.False(before.Reached);
        Assert.Equal([Specialty.Radiotherapy, Specialty.Pathology], before.MissingExpected);
        Assert.True(after.Reached);
        Assert.Equal([Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Surgery], after.PresentSpecialties);
        Assert.Equal([Specialty.Pathology], after.MissingExpected);
    }

    [Fact]
    public void Quorum_IsLost_WhenAParticipantIsUpdatedToAbsent()
    {
        var meeting = Meeting();
        meeting.SetParticipant(Surgeon, "Dr Martin", Specialty.Surgery, Presence.OnSite);
        meeting.SetParticipant(Oncologist, "Dr Bernard", Specialty.MedicalOncology, Presence.OnSite);
        meeting.SetParticipant(Radiotherapist, "Dr Thomas", Specialty.Radiotherapy, Presence.OnSite);
        Assert.True(meeting.Quorum(Breast).Reached);

        meeting.SetParticipant(Radiotherapist, "Dr Thomas", Specialty.Radiotherapy, Presence.Absent);

        var check = meeting.Quorum(Breast);
        Assert.False(check.Reached);
        Assert.Contains("radiothérapie", check.Message);
    }
}
