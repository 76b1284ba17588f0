using System.Globalization;
using Relais.Domain.Pathways;
using Relais.Domain.Questionnaires;
using Relais.Domain.Surveillance;
using Relais.Domain.Tests.Surveillance;

namespace Relais.Domain.Tests.Questionnaires;

/// <summary>
/// The questionnaire a team chooses for a patient in follow-up (issue 14 point 2): due at its period from its first day,
/// reminded the day after, never on the call list, stopped by the team, the end of the protocol or the patient's death.
/// </summary>
public class FollowUpQuestionnairePlanTests
{
    private static readonly Guid Patient = Guid.Parse("0197b000-0000-7000-8000-000000000100");
    private static readonly Guid Nurse = Guid.Parse("0197b000-0000-7000-8000-000000000005");
    private static readonly DateOnly J0 = new(2026, 1, 15);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static Enrolment Enrolment() => Relais.Domain.Surveillance.Enrolment.Start(Patient, TestProtocols.Validated(ShippedProtocols.Breast), J0, radiotherapy: false, Now);

    private static DateOnly D(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private static FollowUpQuestionnairePlan Plan(int every, PlanPeriodUnit unit, string startsOn, string? endsOn = null) =>
        FollowUpQuestionnairePlan.Choose(Patient, Enrolment(), "esas-r", every, unit, D(startsOn), endsOn is null ? null : D(endsOn), Nurse, Today, Now);

    private static string RefusedField(Action action) => Assert.Throws<DomainValidationException>(action).Field;

    [Fact]
    public void ThePlan_KeepsWhoChoseIt_UnderWhichProtocol_AndItsSourceSaysNoCallList()
    {
        var plan = Plan(3, PlanPeriodUnit.Months, "2026-03-10");
        Assert.Equal(Nurse, plan.ChosenBy);
        Assert.Equal("breast", plan.ProtocolCode);
        Assert.Equal(Today, plan.ChosenOn);
        Assert.Contains("pas de liste d'appels hospitalière", FollowUpQuestionnairePlan.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "2026-03-10")]
    [InlineData(2, "2026-06-10")]
    [InlineData(5, "2027-03-10")]
    public void MonthlyOccurrences_AreCountedFromTheFirstDay(int occurrence, string due) =>
        Assert.Equal(D(due), Plan(3, PlanPeriodUnit.Months, "2026-03-10").DueOn(occurrence));

    [Fact]
    public void AMonthlyPlanFromTheThirtyFirst_FallsOnTheLastDayOfShorterMonths_WithoutDrifting()
    {
        var plan = FollowUpQuestionnairePlan.Choose(Patient, Enrolment(), "esas-r", 1, PlanPeriodUnit.Months, D("2026-03-31"), null, Nurse, Today, Now);
        Assert.Equal(D("2026-04-30"), plan.DueOn(2));
        Assert.Equal(D("2026-05-31"), plan.DueOn(3));
        Assert.Equal((2, D("2026-04-30")), plan.CurrentDue(D("2026-05-30")));
        Assert.Equal((3, D("2026-05-31")), plan.CurrentDue(D("2026-05-31")));
    }

    [Theory]
    // Every two weeks from 10 March: due on 10 March, 24 March, 7 April.
    [InlineData("2026-03-09", null, false, ScheduleState.UpToDate)]
    [InlineData("2026-03-10", null, true, ScheduleState.UpToDate)]
    [InlineData("2026-03-11", null, true, ScheduleState.Remind)]
    [InlineData("2026-03-11", "2026-03-05", false, ScheduleState.UpToDate)]
    [InlineData("2026-03-23", "2026-03-05", false, ScheduleState.UpToDate)]
    [InlineData("2026-03-24", "2026-03-05", true, ScheduleState.UpToDate)]
    [InlineData("2026-03-25", "2026-03-10", true, ScheduleState.Remind)]
    [InlineData("2026-03-25", "2026-03-17", false, ScheduleState.UpToDate)]
    [InlineData("2026-04-20", "2026-03-17", true, ScheduleState.Remind)]
    public void AnOccurrence_IsDueOnItsDay_RemindedTheDayAfter_AndNeverCalled(string today, string? lastAnswered, bool due, ScheduleState state)
    {
        var plan = Plan(2, PlanPeriodUnit.Weeks, "2026-03-10");
        DateOnly? answered = lastAnswered is null ? null : D(lastAnswered);
        Assert.Equal(due, plan.IsDue(D(today), answered, ProtocolStanding.Lasting));
        Assert.Equal(state, plan.State(D(today), answered, ProtocolStanding.Lasting));
    }

    [Fact]
    public void AnAnswerBeforeThePlanWasChosen_DoesNotAnswerIt_AndALateAnswerDoesNotAnswerTheNextMonth()
    {
        var plan = Plan(1, PlanPeriodUnit.Months, "2026-03-02");
        Assert.True(plan.IsDue(D("2026-03-02"), D("2026-03-01"), ProtocolStanding.Lasting));
        Assert.False(plan.IsDue(D("2026-03-02"), D("2026-03-02"), ProtocolStanding.Lasting));
        // March answered late on the 10th: April (the 2nd) is still to answer; from a week before its day an answer counts.
        Assert.True(plan.IsDue(D("2026-04-02"), D("2026-03-10"), ProtocolStanding.Lasting));
        Assert.False(plan.IsDue(D("2026-04-02"), D("2026-03-26"), ProtocolStanding.Lasting));
    }

    [Fact]
    public void WeeksAfterALongUnansweredTime_OnlyTheCurrentOccurrenceIsDue_EachWithItsOwnReminder()
    {
        var plan = Plan(1, PlanPeriodUnit.Weeks, "2026-03-10");
        Assert.Equal((4, D("2026-03-31")), plan.CurrentDue(D("2026-04-02")));
        Assert.Equal(ScheduleState.Remind, plan.State(D("2026-04-01"), null, ProtocolStanding.Lasting));
    }

    [Theory]
    [InlineData(ProtocolStanding.Ended, PlanStatus.ProtocolEnded)]
    [InlineData(ProtocolStanding.LeftCare, PlanStatus.LeftCare)]
    public void TheEndOfTheProtocol_OrTheDeath_StopsEverything(ProtocolStanding standing, PlanStatus status)
    {
        var plan = Plan(1, PlanPeriodUnit.Months, "2026-03-10");
        Assert.Equal(status, plan.Status(D("2026-03-11"), standing));
        Assert.False(plan.IsDue(D("2026-03-11"), null, standing));
        Assert.Equal(ScheduleState.UpToDate, plan.State(D("2026-03-11"), null, standing));
    }

    [Fact]
    public void StoppingThePlan_StopsItsOccurrences_AndStoppingAgainChangesNothing()
    {
        var plan = Plan(1, PlanPeriodUnit.Months, "2026-03-10");
        Assert.Equal(PlanStatus.Scheduled, plan.Status(D("2026-03-09"), ProtocolStanding.Lasting));
        Assert.Equal(PlanStatus.Running, plan.Status(D("2026-03-10"), ProtocolStanding.Lasting));
        plan.Stop(Nurse, Now.AddDays(8));
        plan.Stop(Guid.NewGuid(), Now.AddDays(9));
        Assert.Equal(Nurse, plan.StoppedBy);
        Assert.Equal(Now.AddDays(8), plan.StoppedAt);
        Assert.Equal(PlanStatus.Stopped, plan.Status(D("2026-03-11"), ProtocolStanding.Lasting));
        Assert.False(plan.IsDue(D("2026-03-11"), null, ProtocolStanding.Lasting));
    }

    [Fact]
    public void ThePlanEndsOnItsLastDay_TheLastOccurrenceStaysDueUntilTheNextWouldHaveCome()
    {
        var plan = Plan(1, PlanPeriodUnit.Months, "2026-03-10", "2026-05-10");
        Assert.Equal((3, D("2026-05-10")), plan.CurrentDue(D("2026-05-20")));
        Assert.True(plan.IsDue(D("2026-05-20"), null, ProtocolStanding.Lasting));
        Assert.Equal(PlanStatus.Ended, plan.Status(D("2026-05-20"), ProtocolStanding.Lasting));
        Assert.False(plan.IsDue(D("2026-06-10"), null, ProtocolStanding.Lasting));
    }

    [Theory]
    [InlineData(new[] { PathwayPhase.SharedFollowUp }, ProtocolStanding.Lasting)]
    [InlineData(new[] { PathwayPhase.EndOfTreatment }, ProtocolStanding.Lasting)]
    [InlineData(new[] { PathwayPhase.AfterCancer }, ProtocolStanding.Ended)]
    [InlineData(new[] { PathwayPhase.TumorBoard }, ProtocolStanding.Ended)]
    [InlineData(new[] { PathwayPhase.SharedFollowUp, PathwayPhase.Deceased }, ProtocolStanding.LeftCare)]
    [InlineData(new[] { PathwayPhase.MovedAway }, ProtocolStanding.LeftCare)]
    public void TheProtocolLasts_WhileAnEpisodeIsFollowed_AndThePatientInCare(PathwayPhase[] phases, ProtocolStanding standing) =>
        Assert.Equal(standing, FollowUpQuestionnairePlan.StandingOf(phases));

    [Theory]
    [InlineData(0, PlanPeriodUnit.Weeks, "2026-03-10", null, "every")]
    [InlineData(53, PlanPeriodUnit.Weeks, "2026-03-10", null, "every")]
    [InlineData(25, PlanPeriodUnit.Months, "2026-03-10", null, "every")]
    [InlineData(1, PlanPeriodUnit.Months, "2026-03-01", null, "startsOn")]
    [InlineData(1, PlanPeriodUnit.Months, "2027-03-03", null, "startsOn")]
    [InlineData(1, PlanPeriodUnit.Months, "2026-03-10", "2026-03-09", "endsOn")]
    public void ABadChoice_IsRefused_NamingTheField(int every, PlanPeriodUnit unit, string startsOn, string? endsOn, string field) =>
        Assert.Equal(field, RefusedField(() => Plan(every, unit, startsOn, endsOn)));

    [Fact]
    public void NoUnit_NoQuestionnaire_OrAStartBeforeJ0_AreRefused()
    {
        Assert.Equal("unit", RefusedField(() => FollowUpQuestionnairePlan.Choose(Patient, Enrolment(), "esas-r", 1, null, null, null, Nurse, Today, Now)));
        Assert.Equal("questionnaire", RefusedField(() => FollowUpQuestionnairePlan.Choose(Patient, Enrolment(), " ", 1, PlanPeriodUnit.Weeks, null, null, Nurse, Today, Now)));
        var late = Relais.Domain.Surveillance.Enrolment.Start(Patient, TestProtocols.Validated(ShippedProtocols.Breast), new DateOnly(2026, 4, 1), radiotherapy: false, Now);
        Assert.Equal("startsOn", RefusedField(() => FollowUpQuestionnairePlan.Choose(Patient, late, "esas-r", 1, PlanPeriodUnit.Weeks, D("2026-03-10"), null, Nurse, Today, Now)));
        Assert.Equal(Today, FollowUpQuestionnairePlan.Choose(Patient, Enrolment(), "esas-r", 1, PlanPeriodUnit.Weeks, null, null, Nurse, Today, Now).StartsOn);
    }

    [Fact]
    public void TheSameChoiceAgain_IsRecognised()
    {
        var plan = Plan(3, PlanPeriodUnit.Months, "2026-03-10");
        Assert.True(plan.IsSameChoice("esas-r", 3, PlanPeriodUnit.Months, D("2026-03-10"), null));
        Assert.False(plan.IsSameChoice("esas-r", 2, PlanPeriodUnit.Months, D("2026-03-10"), null));
    }
}
