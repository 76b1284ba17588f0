using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Audit;

public sealed record AuditPurgeResult(int RowsPurged, long UpToIndex, DateTimeOffset Cutoff);

/// <summary>
/// The retention purge (SECURITY.md promise 3): removes the start of the chain, every sealed row older
/// than the retention period (<see cref="AuditOptions.RetentionMonths"/>, six months at least), and
/// leaves a signed purge record — in the database, where the verification starts from it, and in the
/// checkpoint file — so that a purge is told apart from a truncation. The purge is itself audited, and
/// the database refuses to delete any row the last purge record does not cover.
/// </summary>
public sealed class PurgeAuditTrail(RelaisDb db, AuditChainService chain, AuditKeyRing keys, AuditCheckpointLog checkpoints,
    IOptions<AuditOptions> options, TimeProvider time)
{
    public async Task<AuditPurgeResult> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        await chain.SealPendingAsync(ct: ct);
        var now = time.GetUtcNow();
        var cutoff = AuditRetention.Cutoff(now, options.Value.RetentionMonths);
        var anchor = await db.AuditPurges.AsNoTracking().MaxAsync(p => (long?)p.UpToIndex, ct) ?? 0;
        // The purge removes a prefix of the chain: up to the row before the first one still within retention.
        var firstKept = await (
                from seal in db.AuditSeals
                join e in db.AuditEntries on seal.EntryId equals e.Id
                where e.At >= cutoff
                select (long?)seal.ChainIndex)
            .MinAsync(ct);
        var upTo = firstKept is { } kept
            ? kept - 1
            : await db.AuditSeals.AsNoTracking().MaxAsync(seal => (long?)seal.ChainIndex, ct) ?? 0;
        if (upTo <= anchor) return new AuditPurgeResult(0, anchor, cutoff);

        var hashAtIndex = await db.AuditSeals.AsNoTracking().Where(seal => seal.ChainIndex == upTo).Select(seal => seal.Hash).SingleAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.AuditSeals.CountAsync(seal => seal.ChainIndex > anchor && seal.ChainIndex <= upTo, ct);
        var purge = AuditPurge.Record(keys.Key, upTo, hashAtIndex, rows, user.Id, now);
        db.AuditPurges.Add(purge);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, null, AuditActions.Purge, "audit trail", AuditOutcomes.Allowed,
            $"retention {options.Value.RetentionMonths} months: {rows} rows up to index {upTo}"));
        await db.SaveChangesAsync(ct);
        // The database lets these rows go only now that the purge record covering them exists: the rows first (their guard
        // reads their seals), then the seals.
        await db.AuditEntries.Where(e => db.AuditSeals.Any(seal => seal.EntryId == e.Id && seal.ChainIndex <= upTo)).ExecuteDeleteAsync(ct);
        await db.AuditSeals.Where(seal => seal.ChainIndex <= upTo).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        checkpoints.Append(purge.Checkpoint);
        return new AuditPurgeResult(rows, upTo, cutoff);
    }
}
