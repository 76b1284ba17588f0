namespace Relais.Domain.Audit;

/// <summary>
/// A retention purge of the audit trail (SECURITY.md promise 3): the rows of the chain up to
/// <see cref="UpToIndex"/>, all older than the retention period, were removed. The purge is signed
/// under the audit key like a checkpoint, so the verification starts from it; removing rows from the
/// chain's start without such a record, or forging one, is detected. Purges are themselves append-only
/// and audited.
/// </summary>
public sealed class AuditPurge
{
    private AuditPurge() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ByUserId { get; private set; }
    public long UpToIndex { get; private set; }
    public string HashAtIndex { get; private set; } = "";
    public int RowsPurged { get; private set; }
    public string Signature { get; private set; } = "";

    public static AuditPurge Record(ReadOnlySpan<byte> key, long upToIndex, string hashAtIndex, int rowsPurged, Guid? byUserId, DateTimeOffset now)
    {
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        var checkpoint = AuditCheckpoint.Sign(key, CheckpointKind.Purge, upToIndex, hashAtIndex, at);
        return new AuditPurge
        {
            At = at,
            ByUserId = byUserId,
            UpToIndex = upToIndex,
            HashAtIndex = hashAtIndex,
            RowsPurged = rowsPurged,
            Signature = checkpoint.Signature,
        };
    }

    public AuditCheckpoint Checkpoint => new(CheckpointKind.Purge, UpToIndex, HashAtIndex, At, Signature);
}

/// <summary>How long the audit trail is kept.</summary>
public static class AuditRetention
{
    /// <summary>
    /// Access traces are kept six months at least (SECURITY.md promise 3; the CNIL recommends six months
    /// to one year for the traces of access to health data).
    /// </summary>
    public const int MinimumMonths = 6;

    public static bool IsAllowed(int months) => months >= MinimumMonths;

    /// <summary>Rows written before this instant may be purged.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int months)
    {
        if (!IsAllowed(months)) throw new ArgumentOutOfRangeException(nameof(months), months, $"Audit retention is {MinimumMonths} months at least.");
        return now.AddMonths(-months);
    }
}
