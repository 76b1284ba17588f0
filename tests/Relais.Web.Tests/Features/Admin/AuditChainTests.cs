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
        var first = await db.AuditEntries.OrderBy(e => e.ChainIndex).Where(e => e.ChainIndex != null).Select(e => e.Id).FirstAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Outcome\" = 'allowed' WHERE \"Id\" = {first}"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {first}"));
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
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_delete");
        }
        foreach (var statement in sql) await db.Database.ExecuteSqlRawAsync(statement);
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER");
    }

    private static async Task<(RelaisFactory App, AsyncServiceScope Scope, Tampered Target)> ChainToTamperAsync(RelaisFactory factory)
    {
        var app = factory.Fresh();
        await AuditTrail.ProduceSomeAsync(app);
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChainService>();
        Assert.True((await chain.VerifyAsync()).IsIntact);
        var victim = await db.AuditEntries.Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).Skip(1).Select(e => e.ChainIndex!.Value).FirstAsync();
        return (app, scope, new Tampered(db, chain, victim));
    }

    [Fact]
    public async Task TamperingWithOneRow_IsDetectedByTheChainCheck()
    {
        var (app, scope, t) = await ChainToTamperAsync(factory);
        await using var _ = app;
        await using var __ = scope;

        await AsAnIntruderAsync(t.Db, $"UPDATE \"AuditEntries\" SET \"Action\" = 'list' WHERE \"ChainIndex\" = {t.Index}");

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

        await AsAnIntruderAsync(t.Db, $"UPDATE \"AuditEntries\" SET \"ActorRole\" = 'Patient' WHERE \"ChainIndex\" = {t.Index}");

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
        var rows = await t.Db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex >= t.Index).OrderBy(e => e.ChainIndex).ToListAsync();
        var previous = await t.Db.AuditEntries.Where(e => e.ChainIndex == t.Index - 1).Select(e => e.Hash!).SingleAsync();
        // The intruder recomputes every hash from the victim on: with the plain SHA-256 of before, or any key but the right one.
        var guessedKey = new byte[32];
        var updates = new List<string>();
        foreach (var row in rows)
        {
            var record = row.ChainIndex == t.Index ? row.ToRecord() with { Outcome = "allowed" } : row.ToRecord();
            var hash = AuditChain.ComputeHash(guessedKey, previous, record);
            updates.Add($"UPDATE \"AuditEntries\" SET \"Outcome\" = '{record.Outcome}', \"PreviousHash\" = '{previous}', \"Hash\" = '{hash}' WHERE \"ChainIndex\" = {row.ChainIndex}");
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
        var head = await t.Db.AuditEntries.MaxAsync(e => e.ChainIndex);

        await AsAnIntruderAsync(t.Db, $"DELETE FROM \"AuditEntries\" WHERE \"ChainIndex\" >= {head - 1}");

        var verification = await t.Chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.InRange(verification.FirstBrokenIndex!.Value, head!.Value - 1, head.Value);
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
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ChainIndex != null && e.ChainIndex <= purge.GetProperty("upToIndex").GetInt64()));
        // Rows the purge does not cover stay undeletable, and the purge record itself cannot be removed.
        var kept = await db.AuditEntries.Where(e => e.ChainIndex != null).MinAsync(e => e.ChainIndex);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"ChainIndex\" = {kept}"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditPurges\""));
    }
}

[Collection("sqlite")]
public sealed class AuditTamperSqliteTests(SqliteRelaisFactory factory) : AuditTamperTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AuditTamperPostgresTests(PostgresRelaisFactory factory) : AuditTamperTests(factory), IClassFixture<PostgresRelaisFactory>;
