namespace Relais.Web.Features.Notifications;

/// <summary>
/// A person's notification state (issue 14, point 4), beside the account rather than in it: whether they agreed to an
/// e-mail notice (off until they say so), what the last notice counted and when it left, and up to when they have seen
/// the outcomes of their alerts; and the language they chose to read Relais in (point 3), which follows the account.
/// A row exists once the person changed something or was checked.
/// </summary>
public sealed class NotificationSetting
{
    private NotificationSetting() { }

    public Guid UserId { get; private set; }
    /// <summary>The person agreed to be told by e-mail that something new waits in Relais.</summary>
    public bool EmailOptIn { get; private set; }
    /// <summary>What was new at the last notice, or less once things were read (<see cref="Domain.Messaging.NotificationNotice.Remembered"/>).</summary>
    public int NoticedCount { get; private set; }
    public DateTimeOffset? NoticedAt { get; private set; }
    /// <summary>When the background check last looked (it looks at each person at intervals, not at every tick).</summary>
    public DateTimeOffset? CheckedAt { get; private set; }
    /// <summary>The outcomes of the person's alerts recorded up to then have been seen.</summary>
    public DateTimeOffset? OutcomesSeenAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>"fr" or "en", once the person chose; French otherwise (<see cref="ChooseLanguage"/>).</summary>
    public string? Language { get; private set; }

    public static NotificationSetting For(Guid userId, DateTimeOffset now) => new() { UserId = userId, UpdatedAt = now };

    public void ChooseEmail(bool optIn, DateTimeOffset now)
    {
        EmailOptIn = optIn;
        UpdatedAt = now;
    }

    public void Checked(int newNow, bool sent, DateTimeOffset now)
    {
        NoticedCount = Domain.Messaging.NotificationNotice.Remembered(newNow, NoticedCount, sent);
        if (sent) NoticedAt = now;
        CheckedAt = now;
    }

    public void OutcomesSeen(DateTimeOffset now)
    {
        OutcomesSeenAt = now;
        UpdatedAt = now;
    }

    public void ChooseLanguage(string language, DateTimeOffset now)
    {
        Language = language;
        UpdatedAt = now;
    }
}
