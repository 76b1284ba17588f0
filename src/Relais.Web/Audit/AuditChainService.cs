using Relais.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;

namespace Relais.Web.Audit;

/// <summary>
/// Seals audit rows into the hash chain and verifies it. Rows are inserted unsealed by the request that
/// caused them (same transaction), and the database queues them for sealing (<see cref="AuditPendingEntry"/>); sealing
/// inserts their seals (<see cref="AuditSeal"/>) here, one sealer at a time (an advisory lock on
/// PostgreSQL, a process-wide lock on the embedded SQLite database), in insertion order, under the audit
/// key; the head is then checkpointed to the file outside the database (<see cref="AuditCheckpointLog"/>).
/// </summary>
public sealed class AuditChainService(RelaisDb db, AuditKeyRing keys, AuditCheckpointLog checkpoints,
    Microsoft.Extensions.Options.IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditChainService> logger)
{
    private static readonly SemaphoreSlim LocalLock = new(1, 1);
    private const long PostgresLockKey = 0x52454C414953; // "RELAIS"

    public async Task<int> SealPendingAsync(int batchSize = 500, CancellationToken ct = default)
    {
        await LocalLock.WaitAsync(ct);
        try
        {
            var total = 0;
            long? after = null;
            while (true)
            {
                var (sealedNow, head, lastTaken) = await SealBatchAsync(batchSize, after, ct);
                total += sealedNow;
                after = lastTaken ?? after;
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

    /// <param name="after">
    /// The last queue row the pass took: a pass reads on from it, not past the rows it took off the queue already (on
    /// PostgreSQL, dead rows until a vacuum). A row committed late with a lower id is sealed by the next pass, which starts
    /// from the beginning.
    /// </param>
    private async Task<(int Sealed, AuditAnchor? Head, long? LastTaken)> SealBatchAsync(int batchSize, long? after, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            // The queue is a table thousands of rows a second go through (a worklist read audits each patient it shows), nearly
            // empty when autovacuum looks, so the planner estimates it at one row and reads it whole: every row taken off it
            // since the last vacuum, as many times as there are batches (8.4 ms a batch of 500, and the delete 20 ms, in the
            // 300,000-patient bench). In this transaction only, the queue is read through its key.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        }
        var last = await db.AuditSeals.AsNoTracking()
            .OrderByDescending(s => s.ChainIndex)
            .Select(s => new { s.ChainIndex, s.Hash })
            .FirstOrDefaultAsync(ct);
        // The queue in the order the rows were written; a row is in it from its own commit on, so a transaction that
        // took its Id early and committed late is sealed at the next pass, after the rows committed before it.
        // A queue row whose row is already sealed (written there by hand) would fail every batch on the seals' key: it is
        // taken off the queue with the batch. A queue row whose audit row is gone stays: the verification reports it.
        var queue = after is { } from ? db.AuditPending.Where(p => p.EntryId > from) : db.AuditPending;
        var queued = await (
                from p in queue
                join e in db.AuditEntries on p.EntryId equals e.Id
                orderby p.EntryId
                select new { Entry = e, Sealed = db.AuditSeals.Any(s => s.EntryId == p.EntryId) })
            .AsNoTracking()
            .Take(batchSize)
            .ToListAsync(ct);
        var pending = queued.Where(q => !q.Sealed).Select(q => q.Entry).ToList();
        var resealed = queued.Where(q => q.Sealed).Select(q => q.Entry.Id).ToList();
        // When a purge removed every sealed row, the chain goes on from the purge's signed anchor.
        var purged = await db.AuditPurges.AsNoTracking().OrderByDescending(p => p.UpToIndex)
            .Select(p => new { p.UpToIndex, p.HashAtIndex }).FirstOrDefaultAsync(ct);
        var (index, previous) = last is not null && (purged is null || last.ChainIndex > purged.UpToIndex) ? (last.ChainIndex, last.Hash)
            : purged is not null ? (purged.UpToIndex, purged.HashAtIndex)
            : (0L, AuditChain.GenesisHash);
        var seals = new List<AuditSeal>(pending.Count);
        foreach (var entry in pending)
        {
            var seal = AuditSeal.Of(entry, ++index, previous, keys.Key);
            seals.Add(seal);
            previous = seal.Hash;
        }
        await WriteSealsAsync(seals, resealed, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (resealed.Count > 0) logger.AuditQueueRowsOfSealedRowsDropped(resealed.Count);
        return (queued.Count, new AuditAnchor(index, previous), queued.Count > 0 ? queued[^1].Entry.Id : null);
    }

    /// <summary>
    /// Inserts a batch's seals and takes their rows off the queue, in the sealer's transaction. A list read audits each
    /// patient shown, so the sealer keeps up with thousands of rows a second: on PostgreSQL, one INSERT over arrays. The
    /// seals' unique keys refuse a row sealed twice, and the queue's rows must all still be there: else another sealer ran.
    /// </summary>
    private async Task WriteSealsAsync(List<AuditSeal> seals, List<long> alreadySealed, CancellationToken ct)
    {
        long[] ids = [.. seals.Select(s => s.EntryId)];
        if (seals.Count > 0 && db.IsPostgres)
        {
            var indexes = seals.Select(s => s.ChainIndex).ToArray();
            var patients = seals.Select(s => s.PatientId).ToArray();
            var previous = seals.Select(s => s.PreviousHash).ToArray();
            var hashes = seals.Select(s => s.Hash).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditSeals" ("EntryId", "ChainIndex", "PatientId", "PreviousHash", "Hash")
                SELECT * FROM unnest({ids}::bigint[], {indexes}::bigint[], {patients}::uuid[], {previous}::text[], {hashes}::text[])
                """, ct);
        }
        else if (seals.Count > 0)
        {
            db.AuditSeals.AddRange(seals);
            await db.SaveChangesAsync(ct);
        }
        long[] taken = [.. ids, .. alreadySealed];
        if (taken.Length == 0) return;
        var dequeued = await db.AuditPending.Where(p => taken.Contains(p.EntryId)).ExecuteDeleteAsync(ct);
        if (dequeued != taken.Length) throw new InvalidOperationException($"Audit sealing took {dequeued} of {taken.Length} rows off the queue: another sealer ran.");
    }

    /// <summary>
    /// Seals what is pending, then re-computes the chain under the key from its anchor (the genesis, or
    /// the last signed purge) against the checkpoints of the file, and reports the first break. A row that is neither
    /// sealed nor waiting to be (taken off the sealer's queue behind the database's guard) is a break too. An
    /// intact chain's head is checkpointed at once, so that what was verified stays attested.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await SealPendingAsync(ct: ct);
        var purge = await db.AuditPurges.AsNoTracking().OrderByDescending(p => p.UpToIndex).FirstOrDefaultAsync(ct);
        if (purge is not null && !purge.Checkpoint.IsAuthentic(keys.Key))
            return new ChainVerification(false, 0, purge.UpToIndex, $"La purge jusqu'à l'index {purge.UpToIndex} n'est pas authentique.");
        var anchor = purge?.Checkpoint.Anchor ?? AuditAnchor.Genesis;
        // The purge removed every seal up to its index, and the database refuses new ones there: one found is a forgery.
        if (await db.AuditSeals.AnyAsync(s => s.ChainIndex <= anchor.Index, ct))
            return new ChainVerification(false, 0, anchor.Index, $"Un sceau d'audit porte un index inférieur ou égal à {anchor.Index}, où la chaîne reprend après la dernière purge : il a été forgé.");
        var rows = (
                from s in db.AuditSeals
                where s.ChainIndex > anchor.Index
                join e in db.AuditEntries on s.EntryId equals e.Id into sealedRows
                from e in sealedRows.DefaultIfEmpty()
                orderby s.ChainIndex
                select new { s.ChainIndex, s.PreviousHash, s.Hash, Entry = e })
            .AsNoTracking()
            .AsAsyncEnumerable();
        var chain = new List<ChainedAuditRecord>();
        await foreach (var r in rows.WithCancellation(ct))
            chain.Add(new ChainedAuditRecord(r.ChainIndex, r.Entry?.ToRecord(), r.PreviousHash, r.Hash));
        var verification = AuditChain.Verify(chain, keys.Key, anchor, checkpoints.ReadAll());
        if (!verification.IsIntact) return verification;
        var unsealed = await db.AuditEntries.AsNoTracking()
            .Where(e => !db.AuditSeals.Any(s => s.EntryId == e.Id) && !db.AuditPending.Any(p => p.EntryId == e.Id))
            .OrderBy(e => e.Id)
            .Select(e => (long?)e.Id)
            .FirstOrDefaultAsync(ct);
        // A row outside the chain breaks it after its head, where it would have been sealed.
        ChainVerification Outside(string problem) => verification with { IsIntact = false, FirstBrokenIndex = verification.LastIndex + 1, Problem = problem };
        if (unsealed is { } id)
            return Outside($"L'enregistrement d'audit n° {id} n'est ni scellé ni en attente de l'être : il a été retiré de la file du scelleur.");
        var vanished = await db.AuditPending.AsNoTracking()
            .Where(p => !db.AuditEntries.Any(e => e.Id == p.EntryId))
            .OrderBy(p => p.EntryId)
            .Select(p => (long?)p.EntryId)
            .FirstOrDefaultAsync(ct);
        if (vanished is { } gone)
            return Outside($"L'enregistrement d'audit n° {gone} a été supprimé avant d'être scellé : il attend encore dans la file du scelleur.");
        if (verification.LastIndex > 0)
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
