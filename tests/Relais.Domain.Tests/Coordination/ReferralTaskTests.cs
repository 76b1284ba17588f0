using Relais.Domain.Coordination;
using static Relais.Domain.Tests.Builders.Ids;

namespace Relais.Domain.Tests.Coordination;

public class ReferralTaskTests
{
    private static readonly DateOnly Today = new(2025, 6, 16);
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 18, 45, 0, TimeSpan.FromHours(2));

    private static ReferralTask Open(string reason = "Suspicion de récidive : adénopathie axillaire", int? dueDays = null) =>
        dueDays is null
            ? ReferralTask.Open(Patient, Event, reason, Today, Oncologist, Now)
            : ReferralTask.Open(Patient, Event, reason, Today, Oncologist, Now, dueDays.Value);

    [Fact]
    public void Open_IsDueSevenDaysFromToday_ByDefault()
    {
        var task = Open();

        Assert.Equal(new DateOnly(2025, 6, 23), task.DueOn);
        Assert.Equal(ReferralStatus.Open, task.Status);
        Assert.Equal(Event, task.ClinicalEventId);
    }

    [Fact]
    public void Open_UsesTheOrganisationsDelay_WhenGiven()
    {
        Assert.Equal(new DateOnly(2025, 6, 19), Open(dueDays: 3).DueOn);
    }

    [Fact]
    public void Open_KeepsTheFirstFiveHundredCharactersOfTheReason()
    {
        Assert.Equal(new string('r', 500), Open(reason: new string('r', 600)).Reason);
    }

    [Theory]
    [InlineData(true, ReferralStatus.Done)]
    [InlineData(false, ReferralStatus.Cancelled)]
    public void Close_RecordsTheOutcome_WhoAndWhen(bool done, ReferralStatus expected)
    {
        var task = Open();

        task.Close(Oncologist, Now.AddDays(4), done);

        Assert.Equal(expected, task.Status);
        Assert.Equal(Oncologist, task.ClosedBy);
        Assert.Equal(Now.AddDays(4), task.ClosedAt);
    }

    [Fact]
    public void Close_IsRefused_WhenAlreadyClosed()
    {
        var task = Open();
        task.Close(Oncologist, Now.AddDays(4));

        var error = Assert.Throws<DomainValidationException>(() => task.Close(Oncologist, Now.AddDays(5), done: false));

        Assert.Equal("status", error.Field);
        Assert.Equal(ReferralStatus.Done, task.Status);
        Assert.Equal(Now.AddDays(4), task.ClosedAt);
    }
}
