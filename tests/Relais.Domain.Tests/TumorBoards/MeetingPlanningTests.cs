using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>Planning a meeting of a board, its day and its status.</summary>
public class MeetingPlanningTests
{
    [Fact]
    public void Plan_CreatesAPlannedMeetingWithoutParticipants()
    {
        var boardId = Board;
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
        var error = Assert.Throws<DomainValidationException>(() => A.Meeting().StartingAt(Now.AddDays(days)).Build());

        Assert.Equal("startsAt", error.Field);
    }

    [Fact]
    public void Plan_AcceptsAMeetingLaterToday()
    {
        var meeting = A.Meeting().StartingAt(Now.AddHours(4)).Build();

        Assert.Equal(MeetingStatus.Planned, meeting.Status);
    }

    [Fact]
    public void Day_IsTheCalendarDayInTheGivenZone()
    {
        // 23:30 UTC on 16 June is 01:30 on 17 June in Paris (summer time).
        var meeting = A.Meeting().StartingAt(new DateTimeOffset(2025, 6, 16, 23, 30, 0, TimeSpan.Zero)).Build();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal(new DateOnly(2025, 6, 17), meeting.Day(paris));
        Assert.Equal(new DateOnly(2025, 6, 16), meeting.Day(TimeZoneInfo.Utc));
    }

    [Fact]
    public void MarkHeld_ChangesTheStatus()
    {
        var meeting = A.Meeting().Build();

        meeting.MarkHeld();

        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }
}
