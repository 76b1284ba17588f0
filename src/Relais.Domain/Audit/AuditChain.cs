using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Relais.Domain.Audit;

/// <summary>One audited read, write or denied attempt on nominative data.</summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    Guid? ActorId,
    string? ActorRole,
    Guid? PatientId,
    string Action,
    string Resource,
    string Outcome,
    string? Detail);

/// <summary>
/// An audit record at its place in the chain, linked to its predecessor by hash. <see cref="Record"/> is null when the
/// seal is there but the row it sealed is not (a row deleted behind the database's guard).
/// </summary>
public sealed record ChainedAuditRecord(long ChainIndex, AuditRecord? Record, string PreviousHash, string Hash);

/// <summary>
/// The result of walking a chain. <see cref="Checked"/> counts the records found intact before the
/// first break; <see cref="FirstBrokenIndex"/> is the chain index where the break was found;
/// <see cref="LastIndex"/> and <see cref="LastHash"/> are the head reached (the value to keep elsewhere).
/// </summary>
public sealed record ChainVerification(bool IsIntact, long Checked, long? FirstBrokenIndex, string? Problem, long LastIndex = 0, string? LastHash = null);

/// <summary>Where a chain starts: the genesis, or the last row removed by a signed retention purge.</summary>
public sealed record AuditAnchor(long Index, string Hash)
{
    public static readonly AuditAnchor Genesis = new(0, AuditChain.GenesisHash);
}

/// <summary>
/// Hash chain over the audit rows, which are append-only (ARCHITECTURE.md, Audit): each row's
/// hash covers its predecessor's hash, so editing, deleting or reordering a row breaks every
/// link after it. The patient "can see who accessed the record" (PRODUCT.md §2); the chain is
/// what makes that list trustworthy.
/// </summary>
/// <remarks>
/// A chain alone cannot reveal rows removed from its end: its head is therefore checkpointed outside
/// the database (<see cref="AuditCheckpoint"/>), and a retention purge, which removes rows from its
/// start, leaves a signed anchor the verification starts from.
/// </remarks>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// HMAC-SHA-256 under the audit key, lowercase hex, over a serialisation where every field is
    /// length-prefixed and null has its own marker, so no two different records serialise alike. The
    /// key is not in the database (SECURITY.md promise 3): whoever can write to the database can change a
    /// row but cannot compute the hash that would make the change, or a whole recomputed chain, pass.
    /// Every column the patient's access log shows is covered, the actor's role included (security
    /// review M2: the role was outside the hash).
    /// </summary>
    /// <remarks>
    /// The instant is taken in UTC to the microsecond: PostgreSQL keeps microseconds, so a
    /// record read back from the database must hash as it did when written. Finer ticks are
    /// truncated, as the database driver truncates them.
    /// </remarks>
    public static string ComputeHash(ReadOnlySpan<byte> key, string previousHash, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(record);
        RequireKey(key);

        var canonical = new StringBuilder("relais-audit-v2");
        Append(canonical, previousHash);
        Append(canonical, Instant(record.At));
        Append(canonical, record.ActorId?.ToString("D"));
        Append(canonical, record.ActorRole);
        Append(canonical, record.PatientId?.ToString("D"));
        Append(canonical, record.Action);
        Append(canonical, record.Resource);
        Append(canonical, record.Outcome);
        Append(canonical, record.Detail);
        return Mac(key, canonical.ToString());
    }

    /// <summary>The audit key is 256 bits of randomness at least; a shorter one is a configuration error.</summary>
    public const int MinimumKeyBytes = 32;

    internal static void RequireKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"The audit key must be at least {MinimumKeyBytes} bytes.", nameof(key));
    }

    internal static string Mac(ReadOnlySpan<byte> key, string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    internal static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Walks the records in chain-index order from <paramref name="start"/> (the genesis, or the head
    /// of the last signed purge) and reports the first break: a missing or repeated index, a sealed record gone, a previous
    /// hash that is not the predecessor's hash, a hash that does not match the record's content under
    /// the key, a record whose hash differs from the one a checkpoint attests, or a chain that ends
    /// before the last checkpoint (a deleted tail). A checkpoint that is not authentic is itself a break.
    /// </summary>
    public static ChainVerification Verify(IEnumerable<ChainedAuditRecord> chain, ReadOnlySpan<byte> key,
        AuditAnchor? start = null, IEnumerable<AuditCheckpoint>? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        RequireKey(key);
        start ??= AuditAnchor.Genesis;

        var attested = new Dictionary<long, string>();
        foreach (var checkpoint in checkpoints ?? [])
        {
            if (!checkpoint.IsAuthentic(key))
                return Broken(0, checkpoint.Index, $"Le point de contrôle de l'index {checkpoint.Index} n'est pas authentique.", start);
            if (checkpoint.Index <= start.Index) continue;
            if (attested.TryGetValue(checkpoint.Index, out var other) && !string.Equals(other, checkpoint.Hash, StringComparison.Ordinal))
                return Broken(0, checkpoint.Index, $"Deux points de contrôle authentiques se contredisent à l'index {checkpoint.Index}.", start);
            attested[checkpoint.Index] = checkpoint.Hash;
        }

        var expectedIndex = start.Index + 1;
        var expectedPrevious = start.Hash;
        long intact = 0;
        foreach (var link in chain.OrderBy(l => l.ChainIndex))
        {
            var head = new AuditAnchor(expectedIndex - 1, expectedPrevious);
            if (link.ChainIndex != expectedIndex)
            {
                var problem = link.ChainIndex < expectedIndex
                    ? $"L'index {link.ChainIndex} apparaît plusieurs fois dans la chaîne d'audit."
                    : $"L'enregistrement d'index {expectedIndex} manque dans la chaîne d'audit.";
                return Broken(intact, Math.Min(link.ChainIndex, expectedIndex), problem, head);
            }

            if (link.Record is null)
                return Broken(intact, link.ChainIndex, $"L'enregistrement {link.ChainIndex} a été supprimé : son sceau demeure dans la chaîne d'audit.", head);

            if (!string.Equals(link.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                return Broken(intact, link.ChainIndex, $"L'enregistrement {link.ChainIndex} ne suit pas l'enregistrement qui le précède (empreinte précédente différente).", head);

            if (!string.Equals(link.Hash, ComputeHash(key, link.PreviousHash, link.Record), StringComparison.Ordinal))
                return Broken(intact, link.ChainIndex, $"Le contenu de l'enregistrement {link.ChainIndex} ne correspond pas à son empreinte.", head);

            if (attested.TryGetValue(link.ChainIndex, out var attestedHash) && !string.Equals(attestedHash, link.Hash, StringComparison.Ordinal))
                return Broken(intact, link.ChainIndex, $"L'enregistrement {link.ChainIndex} diffère de celui qu'atteste un point de contrôle.", head);

            intact++;
            expectedIndex++;
            expectedPrevious = link.Hash;
        }

        var lastIndex = expectedIndex - 1;
        if (attested.Count > 0 && attested.Keys.Max() is var furthest && furthest > lastIndex)
            return Broken(intact, lastIndex + 1,
                $"La chaîne d'audit s'arrête à l'index {lastIndex} alors qu'un point de contrôle atteste l'index {furthest} : des enregistrements ont été supprimés.",
                new AuditAnchor(lastIndex, expectedPrevious));

        return new ChainVerification(true, intact, null, null, lastIndex, expectedPrevious);
    }

    private static ChainVerification Broken(long intact, long index, string problem, AuditAnchor head) =>
        new(false, intact, index, problem, head.Index, head.Hash);

    private static void Append(StringBuilder canonical, string? field)
    {
        canonical.Append('|');
        if (field is null)
        {
            canonical.Append('~');
            return;
        }

        canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
    }
}
