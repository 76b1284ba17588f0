using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Relais.Web.Identity;

namespace Relais.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// PostgreSQL when ConnectionStrings:Postgres is set; otherwise the embedded SQLite file
    /// (ConnectionStrings:Sqlite, default App_Data/relais.db under the content root). With PostgreSQL,
    /// ConnectionStrings:Replica (a streaming replica) serves the reads that name no patient (<see cref="NonNominativeReads"/>).
    /// </summary>
    public static WebApplicationBuilder AddRelaisDatabase(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            // Statements run often are prepared on the server (planning is a good part of a short
            // query's cost), unless the connection string says otherwise. 256 per connection (Npgsql's
            // ceiling): a patient page alone sends ~45 distinct statements, the background services ~20
            // more, and EF Core spreads a request's queries over the pool's connections, so 64 recycled
            // statements before they were used often enough on one connection to be prepared.
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            if (!postgres.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !postgres.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                npgsql.MaxAutoPrepare = 256;
                npgsql.AutoPrepareMinUsages = 3;
            }
            // A connection goes back to the pool as it is, with no reset sent before its next use: Relais keeps no session state
            // (no SET, temporary table, LISTEN or session-level advisory lock; its advisory locks are the transaction's), and the
            // reset (RESET ALL, CLOSE ALL, UNLISTEN, pg_advisory_unlock_all, DISCARD SEQUENCES and TEMP) cost ~0.1 ms of database
            // time on every open: EF Core opens a connection per query, some 45 of them for a patient page (issue 18 point 2).
            if (!postgres.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !postgres.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
                npgsql.NoResetOnClose = true;
            var connection = npgsql.ConnectionString;
            builder.Services.AddDbContext<RelaisDb, PostgresRelaisDb>(o => o.UseNpgsql(connection).AddInterceptors(ColumnLengthGuard.Instance, Features.Indicators.IndicatorStaleMarker.Instance));
            // A streaming replica for the reads that name no patient (NonNominativeReads), when one is given.
            var replica = builder.Configuration.GetConnectionString(ReplicaConnection.Name);
            if (!string.IsNullOrWhiteSpace(replica)) builder.Services.AddSingleton(sp => new ReplicaConnection(replica, sp));
        }
        else
        {
            var sqlite = builder.Configuration.GetConnectionString("Sqlite");
            if (string.IsNullOrWhiteSpace(sqlite))
            {
                var folder = Path.Combine(builder.Environment.ContentRootPath, "App_Data");
                Directory.CreateDirectory(folder);
                sqlite = $"Data Source={Path.Combine(folder, "relais.db")}";
            }
            builder.Services.AddDbContext<RelaisDb, SqliteRelaisDb>(o => o.UseSqlite(sqlite).AddInterceptors(ColumnLengthGuard.Instance, Features.Indicators.IndicatorStaleMarker.Instance));
        }
        builder.Services.AddScoped<NonNominativeReads>();
        builder.Services.AddDataProtection().SetApplicationName("Relais").PersistKeysToDbContext<RelaisDb>();
        builder.Services.AddHealthChecks().AddDbContextCheck<RelaisDb>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Creates and migrates the database (both providers), then seeds what the environment asks for.</summary>
    public static async Task MigrateRelaisDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        if (!db.IsPostgres)
        {
            // WAL lets readers work while the writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        // A migration may build an index over tens of millions of rows (the indicators' cases at a million patients: a minute):
        // the 30 s a request's statement may take would abort it half-way, and the start with it.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
    }
}

public static class ReferenceData
{
    /// <summary>
    /// What every installation needs, demo or not: the roles accounts are given, the shipped surveillance
    /// protocols and questionnaires (to validate), the living areas and their communes, and — on a fresh installation — the invitation of the first administrator.
    /// </summary>
    public static async Task EnsureReferenceDataAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RelaisRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new RelaisRole(role));
                if (!created.Succeeded) throw new InvalidOperationException($"Role {role}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        await scope.ServiceProvider.GetRequiredService<Features.FollowUp.Protocols.EnsureShippedProtocols>().HandleAsync();
        await scope.ServiceProvider.GetRequiredService<Features.SupportiveCare.Directory.EnsureShippedGeography>().HandleAsync();
        await scope.ServiceProvider.GetRequiredService<Features.Symptoms.Questionnaires.EnsureShippedQuestionnaires>().HandleAsync();
        await scope.ServiceProvider.GetRequiredService<Features.Admin.Users.InviteFirstAdministrator>().HandleAsync(CancellationToken.None);
    }
}

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteRelaisDb>
{
    public SqliteRelaisDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRelaisDb>().UseSqlite("Data Source=design.db").UseApplicationServiceProvider(IdentityOptionsAtDesignTime.Services).Options);
}

/// <summary>
/// Identity shapes its tables after its options' schema version (version 3: passkeys), read from the application's
/// services: the design-time factories give them the same version as AddRelaisIdentity.
/// </summary>
internal static class IdentityOptionsAtDesignTime
{
    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresRelaisDb>
{
    public PostgresRelaisDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRelaisDb>().UseNpgsql("Host=localhost;Database=relais_design").UseApplicationServiceProvider(IdentityOptionsAtDesignTime.Services).Options);
}
