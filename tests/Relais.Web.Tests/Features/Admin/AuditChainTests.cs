using System.Net;
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

public abstract class AuditTamperTests(RelaisFactory factory)
{
    [Fact]
    public async Task TamperingWithOneRow_IsDetectedByTheChainCheck()
    {
        await AuditTrail.ProduceSomeAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChainService>();
        Assert.True((await chain.VerifyAsync()).IsIntact);
        var victim = await db.AuditEntries.Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).Skip(1).Select(e => new { e.Id, e.ChainIndex }).FirstAsync();

        // Someone with direct database access lifts the protection and rewrites a denial as allowed.
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Action\" = 'list' WHERE \"Id\" = {victim.Id}");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER audit_append_only");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_update");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Action\" = 'list' WHERE \"Id\" = {victim.Id}");
        }

        var verification = await chain.VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(victim.ChainIndex, verification.FirstBrokenIndex);

        var admin = await factory.ClientAsAsync(Api.Admin);
        var check = await admin.GetJsonAsync("/api/admin/audit/verify");
        Assert.False(check.GetProperty("isIntact").GetBoolean());
    }
}

[Collection("sqlite")]
public sealed class AuditTamperSqliteTests(SqliteRelaisFactory factory) : AuditTamperTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AuditTamperPostgresTests(PostgresRelaisFactory factory) : AuditTamperTests(factory), IClassFixture<PostgresRelaisFactory>;
