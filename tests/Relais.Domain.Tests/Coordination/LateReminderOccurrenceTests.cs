using Relais.Domain.Coordination;

namespace Relais.Domain.Tests.Coordination;

/// <summary>
/// The key by which a late reminder is issued once across instances: the number of whole two-day periods since the
/// due time. Reminders being at least one period apart, each falls in its own period.
/// </summary>
public class LateReminderOccurrenceTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(47, 0)]
    [InlineData(48, 1)]
    [InlineData(95, 1)]
    [InlineData(96, 2)]
    [InlineData(24 * 30, 15)]
    public void IsTheNumberOfWholeIntervalsSinceTheDueTime(int hoursAfterDue, int expected) =>
        Assert.Equal(expected, TransmissionRules.LateReminderOccurrence(Due, Due.AddHours(hoursAfterDue)));

    [Fact]
    public void RemindersOneIntervalApart_NeverShareAnOccurrence()
    {
        // Whatever the first late reminder's moment, each next one (one interval later or more) has a greater key.
        for (var minutes = 0; minutes < 2 * 24 * 60; minutes += 37)
        {
            var first = Due.AddMinutes(minutes);
            var next = first + TransmissionRules.ReminderAfterInterval;
            Assert.True(TransmissionRules.LateReminderOccurrence(Due, next) > TransmissionRules.LateReminderOccurrence(Due, first), $"{minutes} min after due");
        }
    }
}
