namespace Relais.Domain.Messaging;

/// <summary>Retry policy of the outbox dispatcher: exponential back-off, then the dead-letter list.</summary>
public static class OutboxRules
{
    public const int MaxAttempts = 8;

    /// <summary>30 s, 1 min, 2 min, 4 min... capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>A stable Message-ID: the same outbox row always carries the same id, so a resend is recognisable.</summary>
    public static string MessageId(Guid outboxId, string domain) => $"<{outboxId:N}@{domain}>";
}
