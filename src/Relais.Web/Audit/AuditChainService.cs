using Relais.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;

namespace Relais.Web.Audit;

/// <summary>
/// Seals audit rows into the hash chain and verifies it. Rows are inserted unsealed by the request that
/// caused them (same transaction); sealing happens here, one sealer at a time (an advisory lock on
/// PostgreSQL, a process-wide lock on the embedded SQLite database), in insertion order, under the audit
/// key; the head is then checkpointed to the file outside the database (<see cref="AuditCheckpointLog"/>).
/// </summary>
public sealed class AuditChainService(RelaisDb db, AuditKeyRing keys, AuditCheckpointLog checkpoints,
    Microsoft.Extensions.Options.IOptions<AuditOptions> options, TimeProvider time)
{
    private static readonly SemaphoreSlim LocalLock = new(1, 1);
    private const long PostgresLockKey = 0x52454C414953; // "RELAIS"

    public async Task<int> SealPendingAsync(int batchSize = 500, CancellationToken ct = default)
    {
        await LocalLock.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var (sealedNow, head) = await SealBatchAsync(batchSize, ct);
                total += sealedNow;
                if (sealedNow < batchSize)
                {
                    if (total > 0 && head is not null)
                        checkpoints.Append(AuditCheckpoint.Sign(keys.Key, CheckpointKind.Head, head.Index, head.Hash, time.GetUtcNow()),
                            TimeSpan.FromSeconds(options.Value.CheckpointIntervalSeconds));
                    return total;
                }
            }
        }
        finally
        {
            LocalLock.Release();
        }
    }

    private async Task<(int Sealed, AuditAnchor? Head)> SealBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChainIndex != null)
            .OrderByDescending(e => e.ChainIndex)
            .Select(e => new { e.ChainIndex, e.Hash })
            .FirstOrDefaultAsync(ct);
        var pending = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChainIndex == null)
            .OrderBy(e => e.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        // When a purge removed every sealed row, the chain goes on from the purge's signed anchor.
        var purged = await db.AuditPurges.AsNoTracking().OrderByDescending(p => p.UpToIndex)
            .Select(p => new { p.UpToIndex, p.HashAtIndex }).FirstOrDefaultAsync(ct);
        var (index, previous) = last is not null && (purged is null || last.ChainIndex > purged.UpToIndex) ? (last.ChainIndex!.Value, last.Hash!)
            : purged is not null ? (purged.UpToIndex, purged.HashAtIndex)
            : (0L, AuditChain.GenesisHash);
        foreach (var entry in pending)
        {
            entry.Seal(++index, previous, keys.Key);
            previous = entry.Hash!;
        }
        await WriteSealsAsync(pending, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (pending.Count, new AuditAnchor(index, previous));
    }

    /// <summary>
    /// Writes a batch's seals in one statement (a list read audits each patient shown: the sealer must keep up with
    /// thousands of rows a second, which one UPDATE per row did not). Only rows still unsealed are written.
    /// </summary>
    private async Task WriteSealsAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var values = new List<object>(entries.Count * 4);
        var rows = new System.Text.StringBuilder();
        foreach (var e in entries)
        {
            var k = values.Count;
            if (rows.Length > 0) rows.Append(", ");
            // Typed on PostgreSQL, so that the statement read back from the server's log (the benchmark's SQL twin) runs as it is.
            rows.Append(db.IsPostgres
                ? FormattableString.Invariant($"({{{k}}}::bigint, {{{k + 1}}}::bigint, {{{k + 2}}}::text, {{{k + 3}}}::text)")
                : FormattableString.Invariant($"({{{k}}}, {{{k + 1}}}, {{{k + 2}}}, {{{k + 3}}})"));
            values.AddRange([e.Id, e.ChainIndex!.Value, e.PreviousHash!, e.Hash!]);
        }
        var sql = $"""
            WITH v(id, i, p, h) AS (VALUES {rows})
            UPDATE "AuditEntries" SET "ChainIndex" = v.i, "PreviousHash" = v.p, "Hash" = v.h
            FROM v WHERE "AuditEntries"."Id" = v.id AND "AuditEntries"."ChainIndex" IS NULL
            """;
#pragma warning disable EF1002 // placeholders only: every value is a parameter
        var written = await db.Database.ExecuteSqlRawAsync(sql, values, ct);
#pragma warning restore EF1002
        if (written != entries.Count) throw new InvalidOperationException($"Audit sealing wrote {written} of {entries.Count} rows: another sealer ran.");
    }

    /// <summary>
    /// Seals what is pending, then re-computes the chain under the key from its anchor (the genesis, or
    /// the last signed purge) against the checkpoints of the file, and reports the first break. An
    /// intact chain's head is checkpointed at once, so that what was verified stays attested.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await SealPendingAsync(ct: ct);
        var purge = await db.AuditPurges.AsNoTracking().OrderByDescending(p => p.UpToIndex).FirstOrDefaultAsync(ct);
        if (purge is not null && !purge.Checkpoint.IsAuthentic(keys.Key))
            return new ChainVerification(false, 0, purge.UpToIndex, $"La purge jusqu'à l'index {purge.UpToIndex} n'est pas authentique.");
        var anchor = purge?.Checkpoint.Anchor ?? AuditAnchor.Genesis;
        var rows = db.AuditEntries.AsNoTracking()
            .Where(e => e.ChainIndex != null && e.ChainIndex > anchor.Index)
            .OrderBy(e => e.ChainIndex)
            .AsAsyncEnumerable();
        var chain = new List<ChainedAuditRecord>();
        await foreach (var e in rows.WithCancellation(ct))
            chain.Add(new ChainedAuditRecord(e.ChainIndex!.Value, e.ToRecord(), e.PreviousHash ?? "", e.Hash ?? ""));
        var verification = AuditChain.Verify(chain, keys.Key, anchor, checkpoints.ReadAll());
        if (verification.IsIntact && verification.LastIndex > 0)
            checkpoints.Append(AuditCheckpoint.Sign(keys.Key, CheckpointKind.Head, verification.LastIndex, verification.LastHash!, time.GetUtcNow()));
        return verification;
    }
}

/// <summary>Seals new audit rows every few seconds.</summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, ILogger<AuditSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sealedCount = await scope.ServiceProvider.GetRequiredService<AuditChainService>().SealPendingAsync(ct: stoppingToken);
                if (sealedCount > 0) logger.AuditSealed(sealedCount);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.AuditSealingFailed(ex);
            }
        }
    }
}
