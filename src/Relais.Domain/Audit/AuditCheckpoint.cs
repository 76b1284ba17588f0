using System.Globalization;

namespace Relais.Domain.Audit;

/// <summary>What a checkpoint attests: the chain's head at a moment, or the last row a retention purge removed.</summary>
public enum CheckpointKind
{
    Head,
    Purge,
}

/// <summary>
/// A signed statement that the audit chain's row <see cref="Index"/> had hash <see cref="Hash"/> at
/// <see cref="At"/> (SECURITY.md promise 3). Heads are appended at intervals to a file outside the
/// database, so that rows deleted from the chain's end, or a chain rewritten from some row on, no longer
/// match what was attested; a purge leaves one too, in the database and in the file, so that rows removed
/// from the chain's start by the retention policy are told apart from a truncation.
/// </summary>
public sealed record AuditCheckpoint(CheckpointKind Kind, long Index, string Hash, DateTimeOffset At, string Signature)
{
    public static AuditCheckpoint Sign(ReadOnlySpan<byte> key, CheckpointKind kind, long index, string hash, DateTimeOffset at)
    {
        AuditChain.RequireKey(key);
        return new AuditCheckpoint(kind, index, hash, at, AuditChain.Mac(key, Canonical(kind, index, hash, at)));
    }

    public bool IsAuthentic(ReadOnlySpan<byte> key) =>
        string.Equals(Signature, AuditChain.Mac(key, Canonical(Kind, Index, Hash, At)), StringComparison.Ordinal);

    public AuditAnchor Anchor => new(Index, Hash);

    /// <summary>One line of the checkpoint file: <c>kind index hash instant signature</c>.</summary>
    public string ToLine() => string.Join(' ', Kind == CheckpointKind.Head ? "head" : "purge",
        Index.ToString(CultureInfo.InvariantCulture), Hash, AuditChain.Instant(At), Signature);

    /// <summary>
    /// Reads a line of the checkpoint file. A line that does not parse is returned as a checkpoint that
    /// cannot be authentic, so that the verification reports it instead of skipping it.
    /// </summary>
    public static AuditCheckpoint Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        if (parts.Length == 5
            && parts[0] is "head" or "purge"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && DateTimeOffset.TryParseExact(parts[3], "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return new AuditCheckpoint(parts[0] == "head" ? CheckpointKind.Head : CheckpointKind.Purge, index, parts[2], at, parts[4]);
        return new AuditCheckpoint(CheckpointKind.Head, 0, "", DateTimeOffset.MinValue, "illisible");
    }

    private static string Canonical(CheckpointKind kind, long index, string hash, DateTimeOffset at) =>
        string.Join('|', "relais-audit-checkpoint-v1", kind == CheckpointKind.Head ? "head" : "purge",
            index.ToString(CultureInfo.InvariantCulture), hash, AuditChain.Instant(at));
}
