using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Relais.Web.Features.Indicators;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// One migrated and seeded database per provider and test process, which every factory copies:
/// migrating and seeding the demo data (about fifty accounts, each with its password hash) is most
/// of an app's start, and a test class would otherwise pay it again. The template is built by
/// starting the app once on an empty database, at <see cref="RelaisFactory.Start"/> and with the
/// default settings, so it holds exactly what start-up produces; a copy's own start-up then finds
/// the migrations applied, the reference data and the demo data present, and adds nothing. The
/// app's background services (outbox dispatcher, audit sealer) do not run on the template: each
/// copy runs them from its own start, as on a database of its own; the indicators are computed once on the
/// template (<see cref="RunStartup"/>).
/// <para>
/// Within one run of scripts/test.sh, several test processes need the same templates (the web and browser
/// projects, then their passes under faketime). The script names a folder of its run in
/// <c>RELAIS_TEST_TEMPLATE_CACHE</c>: the first process to need a template builds it there (SQLite) or on the
/// run's cluster (PostgreSQL), under a lock, and the others copy it. A template is shared only between
/// processes of the same build of the app and of the tests, with the same settings and the same machine date
/// (the Data Protection key the start-up creates lives on the machine's clock: a process under faketime a
/// year away builds its own, as before).
/// </para>
/// </summary>
internal static class TemplateDatabases
{
    private static readonly Lazy<string> SqliteTemplate = new(BuildSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresTemplate = new(BuildPostgresTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's folder of shared templates, when scripts/test.sh gives one.</summary>
    private static string? CacheFolder =>
        Environment.GetEnvironmentVariable("RELAIS_TEST_TEMPLATE_CACHE") is { Length: > 0 } folder ? Directory.CreateDirectory(folder).FullName : null;

    /// <summary>What a template depends on: the builds, the settings, the start of the fake clock and the machine's date.</summary>
    private static readonly Lazy<string> CacheKey = new(() =>
    {
        var settings = RelaisFactory.DefaultSettings().OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}");
        var parts = new[]
        {
            typeof(Program).Assembly.ManifestModule.ModuleVersionId.ToString(),
            typeof(TemplateDatabases).Assembly.ManifestModule.ModuleVersionId.ToString(),
            RelaisFactory.Start.ToString("O", CultureInfo.InvariantCulture),
            DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Join(";", settings),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))))[..20];
    });

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
        if (CacheFolder is not { } cache) return BuildSqliteTemplateFile();
        var shared = Path.Combine(cache, $"sqlite-{CacheKey.Value}.db");
        using (FileLock(Path.Combine(cache, $"sqlite-{CacheKey.Value}.lock")))
        {
            if (!File.Exists(shared))
            {
                var built = BuildSqliteTemplateFile();
                File.Copy(built, shared + ".part", overwrite: true);
                File.Move(shared + ".part", shared);
            }
        }
        return shared;
    }

    /// <summary>An exclusive lock between processes: the file held open unshared (an flock on Linux), waited for.</summary>
    private static FileStream FileLock(string path)
    {
        var until = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < until) { Thread.Sleep(200); }
        }
    }

    private static string BuildSqliteTemplateFile()
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
        if (CacheFolder is null) return BuildPostgresTemplateDatabase(dropAtExit: true);
        // The run's cluster holds the shared template under its key; a session lock keeps a second builder waiting.
        var shared = $"relais_template_{CacheKey.Value}";
        using var connection = new NpgsqlConnection(PostgresRelaisFactory.ServerConnectionString);
        connection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", connection))
        {
            take.Parameters.AddWithValue("name", shared);
            take.ExecuteNonQuery();
        }
        try
        {
            using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", shared);
            if ((long)exists.ExecuteScalar()! == 0)
            {
                // Built under another name and renamed when whole: a builder that dies leaves no half template behind.
                var built = BuildPostgresTemplateDatabase(dropAtExit: false);
                using var rename = new NpgsqlCommand($"ALTER DATABASE \"{built}\" RENAME TO \"{shared}\"", connection);
                rename.ExecuteNonQuery();
            }
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", connection);
            release.Parameters.AddWithValue("name", shared);
            release.ExecuteNonQuery();
        }
        // scripts/test.sh throws the whole cluster away after the run, shared templates included.
        return shared;
    }

    private static string BuildPostgresTemplateDatabase(bool dropAtExit)
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
        if (!dropAtExit) return template;
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

    /// <summary>
    /// Starts the app once on the template's database (start-up migrates and seeds it), computes the indicators of the
    /// seeded patients as the indicators' background refresh does at an app's start, then stops it. Without that, every
    /// copy's start computed them again, in the background, while its class's first tests ran (and removed the stale
    /// marks under a test counting rows); now a copy's start finds nothing stale, as an app restarted on a refreshed
    /// database does. A copy with other indicator settings has another fingerprint, and recomputes.
    /// </summary>
    private static void RunStartup(Action<IWebHostBuilder> database)
    {
        using var builder = new TemplateBuilder(database);
        using var scope = builder.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RefreshIndicators>().HandleAsync(int.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
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
