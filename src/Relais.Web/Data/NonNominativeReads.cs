using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Relais.Web.Data;

/// <summary>
/// The PostgreSQL streaming replica (hot standby) that may serve the reads naming no patient (issue 18 point 4), given as
/// <c>ConnectionStrings:Replica</c> beside <c>ConnectionStrings:Postgres</c>. Registered once, only when both are set;
/// absent, every read stays on the primary. SQLite has no replica: the setting is then ignored.
/// </summary>
public sealed class ReplicaConnection
{
    public const string Name = "Replica";

    public ReplicaConnection(string connectionString, IServiceProvider services)
    {
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // Read-only at the session too: a replica string pointing at a primary by mistake still refuses every write.
        if (string.IsNullOrWhiteSpace(npgsql.Options)) npgsql.Options = "-c default_transaction_read_only=on";
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            npgsql.MaxAutoPrepare = 64;
            npgsql.AutoPrepareMinUsages = 3;
        }
        // The same context type and application services as the primary's: the same model (EF caches it by type).
        Options = new DbContextOptionsBuilder<PostgresRelaisDb>()
            .UseNpgsql(npgsql.ConnectionString)
            .UseApplicationServiceProvider(services)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(ReadOnlyGuard.Instance)
            .Options;
    }

    public DbContextOptions<PostgresRelaisDb> Options { get; }

    /// <summary>The replica's context saves nothing: a write sent there is a bug, refused before it reaches the server.</summary>
    private sealed class ReadOnlyGuard : SaveChangesInterceptor
    {
        public static readonly ReadOnlyGuard Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("The read replica is read-only: writes go to the primary (RelaisDb).");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The read replica is read-only: writes go to the primary (RelaisDb).");
    }
}

/// <summary>
/// Where the reads that name no patient go: the aggregates of the 3C/DSRC dashboard (the sums and kept cases of the
/// indicators, the crisis comparisons) and the search of the supportive-care directory. On the replica when one is
/// configured (<see cref="ReplicaConnection"/>), otherwise the request's own <see cref="RelaisDb"/>.
/// <para>
/// Only those queries use it: nothing nominative is read here (a nominative read must be audited in the same transaction
/// as the read, on the primary), and nothing is written (the replica's context refuses <c>SaveChanges</c>, its sessions
/// are read-only, and a hot standby refuses writes). What it reads may lag the primary by the replica's replay delay
/// (docs/scale-out.md).
/// </para>
/// </summary>
public sealed class NonNominativeReads(RelaisDb primary, ReplicaConnection? replica = null) : IDisposable, IAsyncDisposable
{
    private PostgresRelaisDb? own;

    /// <summary>True when the reads go to the replica.</summary>
    public bool OnReplica => replica is not null;

    /// <summary>The context to read from: the replica's (created on first use, one per scope), or the primary's.</summary>
    public RelaisDb Db => replica is null ? primary : own ??= new PostgresRelaisDb(replica.Options);

    public void Dispose() => own?.Dispose();

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
