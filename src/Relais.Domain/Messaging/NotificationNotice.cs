namespace Relais.Domain.Messaging;

/// <summary>
/// When a person who agreed to it is told by e-mail that something new waits in Relais (issue 14, point 4): new
/// messages, documents, questionnaires due, alert outcomes. The e-mail carries no clinical content, only the notice
/// and the link; the things themselves are read in the app.
/// </summary>
public static class NotificationNotice
{
    /// <summary>[R]: at most one notice every 12 hours, so that a busy day brings one e-mail, not one per message.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(12);

    /// <summary>
    /// Sends when more is new than at the last notice (something arrived since it), and the last notice is old enough.
    /// Things read meanwhile lower the count remembered (<see cref="Remembered"/>), so the next arrival is noticed.
    /// </summary>
    public static bool ShouldSend(int newNow, int newAtLastNotice, DateTimeOffset? lastNoticeAt, DateTimeOffset now) =>
        newNow > 0 && newNow > newAtLastNotice && (lastNoticeAt is not { } last || now - last >= MinimumInterval);

    /// <summary>The count kept after a check: what was new when a notice left, or less once things were read.</summary>
    public static int Remembered(int newNow, int newAtLastNotice, bool sent) => sent ? newNow : Math.Min(newNow, newAtLastNotice);
}
