using Microsoft.Data.Sqlite;
using Npgsql;
using Relais.Domain.Audit;

namespace Relais.Web.Audit;

/// <summary>
/// The audit trail's protection (section "Audit" of the configuration; SECURITY.md promise 3). The key
/// that seals the chain and signs its checkpoints is never in the database: <see cref="Key"/> (base64,
/// 32 bytes or more, e.g. from an environment variable or a secret store) or <see cref="KeyFile"/>,
/// created with 32 random bytes readable by the service account only when it does not exist. The
/// checkpoint file is append-only, outside the database, and belongs to one database.
/// </summary>
public sealed class AuditOptions
{
    public string? Key { get; set; }
    /// <summary>Default: App_Data/audit.key under the content root.</summary>
    public string? KeyFile { get; set; }
    /// <summary>Default: beside the SQLite file, or App_Data/audit-checkpoints-&lt;database&gt;.log for PostgreSQL.</summary>
    public string? CheckpointFile { get; set; }
    /// <summary>How often the chain's head is written to the checkpoint file, at most.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 60;
    /// <summary>How long the audit rows are kept before a purge may remove them (6 months at least).</summary>
    public int RetentionMonths { get; set; } = 12;

    public bool IsValid => AuditRetention.IsAllowed(RetentionMonths) && CheckpointIntervalSeconds > 0
        && (string.IsNullOrEmpty(Key) || DecodedKeyLength(Key) >= AuditChain.MinimumKeyBytes);

    private static int DecodedKeyLength(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) ? written : 0;
    }
}

/// <summary>The audit key and the checkpoint file of this installation, resolved once at start.</summary>
public sealed class AuditKeyRing
{
    private readonly byte[] key;

    public AuditKeyRing(AuditOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        var appData = Path.Combine(environment.ContentRootPath, "App_Data");
        key = !string.IsNullOrEmpty(options.Key) ? Convert.FromBase64String(options.Key) : LoadOrCreate(options.KeyFile ?? Path.Combine(appData, "audit.key"));
        CheckpointFile = options.CheckpointFile ?? DefaultCheckpointFile(configuration, appData);
    }

    public ReadOnlySpan<byte> Key => key;

    public string CheckpointFile { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length < AuditChain.MinimumKeyBytes) throw new InvalidOperationException($"The audit key file {path} holds fewer than {AuditChain.MinimumKeyBytes} bytes.");
            return existing;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditChain.MinimumKeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(created));
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return LoadOrCreate(path);
        }
    }

    /// <summary>One checkpoint file per database, so that a second database never reads the first one's checkpoints.</summary>
    private static string DefaultCheckpointFile(IConfiguration configuration, string appData)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return Path.Combine(appData, $"audit-checkpoints-{new NpgsqlConnectionStringBuilder(postgres).Database}.log");
        var sqlite = configuration.GetConnectionString("Sqlite");
        var file = string.IsNullOrWhiteSpace(sqlite) ? Path.Combine(appData, "relais.db") : new SqliteConnectionStringBuilder(sqlite).DataSource;
        return Path.ChangeExtension(Path.GetFullPath(file), ".audit-checkpoints.log");
    }
}

/// <summary>The append-only file of signed checkpoints, outside the database.</summary>
public sealed class AuditCheckpointLog(AuditKeyRing keys)
{
    private static readonly Lock Writing = new();
    private long lastWrittenIndex = -1;
    private long lastWrittenAt = long.MinValue;

    public string Path => keys.CheckpointFile;

    public IReadOnlyList<AuditCheckpoint> ReadAll()
    {
        if (!File.Exists(Path)) return [];
        return [.. File.ReadLines(Path).Where(l => l.Length > 0).Select(AuditCheckpoint.Parse)];
    }

    /// <summary>Appends a checkpoint; a head already written, or written less than <paramref name="interval"/> ago, is not written again.</summary>
    public void Append(AuditCheckpoint checkpoint, TimeSpan? interval = null)
    {
        lock (Writing)
        {
            var now = Environment.TickCount64;
            if (checkpoint.Kind == CheckpointKind.Head
                && (checkpoint.Index <= lastWrittenIndex || (interval is { } every && now - lastWrittenAt < every.TotalMilliseconds)))
                return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            // Append mode: the file is only ever added to; each line is written whole and flushed.
            using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            using (var writer = new StreamWriter(stream))
                writer.WriteLine(checkpoint.ToLine());
            if (checkpoint.Kind == CheckpointKind.Head)
            {
                lastWrittenIndex = checkpoint.Index;
                lastWrittenAt = now;
            }
        }
    }
}
