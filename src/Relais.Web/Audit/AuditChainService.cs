using Relais.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;

namespace Relais.Web.Audit;

/// <summary>
/// Seals audit rows into the hash chain and verifies it. Rows are inserted unsealed by the request that
/// caused them (same transaction); sealing happens here, one sealer at a time (an advisory lock on
/// PostgreSQL, a process-wide lock on the embedded SQLite database), in insertion order.
/// </summary>
public sealed class AuditChainService(RelaisDb db)
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
                var sealedNow = await SealBatchAsync(batchSize, ct);
                total += sealedNow;
                if (sealedNow < batchSize) return total;
            }
        }
        finally
        {
            LocalLock.Release();
        }
    }

    private async Task<int> SealBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChainIndex != null)
            .OrderByDescending(e => e.ChainIndex)
            .Select(e => new { e.ChainIndex, e.Hash })
            .FirstOrDefaultAsync(ct);
        var pending = await db.AuditEntries
            .Where(e => e.ChainIndex == null)
            .OrderBy(e => e.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        var index = last?.ChainIndex ?? 0;
        var previous = last?.Hash ?? AuditChain.GenesisHash;
        foreach (var entry in pending)
        {
            entry.Seal(++index, previous);
            previous = entry.Hash!;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return pending.Count;
    }

    /// <summary>Seals what is pending, then re-computes the whole chain and reports the first broken link.</summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await SealPendingAsync(ct: ct);
        var rows = db.AuditEntries.AsNoTracking()
            .Where(e => e.ChainIndex != null)
            .OrderBy(e => e.ChainIndex)
            .AsAsyncEnumerable();
        var chain = new List<ChainedAuditRecord>();
        await foreach (var e in rows.WithCancellation(ct))
            chain.Add(new ChainedAuditRecord(e.ChainIndex!.Value, e.ToRecord(), e.PreviousHash ?? "", e.Hash ?? ""));
        return AuditChain.Verify(chain);
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
