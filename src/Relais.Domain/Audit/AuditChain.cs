using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Relais.Domain.Audit;

/// <summary>One audited read, write or denied attempt on nominative data.</summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    Guid? ActorId,
    Guid? PatientId,
    string Action,
    string Resource,
    string Outcome,
    string? Detail);

/// <summary>An audit record at its place in the chain, linked to its predecessor by hash.</summary>
public sealed record ChainedAuditRecord(long ChainIndex, AuditRecord Record, string PreviousHash, string Hash);

/// <summary>
/// The result of walking a chain. <see cref="Checked"/> counts the records found intact before the
/// first break; <see cref="FirstBrokenIndex"/> is the chain index where the break was found.
/// </summary>
public sealed record ChainVerification(bool IsIntact, long Checked, long? FirstBrokenIndex, string? Problem);

/// <summary>
/// Hash chain over the audit rows, which are append-only (ARCHITECTURE.md, Audit): each row's
/// hash covers its predecessor's hash, so editing, deleting or reordering a row breaks every
/// link after it. The patient "can see who accessed the record" (PRODUCT.md §2); the chain is
/// what makes that list trustworthy.
/// </summary>
/// <remarks>
/// The chain cannot reveal rows removed from its end; whoever verifies should compare the last
/// index and hash with a value kept elsewhere.
/// </remarks>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256, lowercase hex, over a serialisation where every field is length-prefixed and
    /// null has its own marker, so no two different records serialise alike.
    /// </summary>
    /// <remarks>
    /// The instant is taken in UTC to the microsecond: PostgreSQL keeps microseconds, so a
    /// record read back from the database must hash as it did when written. Finer ticks are
    /// truncated, as the database driver truncates them.
    /// </remarks>
    public static string ComputeHash(string previousHash, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(record);

        var canonical = new StringBuilder("relais-audit-v1");
        Append(canonical, previousHash);
        Append(canonical, record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(canonical, record.ActorId?.ToString("D"));
        Append(canonical, record.PatientId?.ToString("D"));
        Append(canonical, record.Action);
        Append(canonical, record.Resource);
        Append(canonical, record.Outcome);
        Append(canonical, record.Detail);

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>
    /// Walks the records in chain-index order and reports the first break: a missing or
    /// repeated index, a previous hash that is not the predecessor's hash (the first record's
    /// is <see cref="GenesisHash"/>), or a hash that does not match the record's content.
    /// </summary>
    public static ChainVerification Verify(IEnumerable<ChainedAuditRecord> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);

        long expectedIndex = 1;
        var expectedPrevious = GenesisHash;
        long intact = 0;
        foreach (var link in chain.OrderBy(l => l.ChainIndex))
        {
            if (link.ChainIndex != expectedIndex)
            {
                var problem = link.ChainIndex < expectedIndex
                    ? $"L'index {link.ChainIndex} apparaît plusieurs fois dans la chaîne d'audit."
                    : $"L'enregistrement d'index {expectedIndex} manque dans la chaîne d'audit.";
                return Broken(intact, Math.Min(link.ChainIndex, expectedIndex), problem);
            }

            if (!string.Equals(link.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return Broken(intact, link.ChainIndex, $"L'enregistrement {link.ChainIndex} ne suit pas l'enregistrement qui le précède (empreinte précédente différente).");
            }

            if (!string.Equals(link.Hash, ComputeHash(link.PreviousHash, link.Record), StringComparison.Ordinal))
            {
                return Broken(intact, link.ChainIndex, $"Le contenu de l'enregistrement {link.ChainIndex} ne correspond pas à son empreinte.");
            }

            intact++;
            expectedIndex++;
            expectedPrevious = link.Hash;
        }

        return new ChainVerification(true, intact, null, null);
    }

    private static ChainVerification Broken(long intact, long index, string problem) =>
        new(false, intact, index, problem);

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
