using Relais.Domain.Pathways;
using Relais.Domain.Questionnaires;

namespace Relais.Domain.Tests.Questionnaires;

/// <summary>The weekly questionnaire of active treatment: reminded the day after, on the call list a day after the reminder; no call list after the hand-over.</summary>
public class QuestionnaireScheduleTests
{
    private static readonly DateOnly Start = new(2026, 11, 2);

    [Theory]
    [InlineData("2026-11-08", null, ScheduleState.UpToDate)]
    [InlineData("2026-11-09", null, ScheduleState.UpToDate)]
    [InlineData("2026-11-10", null, ScheduleState.Remind)]
    [InlineData("2026-11-11", null, ScheduleState.CallList)]
    [InlineData("2026-11-11", "2026-11-03", ScheduleState.UpToDate)]
    [InlineData("2026-11-11", "2026-11-02", ScheduleState.CallList)]
    [InlineData("2026-11-17", "2026-11-05", ScheduleState.Remind)]
    [InlineData("2026-11-18", "2026-11-05", ScheduleState.CallList)]
    [InlineData("2026-11-18", "2026-11-12", ScheduleState.UpToDate)]
    public void DuringActiveTreatment_AnUnansweredWeek_IsRemindedThenCalled(string today, string? lastAnswered, ScheduleState expected) =>
        Assert.Equal(expected, QuestionnaireSchedule.State(PathwayPhase.ActiveTreatment, Start, lastAnswered is null ? null : DateOnly.Parse(lastAnswered, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-08", null, false)]
    [InlineData("2026-11-09", null, true)]
    [InlineData("2026-11-10", null, true)]
    [InlineData("2026-11-09", "2026-11-03", false)]
    [InlineData("2026-11-09", "2026-11-02", true)]
    [InlineData("2026-11-16", "2026-11-09", true)]
    [InlineData("2026-11-16", "2026-11-10", false)]
    public void FromItsDueDay_AnUnansweredWeek_IsDue(string today, string? lastAnswered, bool due) =>
        Assert.Equal(due, QuestionnaireSchedule.IsDue(PathwayPhase.ActiveTreatment, Start, lastAnswered is null ? null : DateOnly.Parse(lastAnswered, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void OutsideActiveTreatment_NothingIsDue() =>
        Assert.False(QuestionnaireSchedule.IsDue(PathwayPhase.SharedFollowUp, Start, null, Start.AddDays(30)));

    [Theory]
    [InlineData(PathwayPhase.SharedFollowUp)]
    [InlineData(PathwayPhase.AfterCancer)]
    [InlineData(PathwayPhase.Deceased)]
    public void AfterTheHandOver_NoCallList(PathwayPhase phase) =>
        Assert.Equal(ScheduleState.UpToDate, QuestionnaireSchedule.State(phase, Start, null, Start.AddDays(30)));

    [Fact]
    public void TheOccurrences_AreWeekly_FromAWeekAfterThePhaseBegan()
    {
        Assert.Null(QuestionnaireSchedule.CurrentDue(Start, Start.AddDays(6)));
        Assert.Equal((1, Start.AddDays(7)), QuestionnaireSchedule.CurrentDue(Start, Start.AddDays(7)));
        Assert.Equal((2, Start.AddDays(14)), QuestionnaireSchedule.CurrentDue(Start, Start.AddDays(20)));
        Assert.Equal(ToxicityQuestionnaire.Code, QuestionnaireSchedule.Assigned(PathwayPhase.ActiveTreatment));
    }
}
