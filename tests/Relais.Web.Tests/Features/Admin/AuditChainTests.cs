using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Audit;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Admin;

internal static class AuditTrail
{
    /// <summary>A GP reads a record and its timeline: audit rows to seal and check.</summary>
    public static async Task ProduceSomeAsync(RelaisFactory factory)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var id = await gp.FirstPatientIdAsync();
        await gp.GetJsonAsync($"/api/patients/{id}");
        await gp.GetJsonAsync($"/api/patients/{id}/timeline");
    }
}

public abstract class AuditChainTests(RelaisFactory factory)
{
    [Fact]
    public async Task EveryReadIsAudited_AndTheAdministratorFindsTheChainIntact()
    {
        await AuditTrail.ProduceSomeAsync(factory);
        var admin = await factory.ClientAsAsync(Api.Admin);
        var check = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.True(check.GetProperty("isIntact").GetBoolean(), check.ToString());
        Assert.True(check.GetProperty("checked").GetInt64() >= 3);
    }

    [Fact]
    public async Task OnlyAdministratorsVerifyTheChain()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.GetAsync("/api/admin/audit/verify")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class AuditChainSqliteTests(SqliteRelaisFactory factory) : AuditChainTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AuditChainPostgresTests(PostgresRelaisFactory factory) : AuditChainTests(factory), IClassFixture<PostgresRelaisFactory>;

/// <summary>Each database-level check gets its own database: they break what they test.</summary>
public abstract class AuditAppendOnlyTests(RelaisFactory factory)
{
    [Fact]
    public async Task AuditRowsCannotBeUpdatedOrDeletedThroughTheDatabase()
    {
        await AuditTrail.ProduceSomeAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        await scope.ServiceProvider.GetRequiredService<AuditChainService>().SealPendingAsync();
        var first = await db.AuditSeals.OrderBy(s => s.ChainIndex).Select(s => s.EntryId).FirstAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Outcome\" = 'allowed' WHERE \"Id\" = {first}"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {first}"));
        // Nor their seals.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditSeals\" SET \"Hash\" = \"PreviousHash\" WHERE \"EntryId\" = {first}"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditSeals\" WHERE \"EntryId\" = {first}"));
        Assert.Equal(1, await db.AuditSeals.CountAsync(s => s.EntryId == first));
    }

    [Fact]
    public async Task ASealAtOrBelowTheChainsStart_IsRefused_SoThatNoRowCanPassForPurged()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var entry = AuditEntry.Create(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), null, "Intrus", null, "read", "patient record", "allowed");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        var victim = entry.Id;

        // The forged seal that would have let the row be deleted as if a purge covered it.
        foreach (var index in new[] { 0L, -1L })
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AuditSeals\" (\"EntryId\", \"ChainIndex\", \"PatientId\", \"PreviousHash\", \"Hash\") VALUES ({victim}, {index}, NULL, '', '')"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim}"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Id == victim));
    }

    [Fact]
    public async Task AQueueRowForARowAlreadySealed_IsTakenOff_AndSealingGoesOn()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChainService>();
        await AuditTrail.ProduceSomeAsync(factory);
        await chain.SealPendingAsync();
        var sealedRow = await db.AuditSeals.OrderBy(s => s.ChainIndex).Select(s => s.EntryId).FirstAsync();

        await db.Database.ExecuteSqlAsync($"INSERT INTO \"AuditPending\" (\"EntryId\", \"PatientId\") VALUES ({sealedRow}, NULL)");
        await AuditTrail.ProduceSomeAsync(factory);
        await chain.SealPendingAsync();

        Assert.False(await db.AuditPending.AnyAsync(p => p.EntryId == sealedRow));
        Assert.Equal(1, await db.AuditSeals.CountAsync(s => s.EntryId == sealedRow));
        Assert.True((await chain.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task EveryAuditRow_HoweverWritten_IsQueuedForSealing_InItsOwnTransaction_AndLeavesTheQueueSealed()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChainService>();
        await chain.SealPendingAsync();
        var before = await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;

        // A list read writes its rows in one statement (PostgreSQL), a record read one by one: both join the queue.
        var gp = await factory.ClientAsAsync(Api.Gp);
        await gp.GetJsonAsync("/api/patients");
        await AuditTrail.ProduceSomeAsync(factory);
        // One statement, one snapshot: the background sealer may be at work, but a row is pending or sealed, never neither or both.
        var rows = await db.AuditEntries.Where(e => e.Id > before)
            .Select(e => new { e.Id, Queued = db.AuditPending.Any(p => p.EntryId == e.Id), Sealed = db.AuditSeals.Any(s => s.EntryId == e.Id) })
            .ToListAsync();
        Assert.True(rows.Count >= 3, $"{rows.Count} audit rows");
        Assert.All(rows, r => Assert.True(r.Queued ^ r.Sealed, $"row {r.Id}: queued {r.Queued}, sealed {r.Sealed}"));
        var written = rows.Select(r => r.Id).ToList();

        // A row whose transaction rolls back leaves nothing in the queue.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.AuditEntries.Add(AuditEntry.Create(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), null, null, null, "read", "rolled back", "allowed"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();

        await chain.SealPendingAsync();
        Assert.False(await db.AuditPending.AnyAsync());
        var seals = await db.AuditSeals.Where(s => s.EntryId > before).OrderBy(s => s.ChainIndex).ToListAsync();
        Assert.Subset(seals.Select(s => s.EntryId).ToHashSet(), written.ToHashSet());
        Assert.Equal(Enumerable.Range(0, seals.Count).Select(i => seals[0].ChainIndex + i), seals.Select(s => s.ChainIndex));
        var patients = await db.AuditEntries.Where(e => e.Id > before).ToDictionaryAsync(e => e.Id, e => e.PatientId);
        Assert.All(seals, s => Assert.Equal(patients[s.EntryId], s.PatientId));
        Assert.True((await chain.VerifyAsync()).IsIntact);
    }
}

[Collection("sqlite")]
public sealed class AuditAppendOnlySqliteTests(SqliteRelaisFactory factory) : AuditAppendOnlyTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AuditAppendOnlyPostgresTests(PostgresRelaisFactory factory) : AuditAppendOnlyTests(factory), IClassFixture<PostgresRelaisFactory>;

/// <summary>
/// Someone with direct database access (security review M2) edits, rewrites or deletes audit rows; each
/// test works on a database of its own, since it breaks what it tests.
/// </summary>
public abstract class AuditTamperTests(RelaisFactory factory)
{
    private sealed record Tampered(RelaisDb Db, AuditChainService Chain, long Index);

    /// <summary>Lifts the database's protection of the audit rows, runs <paramref name="sql"/>, and puts it back.</summary>
    private static async Task AsAnIntruderAsync(RelaisDb db, params string[] sql)
    {
        string[] lift = db.IsPostgres
            ? ["ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER", "ALTER TABLE \"AuditSeals\" DISABLE TRIGGER USER"]
            : ["DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete", "DROP TRIGGER audit_seal_no_update", "DROP TRIGGER audit_seal_no_delete"];
        foreach (var statement in lift.Concat(sql)) await db.Database.ExecuteSqlRawAsync(statement);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditSeals\" ENABLE TRIGGER USER");
        }
    }

    private static readonly DateTimeOffset Instant = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARowDeletedBeforeItWasSealed_IsDetected_ByItsPlaceInTheQueue()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;

        long gone;
        await using (var tx = await t.Db.Database.BeginTransactionAsync())
        {
            await t.Db.Database.ExecuteSqlRawAsync(t.Db.IsPostgres
                ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only"
                : "DROP TRIGGER audit_no_delete");
            var entry = AuditEntry.Create(Instant, null, "Intrus", null, "read", "patient record", "allowed");
            t.Db.AuditEntries.Add(entry);
            await t.Db.SaveChangesAsync();
            gone = entry.Id;
            await t.Db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {gone}");
            if (t.Db.IsPostgres) await t.Db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER audit_append_only");
            await tx.CommitAsync();
        }

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Contains($"n° {gone} a été supprimé avant d'être scellé", verification.Problem);
    }

    private static Task<long> EntryAtAsync(Tampered t) =>
        t.Db.AuditSeals.Where(s => s.ChainIndex == t.Index).Select(s => s.EntryId).SingleAsync();

    private static async Task<(RelaisFactory App, AsyncServiceScope Scope, Tampered Target)> ChainToTamperAsync(RelaisFactory factory)
    {
        var app = factory.Fresh();
        await AuditTrail.ProduceSomeAsync(app);
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChainService>();
        Assert.True((await chain.VerifyAsync()).IsIntact);
        var victim = await db.AuditSeals.OrderBy(s => s.ChainIndex).Skip(1).Select(s => s.ChainIndex).FirstAsync();
        return (app, scope, new Tampered(db, chain, victim));
    }

    [Fact]
    public async Task TamperingWithOneRow_IsDetectedByTheChainCheck()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;

        await AsAnIntruderAsync(t.Db, $"UPDATE \"AuditEntries\" SET \"Action\" = 'list' WHERE \"Id\" = {await EntryAtAsync(t)}");

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(t.Index, verification.FirstBrokenIndex);
        var admin = await app.ClientAsAsync(Api.Admin);
        Assert.False((await admin.GetJsonAsync("/api/admin/audit/verify")).GetProperty("isIntact").GetBoolean());
    }

    [Fact]
    public async Task ChangingTheRoleThePatientSees_IsDetected()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;

        await AsAnIntruderAsync(t.Db, $"UPDATE \"AuditEntries\" SET \"ActorRole\" = 'Patient' WHERE \"Id\" = {await EntryAtAsync(t)}");

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(t.Index, verification.FirstBrokenIndex);
    }

    [Fact]
    public async Task ARewrittenChainRecomputedWithoutTheKey_IsDetected()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;
        var rows = await (from s in t.Db.AuditSeals
                          join e in t.Db.AuditEntries on s.EntryId equals e.Id
                          where s.ChainIndex >= t.Index
                          orderby s.ChainIndex
                          select new { s.ChainIndex, Entry = e }).AsNoTracking().ToListAsync();
        var previous = await t.Db.AuditSeals.Where(s => s.ChainIndex == t.Index - 1).Select(s => s.Hash).SingleAsync();
        // The intruder recomputes every hash from the victim on: with the plain SHA-256 of before, or any key but the right one.
        var guessedKey = new byte[32];
        var updates = new List<string>();
        foreach (var row in rows)
        {
            var record = row.ChainIndex == t.Index ? row.Entry.ToRecord() with { Outcome = "allowed" } : row.Entry.ToRecord();
            var hash = AuditChain.ComputeHash(guessedKey, previous, record);
            updates.Add($"UPDATE \"AuditEntries\" SET \"Outcome\" = '{record.Outcome}' WHERE \"Id\" = {row.Entry.Id}");
            updates.Add($"UPDATE \"AuditSeals\" SET \"PreviousHash\" = '{previous}', \"Hash\" = '{hash}' WHERE \"ChainIndex\" = {row.ChainIndex}");
            previous = hash;
        }
        await AsAnIntruderAsync(t.Db, [.. updates]);

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(t.Index, verification.FirstBrokenIndex);
    }

    [Fact]
    public async Task ADeletedTail_IsDetectedAgainstTheCheckpointFile()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;
        var head = await t.Db.AuditSeals.MaxAsync(s => s.ChainIndex);

        await AsAnIntruderAsync(t.Db,
            $"DELETE FROM \"AuditEntries\" WHERE \"Id\" IN (SELECT \"EntryId\" FROM \"AuditSeals\" WHERE \"ChainIndex\" >= {head - 1})",
            $"DELETE FROM \"AuditSeals\" WHERE \"ChainIndex\" >= {head - 1}");

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.InRange(verification.FirstBrokenIndex!.Value, head - 1, head);
    }

    [Fact]
    public async Task ARowDeletedBehindItsSeal_IsDetectedAtItsPlace()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;

        await AsAnIntruderAsync(t.Db, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {await EntryAtAsync(t)}");

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(t.Index, verification.FirstBrokenIndex);
        Assert.Contains("supprimé", verification.Problem);
    }

    [Fact]
    public async Task ARowTakenOffTheSealersQueue_IsDetected_AsNeverSealed()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;
        // A read the intruder wants no one to check: written and taken off the queue in one transaction, before any sealer sees it.
        long hidden;
        await using (var tx = await t.Db.Database.BeginTransactionAsync())
        {
            var entry = AuditEntry.Create(Instant, null, "Intrus", null, "read", "patient record", "allowed");
            t.Db.AuditEntries.Add(entry);
            await t.Db.SaveChangesAsync();
            hidden = entry.Id;
            await t.Db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditPending\" WHERE \"EntryId\" = {hidden}");
            await tx.CommitAsync();
        }

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Contains($"n° {hidden}", verification.Problem);
        Assert.False(await t.Db.AuditSeals.AnyAsync(s => s.EntryId == hidden));
    }

    [Fact]
    public async Task ThePurge_RemovesOnlyRowsPastRetention_LeavesASignedAnchor_AndIsAudited()
    {
        await using var app = factory.Fresh();
        await AuditTrail.ProduceSomeAsync(app);
        var admin = await app.ClientAsAsync(Api.Admin);
        Assert.True((await admin.GetJsonAsync("/api/admin/audit/verify")).GetProperty("isIntact").GetBoolean());

        // The demo story's past may already be beyond retention; a second purge at once finds nothing more.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/audit/purge", null)).StatusCode);
        var again = await admin.PostAsync("/api/admin/audit/purge", null);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowsPurged").GetInt32());

        app.Time.Advance(TimeSpan.FromDays(400));
        var gp = await app.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.PostAsync("/api/admin/audit/purge", null)).StatusCode);
        admin = await app.ClientAsAsync(Api.Admin);
        var purge = await (await admin.PostAsync("/api/admin/audit/purge", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(purge.GetProperty("rowsPurged").GetInt32() > 0, purge.ToString());

        await AuditTrail.ProduceSomeAsync(app);
        var check = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.True(check.GetProperty("isIntact").GetBoolean(), check.ToString());
        Assert.True(check.GetProperty("lastIndex").GetInt64() > purge.GetProperty("upToIndex").GetInt64());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.True(await db.AuditPurges.AnyAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "purge" && e.Resource == "audit trail"));
        var upTo = purge.GetProperty("upToIndex").GetInt64();
        Assert.False(await db.AuditSeals.AnyAsync(s => s.ChainIndex <= upTo));
        Assert.False(await db.AuditEntries.AnyAsync(e => !db.AuditSeals.Any(s => s.EntryId == e.Id) && !db.AuditPending.Any(p => p.EntryId == e.Id)));
        // Rows the purge does not cover stay undeletable, their seals too, and the purge record itself cannot be removed.
        var kept = await db.AuditSeals.OrderBy(s => s.ChainIndex).FirstAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {kept.EntryId}"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditSeals\" WHERE \"ChainIndex\" = {kept.ChainIndex}"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditPurges\""));
    }
}

[Collection("sqlite")]
public sealed class AuditTamperSqliteTests(SqliteRelaisFactory factory) : AuditTamperTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AuditTamperPostgresTests(PostgresRelaisFactory factory) : AuditTamperTests(factory), IClassFixture<PostgresRelaisFactory>;
