using Relais.Domain.Coordination;
using static Relais.Domain.Coordination.TransmissionStatus;

namespace Relais.Domain.Tests.Coordination;

public class TransmissionRulesTests
{
    private static readonly DateTimeOffset Due = new(2025, 6, 19, 9, 30, 0, TimeSpan.FromHours(2));

    private static DateTimeOffset? HoursFromDue(int? hours) => hours is null ? null : Due.AddHours(hours.Value);

    // Times are in hours from the due time; null means "has not happened".
    [Theory]
    // Before the due time.
    [InlineData(null, null, null, -1, Pending)]
    [InlineData(null, null, -30, -1, Failed)]
    [InlineData(-48, null, null, -1, Delivered)]
    [InlineData(-48, null, -30, -1, Delivered)]
    [InlineData(null, -2, null, -1, Acknowledged)]
    [InlineData(null, -2, -30, -1, Acknowledged)]
    [InlineData(-48, -2, null, -1, Acknowledged)]
    [InlineData(-48, -2, -30, -1, Acknowledged)]
    // Exactly at the due time: late from that instant.
    [InlineData(null, null, null, 0, Late)]
    [InlineData(null, null, -30, 0, Failed)]
    [InlineData(-48, null, null, 0, Late)]
    [InlineData(-48, null, -30, 0, Late)]
    [InlineData(-48, -2, null, 0, Acknowledged)]
    // After the due time.
    [InlineData(null, null, null, 24, Late)]
    [InlineData(null, null, -30, 24, Failed)]
    [InlineData(-48, null, null, 24, Late)]
    [InlineData(-48, null, -30, 24, Late)]
    [InlineData(null, 12, null, 24, Acknowledged)]
    [InlineData(null, 12, -30, 24, Acknowledged)]
    [InlineData(-48, 12, null, 24, Acknowledged)]
    [InlineData(-48, 12, -30, 24, Acknowledged)]
    public void Status_FollowsAcknowledgementThenDeliveryThenFailureThenTheDueTime(
        int? deliveredAt, int? acknowledgedAt, int? failedAt, int now, TransmissionStatus expected)
    {
        var status = TransmissionRules.Status(HoursFromDue(deliveredAt), HoursFromDue(acknowledgedAt), HoursFromDue(failedAt), Due, Due.AddHours(now));

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(-2 * 24 * 60, false)]
    [InlineData(-24 * 60 - 1, false)]
    [InlineData(-24 * 60, true)]
    [InlineData(-12 * 60, true)]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(60, false)]
    public void ReminderBeforeDue_IsDueInTheLastDayBeforeTheDueTime_DueTimeExcluded(int minutesFromDue, bool expected)
    {
        Assert.Equal(expected, TransmissionRules.ReminderBeforeDue(null, null, Due, Due.AddMinutes(minutesFromDue)));
    }

    [Fact]
    public void ReminderBeforeDue_IsNotSent_OnceAcknowledged()
    {
        Assert.False(TransmissionRules.ReminderBeforeDue(Due.AddDays(-2), null, Due, Due.AddHours(-3)));
    }

    [Fact]
    public void ReminderBeforeDue_IsSentOnlyOnce()
    {
        Assert.False(TransmissionRules.ReminderBeforeDue(null, Due.AddHours(-20), Due, Due.AddHours(-3)));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(24 * 60 * 30, true)]
    public void ReminderAfterDue_IsSentFromTheDueTime_WhenNoneWasSentYet(int minutesFromDue, bool expected)
    {
        Assert.Equal(expected, TransmissionRules.ReminderAfterDue(null, null, Due, Due.AddMinutes(minutesFromDue)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(24 * 60, false)]
    [InlineData(2 * 24 * 60 - 1, false)]
    [InlineData(2 * 24 * 60, true)]
    [InlineData(5 * 24 * 60, true)]
    public void ReminderAfterDue_IsRepeatedEveryTwoDays_UntilAcknowledged(int minutesSinceLastReminder, bool expected)
    {
        var lastReminder = Due.AddHours(6);

        Assert.Equal(expected, TransmissionRules.ReminderAfterDue(null, lastReminder, Due, lastReminder.AddMinutes(minutesSinceLastReminder)));
    }

    [Fact]
    public void ReminderAfterDue_StopsOnceAcknowledged()
    {
        Assert.False(TransmissionRules.ReminderAfterDue(Due.AddDays(1), Due, Due, Due.AddDays(10)));
    }
}
