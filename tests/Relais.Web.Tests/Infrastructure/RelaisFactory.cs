using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
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

    /// <summary>Configuration for this instance, applied when it starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Mail:Host"] = Environment.GetEnvironmentVariable("RELAIS_TEST_SMTP_HOST") ?? "127.0.0.1",
        ["Mail:Port"] = Environment.GetEnvironmentVariable("RELAIS_TEST_SMTP_PORT") ?? "2525",
        ["Mail:Security"] = "None",
        ["Mail:Domain"] = "relais.test",
        // Tests dispatch the outbox themselves, when they mean to; the background pass runs once at start.
        ["Mail:DispatchIntervalSeconds"] = "3600",
    };

    protected abstract void ConfigureDatabase(IWebHostBuilder builder);

    /// <summary>A new instance of the app on this instance's database.</summary>
    public abstract RelaisFactory Sibling();

    /// <summary>
    /// A new instance of the app on a new database of the same kind, with the same settings and its
    /// own clock: for a test that moves the clock, so that the other tests of its class keep running
    /// at <see cref="Start"/> whatever order xUnit picks.
    /// </summary>
    public RelaisFactory Fresh()
    {
        var fresh = NewOfSameKind();
        foreach (var (key, value) in Settings) fresh.Settings[key] = value;
        return fresh;
    }

    protected abstract RelaisFactory NewOfSameKind();

    /// <summary>
    /// A client whose cookies live at the app's time (<see cref="AppTimeCookies"/>), not at the
    /// machine's: hides the base method so that no test can get a jar that expires on the real clock.
    /// </summary>
    public new HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    /// <inheritdoc cref="CreateClient()"/>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect) handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies) handlers.Add(new AppTimeCookies(Time));
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        ConfigureDatabase(builder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}

public sealed class SqliteRelaisFactory : RelaisFactory
{
    private readonly string folder;
    private readonly bool ownsFolder;

    public SqliteRelaisFactory() : this(Path.Combine(Path.GetTempPath(), "relais-tests", Guid.NewGuid().ToString("N")), ownsFolder: true) { }

    /// <summary>A second instance on the database file of another (a restart).</summary>
    internal SqliteRelaisFactory(string folder, bool ownsFolder)
    {
        this.folder = folder;
        this.ownsFolder = ownsFolder;
    }

    public string Folder => folder;

    public override RelaisFactory Sibling() => new SqliteRelaisFactory(folder, ownsFolder: false);

    protected override RelaisFactory NewOfSameKind() => new SqliteRelaisFactory();

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
        if (ownsFolder)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgresRelaisFactory : RelaisFactory
{
    private readonly string database;
    private readonly bool ownsDatabase;

    public PostgresRelaisFactory() : this($"relais_test_{Guid.NewGuid():N}", ownsDatabase: true) { }

    /// <summary>Another instance on the database of another (several app instances, or a restart).</summary>
    internal PostgresRelaisFactory(string database, bool ownsDatabase)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
    }

    public string Database => database;

    public override RelaisFactory Sibling() => new PostgresRelaisFactory(database, ownsDatabase: false);

    protected override RelaisFactory NewOfSameKind() => new PostgresRelaisFactory();

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
        if (!ownsDatabase) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
