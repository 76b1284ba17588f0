using Relais.Domain.Accounts;

namespace Relais.Domain.Tests.Accounts;

public class AccountRulesTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, false, AccountStatus.Invited)]
    [InlineData(true, true, AccountStatus.Active)]
    [InlineData(false, false, AccountStatus.Deactivated)]
    [InlineData(false, true, AccountStatus.Deactivated)]
    public void StatusOf_FollowsActivationThenDeactivation(bool isActive, bool hasPassword, AccountStatus expected) =>
        Assert.Equal(expected, AccountRules.StatusOf(isActive, hasPassword));

    [Theory]
    // hours after sending, stamp unchanged?, account active?, password already set?, expected
    [InlineData(0, true, true, false, InvitationState.Valid)]
    [InlineData(71.9, true, true, false, InvitationState.Valid)]
    [InlineData(72, true, true, false, InvitationState.Valid)]
    [InlineData(72.01, true, true, false, InvitationState.Expired)]
    [InlineData(73, true, true, false, InvitationState.Expired)]
    [InlineData(1, false, true, false, InvitationState.Spent)]
    [InlineData(1, true, true, true, InvitationState.Spent)]
    [InlineData(1, true, false, false, InvitationState.Spent)]
    [InlineData(80, false, true, true, InvitationState.Spent)]
    public void Check_IsGoodOnce_For72Hours(double hoursLater, bool sameStamp, bool isActive, bool hasPassword, InvitationState expected) =>
        Assert.Equal(expected, AccountRules.Check(Issued, "stamp-1", sameStamp ? "stamp-1" : "stamp-2", isActive, hasPassword, Issued.AddHours(hoursLater)));
}
