using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>Registering a case for a meeting: the question, the board and its meeting.</summary>
public class CaseRegistrationTests
{
    [Fact]
    public void Register_KeepsTheQuestionPresenterAndMeeting()
    {
        var board = A.Board().Build();
        var meeting = A.Meeting().Of(board).Build();

        var @case = A.Case().WithBoard(board).WithMeeting(meeting).WithQuestion("  Chimiothérapie adjuvante ?  ").WithRecurrence(true).Register();

        Assert.Equal(Patient, @case.PatientId);
        Assert.Equal(Episode, @case.EpisodeId);
        Assert.Equal(meeting.Id, @case.MeetingId);
        Assert.Equal("Chimiothérapie adjuvante ?", @case.Question);
        Assert.Equal(Oncologist, @case.PresentingPhysicianId);
        Assert.Equal(CaseKind.Discussed, @case.Kind);
        Assert.True(@case.IsRecurrence);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Equal(Secretary, @case.RegisteredBy);
        Assert.Equal(Now, @case.RegisteredAt);
        Assert.Null(@case.G8AssessmentId);
        Assert.Null(@case.Proposal);
    }

    [Fact]
    public void Register_DropsTheRegisteredOnlyReason_OfADiscussedCase()
    {
        var @case = A.Case().WithKind(CaseKind.Discussed).WithReason(RegisteredOnlyReason.Emergency).Register();

        Assert.Null(@case.RegisteredOnlyReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_IsRefused_WithoutAQuestion(string? question)
    {
        var error = A.Case().WithQuestion(question).Refused();

        Assert.Equal("question", error.Field);
    }

    [Fact]
    public void Register_LimitsTheQuestionTo2000Characters()
    {
        var accepted = A.Case().WithQuestion(new string('q', 2000)).Register();
        var error = A.Case().WithQuestion(new string('q', 2001)).Refused();

        Assert.Equal(2000, accepted.Question.Length);
        Assert.Equal("question", error.Field);
    }

    [Fact]
    public void Register_IsRefused_ForAMeetingOfAnotherBoard()
    {
        var otherBoard = A.Board().Build();
        var error = A.Case().WithBoard(A.Board().Build()).WithMeeting(A.Meeting().Of(otherBoard).Build()).Refused();

        Assert.Equal("meetingId", error.Field);
    }

    [Fact]
    public void Register_IsRefused_WhenTheMeetingIsNoLongerPlanned()
    {
        var board = A.Board().Build();
        var meeting = A.Meeting().Of(board).Build();
        meeting.MarkHeld();

        var error = A.Case().WithBoard(board).WithMeeting(meeting).Refused();

        Assert.Equal("meetingId", error.Field);
    }
}
