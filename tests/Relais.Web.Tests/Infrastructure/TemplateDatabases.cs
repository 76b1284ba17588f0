using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// One migrated and seeded database per provider and test process, which every factory copies:
/// migrating and seeding the demo data (about fifty accounts, each with its password hash) is most
/// of an app's start, and a test class would otherwise pay it again. The template is built by
/// starting the app once on an empty database, at <see cref="RelaisFactory.Start"/> and with the
/// default settings, so it holds exactly what start-up produces; a copy's own start-up then finds
/// the migrations applied, the reference data and the demo data present, and adds nothing. The
/// app's background services (outbox dispatcher, audit sealer) do not run on the template: each
/// copy runs them from its own start, as on a database of its own.
/// </summary>
internal static class TemplateDatabases
{
    private static readonly Lazy<string> SqliteTemplate = new(BuildSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresTemplate = new(BuildPostgresTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the SQLite template (built on first use) to <paramref name="file"/>.</summary>
    public static void CopySqliteTemplateTo(string file) => File.Copy(OffTheTestThread(() => SqliteTemplate.Value), file);

    /// <summary>Creates <paramref name="database"/> as a copy of the PostgreSQL template (built on first use).</summary>
    public static void CreatePostgresFromTemplate(string database)
    {
        var template = OffTheTestThread(() => PostgresTemplate.Value);
        using var connection = new NpgsqlConnection(PostgresRelaisFactory.ServerConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"", connection);
        create.ExecuteNonQuery();
    }

    private static string BuildSqliteTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "relais-tests", $"template-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "relais.db");
        var connectionString = $"Data Source={file}";
        RunStartup(b =>
        {
            b.UseSetting("ConnectionStrings:Sqlite", connectionString);
            b.UseSetting("ConnectionStrings:Postgres", "");
        });
        SqliteConnection.ClearAllPools();
        // The database is in WAL mode: bring every committed page into the main file, so that
        // copying that one file copies the whole database.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            using var result = checkpoint.ExecuteReader();
            if (!result.Read() || result.GetInt32(0) != 0)
                throw new InvalidOperationException($"The SQLite template {file} could not be checkpointed: a connection is still writing to it.");
        }
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        };
        return file;
    }

    private static string BuildPostgresTemplate()
    {
        var template = $"relais_template_{Guid.NewGuid():N}";
        RunStartup(b => b.UseSetting("ConnectionStrings:Postgres", PostgresRelaisFactory.ConnectionStringFor(template)));
        // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template: close the
        // pooled connections the builder left, and end any backend still attached.
        NpgsqlConnection.ClearAllPools();
        using (var connection = new NpgsqlConnection(PostgresRelaisFactory.ServerConnectionString))
        {
            connection.Open();
            using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @template AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("template", template);
            terminate.ExecuteNonQuery();
        }
        // scripts/test.sh throws the whole cluster away after the run; this is for a run on a cluster of one's own.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var connection = new NpgsqlConnection(PostgresRelaisFactory.ServerConnectionString);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
            // Best effort, as the process ends: an exception here would turn a green run into a crashed test host.
            catch (Exception) { }
        };
        return template;
    }

    /// <summary>Starts the app once on the template's database (start-up migrates and seeds it), then stops it.</summary>
    private static void RunStartup(Action<IWebHostBuilder> database)
    {
        using var builder = new TemplateBuilder(database);
        _ = builder.Services;
    }

    /// <summary>
    /// The factories build their database from their ConfigureWebHost, on xUnit's synchronisation
    /// context: wait for the template on a pool thread, so that nothing it awaits needs that context.
    /// </summary>
    private static T OffTheTestThread<T>(Func<T> work) => Task.Run(work).GetAwaiter().GetResult();

    private sealed class TemplateBuilder(Action<IWebHostBuilder> database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            RelaisFactory.ConfigureApp(builder, RelaisFactory.DefaultSettings(), new FakeTimeProvider(RelaisFactory.Start), database);
            builder.ConfigureServices(services =>
            {
                var background = services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && d.ImplementationType?.Assembly == typeof(Program).Assembly).ToList();
                foreach (var service in background) services.Remove(service);
            });
        }
    }
}
