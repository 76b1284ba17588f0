using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// Relais on a real database of its own: a fresh SQLite file, or a fresh database on the private
/// PostgreSQL cluster that scripts/test.sh starts (RELAIS_TEST_POSTGRES). Development environment,
/// so the demo accounts exist; the clock is fixed so that dates are reproducible.
/// </summary>
public abstract class RelaisFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 23 November 2026, 09:00 UTC (10:00 in Paris).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public abstract string Provider { get; }

    protected abstract void ConfigureDatabase(IWebHostBuilder builder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        ConfigureDatabase(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}

public sealed class SqliteRelaisFactory : RelaisFactory
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "relais-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "sqlite";

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder, "relais.db")}");
        builder.UseSetting("ConnectionStrings:Postgres", "");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgresRelaisFactory : RelaisFactory
{
    private readonly string database = $"relais_test_{Guid.NewGuid():N}";

    public override string Provider => "postgres";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("RELAIS_TEST_POSTGRES")
        ?? throw new InvalidOperationException("RELAIS_TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts a private PostgreSQL.");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
