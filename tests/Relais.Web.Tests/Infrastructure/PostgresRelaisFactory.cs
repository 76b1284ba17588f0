using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Relais on a database of its own, a copy of the template, on the private PostgreSQL cluster.</summary>
public sealed class PostgresRelaisFactory : RelaisFactory
{
    private readonly string database;
    private readonly bool ownsDatabase;
    private bool created;

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

    public string ConnectionString => ConnectionStringFor(database);

    internal static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        // A sibling runs on the database of the instance that owns it; WithWebHostBuilder configures this instance again.
        if (ownsDatabase && !created)
        {
            TemplateDatabases.CreatePostgresFromTemplate(database);
            created = true;
        }
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
    }

    /// <summary>The audit checkpoint file of this database (one per database, as in production).</summary>
    public string CheckpointFile => Path.Combine(Path.GetTempPath(), "relais-tests", $"{database}.audit-checkpoints.log");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDatabase) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        File.Delete(CheckpointFile);
    }
}
