using Relais.Domain.Continuity;

namespace Relais.Domain.Tests.Continuity;

public class DeferralTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.Parse("0197c000-0000-7000-8000-000000000011");
    private static readonly Guid Item = Guid.Parse("0197c000-0000-7000-8000-000000000012");
    private static readonly Guid Oncologist = Guid.Parse("0197c000-0000-7000-8000-000000000013");

    private static Deferral Decide(DeferralPriority priority, DateOnly? until = null) =>
        Deferral.Decide(Patient, DeferredItemKind.Appointment, Item, Today.AddDays(3), " Saturation du service ", priority, until, Oncologist, Today, Now);

    [Theory]
    [InlineData(DeferralPriority.High, 7)]
    [InlineData(DeferralPriority.Medium, 42)]
    [InlineData(DeferralPriority.Low, 90)]
    public void MaxDelay_IsDataPerPriority(DeferralPriority priority, int days) => Assert.Equal(days, DeferralPriorities.MaxDelayDays[priority]);

    [Theory]
    // Overdue the day after the deadline, not on it.
    [InlineData(DeferralPriority.High, 7, false)]
    [InlineData(DeferralPriority.High, 8, true)]
    [InlineData(DeferralPriority.Medium, 42, false)]
    [InlineData(DeferralPriority.Medium, 43, true)]
    [InlineData(DeferralPriority.Low, 90, false)]
    [InlineData(DeferralPriority.Low, 91, true)]
    public void IsOverdue_AfterThePrioritysMaximumDelayFromTheDecision(DeferralPriority priority, int daysLater, bool overdue) =>
        Assert.Equal(overdue, Decide(priority).IsOverdue(Today.AddDays(daysLater)));

    [Theory]
    [InlineData(DeferralPriority.Medium, 10, 10, false)]
    [InlineData(DeferralPriority.Medium, 10, 11, true)]
    [InlineData(DeferralPriority.Low, 30, 31, true)]
    public void AnEarlierUntil_IsTheDeadline(DeferralPriority priority, int untilDays, int daysLater, bool overdue)
    {
        var deferral = Decide(priority, Today.AddDays(untilDays));

        Assert.Equal(Today.AddDays(untilDays), deferral.Deadline);
        Assert.Equal(overdue, deferral.IsOverdue(Today.AddDays(daysLater)));
    }

    [Fact]
    public void Rescheduled_IsNoLongerOverdue_AndKeepsItsNewDate()
    {
        var deferral = Decide(DeferralPriority.High);

        deferral.End(Today.AddDays(20), Oncologist, Now.AddDays(10));

        Assert.False(deferral.IsOpen);
        Assert.False(deferral.IsOverdue(Today.AddDays(30)));
        Assert.Equal(Today.AddDays(20), deferral.RescheduledOn);
        Assert.Equal("item", Assert.Throws<DomainValidationException>(() => deferral.End(Today.AddDays(21), Oncologist, Now.AddDays(11))).Field);
    }

    [Theory]
    [InlineData(" ", "medium", 0, "reason")]
    [InlineData("Saturation", null, 0, "priority")]
    [InlineData("Saturation", "medium", -1, "until")]
    [InlineData("Saturation", "high", 8, "until")]
    [InlineData("Saturation", "medium", 43, "until")]
    public void Decide_Refuses_NamingTheField(string reason, string? priority, int untilDays, string field)
    {
        DeferralPriority? p = priority is null ? null : EnumCodes.Parse<DeferralPriority>(priority, "priority");

        var ex = Assert.Throws<DomainValidationException>(() =>
            Deferral.Decide(Patient, DeferredItemKind.CarnetItem, Item, Today, reason, p, untilDays == 0 ? null : Today.AddDays(untilDays), Oncologist, Today, Now));

        Assert.Equal(field, ex.Field);
    }
}
