using Relais.Domain.Messaging;

namespace Relais.Domain.Tests.Messaging;

/// <summary>The e-mail notice that something new waits in Relais: once for what arrived, at most every 12 hours.</summary>
public class NotificationNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0, null, false)]
    [InlineData(1, 0, null, true)]
    [InlineData(2, 2, null, false)]
    [InlineData(3, 2, 13.0, true)]
    [InlineData(3, 2, 12.0, true)]
    [InlineData(3, 2, 11.9, false)]
    [InlineData(1, 3, 24.0, false)]
    public void ANotice_LeavesForWhatArrivedSinceTheLast_AtMostEveryTwelveHours(int newNow, int atLastNotice, double? hoursSinceLast, bool sends) =>
        Assert.Equal(sends, NotificationNotice.ShouldSend(newNow, atLastNotice, hoursSinceLast is { } h ? Now.AddHours(-h) : null, Now));

    [Theory]
    [InlineData(4, 2, true, 4)]
    [InlineData(1, 3, false, 1)]
    [InlineData(5, 3, false, 3)]
    [InlineData(0, 3, false, 0)]
    public void WhatIsRemembered_FallsWhenThingsAreRead_SoTheNextArrivalIsNoticed(int newNow, int atLastNotice, bool sent, int remembered) =>
        Assert.Equal(remembered, NotificationNotice.Remembered(newNow, atLastNotice, sent));
}
