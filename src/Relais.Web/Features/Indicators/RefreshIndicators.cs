using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Indicators;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Operations;

namespace Relais.Web.Features.Indicators;

/// <summary>
/// Computes again the kept cases (<see cref="IndicatorObservationRow"/>) of the patients marked stale, a batch at a time:
/// each batch replaces its patients' cases and removes the marks it read in one transaction, so a change committed
/// meanwhile keeps its own mark and is taken by the next batch. Refreshes are serialised across instances (a PostgreSQL
/// advisory lock; SQLite has one writer). When the rules' version or a setting that changes a case differs from what
/// the kept cases were computed with, every patient is marked first. The sums (<see cref="IndicatorSum"/>) move with
/// the cases in the same transaction: a batch takes its patients' old cases out of them and adds the new ones.
/// </summary>
public sealed class RefreshIndicators(RelaisDb db, IndicatorFacts facts, Clock clock, IConfiguration configuration, IOptions<IndicatorSettings> settings)
{
    /// <summary>Patients computed per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>An arbitrary key of the PostgreSQL advisory lock that serialises the refreshes ("RELAIS15").</summary>
    internal const long LockKey = 0x52454C4149533135;

    /// <summary>
    /// Refreshes up to <paramref name="maxPatients"/> stale patients, then brings the sums up to the start of the clock's
    /// day (<see cref="SettleAsync"/>); returns how many patients are left. With <paramref name="wait"/> false (a
    /// dashboard request), a refresh already running elsewhere is not waited for: the request leaves the work to it and
    /// answers from the cases as they stand — a request queued behind a catch-up of hundreds of patients took seconds.
    /// </summary>
    public async Task<int> HandleAsync(int maxPatients, CancellationToken ct, bool wait = true)
    {
        await EnsureFingerprintAsync(ct);
        var done = 0;
        while (done < maxPatients && await db.IndicatorStaleMarks.AnyAsync(ct))
        {
            var batch = await BatchAsync(Math.Min(BatchSize, maxPatients - done), wait, ct);
            if (batch <= 0) break;
            done += batch;
        }
        await SettleAsync(Clock.StartOfParisDay(clock.Today), ct, wait);
        // A patient may be marked by several commits: what is left is counted in patients, as the page says.
        return await db.IndicatorStaleMarks.Select(m => m.PatientId).Distinct().CountAsync(ct);
    }

    /// <summary>What the kept cases depend on besides the records: the rules' version, the overdue tolerance, the targets.</summary>
    public string Fingerprint()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"rules {IndicatorRules.Version}; overdue {configuration.OverdueDays()}; targets {string.Join(",", settings.Value.Targets.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Makes the sums hold exactly the kept cases that count from before <paramref name="until"/>: the first time, from
    /// every case; then by adding the cases whose instant has come since (or taking back those whose instant is not yet
    /// come, when the clock was set back, as in the tests).
    /// </summary>
    public async Task SettleAsync(DateTimeOffset until, CancellationToken ct, bool wait = true)
    {
        if (await db.IndicatorRefreshStates.AsNoTracking().AnyAsync(s => s.Id == 1 && s.SettledUntil == until, ct)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Not settled yet is still a right answer: the dashboard reads the cases counting from the settled instant on.
        if (!await LockAsync(wait, ct)) return;
        var state = await db.IndicatorRefreshStates.SingleOrDefaultAsync(s => s.Id == 1, ct);
        // No state (a bulk load forgot it since this refresh began): it is made again with every patient marked, as a
        // new fingerprint does, never without the marks — the loaded patients would not be counted.
        if (state is null) state = await NewStateAsync(ct);
        if (state.SettledUntil == until) return;
        // The first settling waits for the catch-up to end: sums built from part of the cases would then be kept up to date
        // patient by patient (an upsert per sum), hours at a million patients, where one pass at the end takes minutes.
        if (state.SettledUntil is null && await db.IndicatorStaleMarks.AnyAsync(ct)) return;
        var rebuilt = state.SettledUntil is null;
        if (state.SettledUntil is not { } settled)
        {
            await db.IndicatorSums.ExecuteDeleteAsync(ct);
            // The first settling sums every kept case once (some 14 million at 300,000 patients): longer than a request's
            // command timeout, which made it fail and start again for ever.
            await LongAsync(() => AddToSumsAsync(1, $"(\"CountsFrom\" IS NULL OR \"CountsFrom\" < {Instant(until)})", ct));
        }
        else
        {
            var (later, earlier) = until > settled ? (until, settled) : (settled, until);
            await AddToSumsAsync(until > settled ? 1 : -1, $"\"CountsFrom\" >= {Instant(earlier)} AND \"CountsFrom\" < {Instant(later)}", ct);
            // Sums brought to zero by recomputed patients are dropped once a day.
            await db.IndicatorSums.Where(s => s.Count == 0).ExecuteDeleteAsync(ct);
        }
        state.SettledUntil = until;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (rebuilt && db.IsPostgres)
        {
            // Rebuilt from every case (16 million sums at a million patients): vacuumed at once, so that the dashboard reads them
            // from their index alone (the visibility map) rather than waiting for autovacuum's throttled pass (15 minutes there,
            // during which an answer read the heap: 850 ms instead of 250). Outside the transaction, as VACUUM must be.
            await LongAsync(() => db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "IndicatorSums" """, ct));
        }
    }

    /// <summary>Runs a statement over every kept case with half an hour to finish instead of a request's command timeout.</summary>
    private async Task LongAsync(Func<Task> work)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await work();
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private async Task EnsureFingerprintAsync(CancellationToken ct)
    {
        var fingerprint = Fingerprint();
        if (await db.IndicatorRefreshStates.AsNoTracking().AnyAsync(s => s.Id == 1 && s.Fingerprint == fingerprint, ct)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(wait: true, ct);
        var state = await db.IndicatorRefreshStates.SingleOrDefaultAsync(s => s.Id == 1, ct);
        if (state?.Fingerprint == fingerprint) return;
        if (state is null) state = await NewStateAsync(ct);
        else await MarkEveryPatientAsync(ct);
        state.Fingerprint = fingerprint;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private Task<int> MarkEveryPatientAsync(CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""INSERT INTO "IndicatorStaleMarks" ("PatientId") SELECT "Id" FROM "Patients" """, ct);

    /// <summary>The refresh state made anew, in the caller's transaction: every patient marked, the current fingerprint, nothing settled.</summary>
    private async Task<IndicatorRefreshState> NewStateAsync(CancellationToken ct)
    {
        await MarkEveryPatientAsync(ct);
        var state = new IndicatorRefreshState { Id = 1, Fingerprint = Fingerprint() };
        db.IndicatorRefreshStates.Add(state);
        return state;
    }

    /// <summary>Computes one batch; 0 when no patient is left, -1 when another refresh holds the lock and <paramref name="wait"/> is false.</summary>
    private async Task<int> BatchAsync(int size, bool wait, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAsync(wait, ct)) return -1;
        var marks = await db.IndicatorStaleMarks.AsNoTracking().OrderBy(m => m.Id).Take(size * 4).Select(m => new { m.Id, m.PatientId }).ToListAsync(ct);
        var patients = marks.Select(m => m.PatientId).Distinct().Take(size).ToList();
        if (patients.Count == 0) return 0;
        var taken = marks.Where(m => patients.Contains(m.PatientId)).Select(m => m.Id).ToList();
        var rows = await facts.ComputeAsync(patients, configuration.OverdueDays(), settings.Value.Targets, ct);
        var state = await db.IndicatorRefreshStates.SingleOrDefaultAsync(s => s.Id == 1, ct);
        // The batch's patients are those of the marks it took (ids read from the database, written into the statement).
        var ofBatch = $"\"PatientId\" IN (SELECT \"PatientId\" FROM \"IndicatorStaleMarks\" WHERE \"Id\" IN ({string.Join(',', taken.Select(id => id.ToString(CultureInfo.InvariantCulture)))}))";
        var settled = state?.SettledUntil is { } until ? $"{ofBatch} AND (\"CountsFrom\" IS NULL OR \"CountsFrom\" < {Instant(until)})" : null;
        if (settled is not null) await AddToSumsAsync(-1, settled, ct);
        await db.IndicatorObservations.Where(o => patients.Contains(o.PatientId)).ExecuteDeleteAsync(ct);
        if (db.IsPostgres) await CopyAsync(rows, ct);
        else db.IndicatorObservations.AddRange(rows);
        if (state is not null) state.RefreshedAt = clock.Now;
        await db.SaveChangesAsync(ct);
        if (settled is not null) await AddToSumsAsync(1, settled, ct);
        await db.IndicatorStaleMarks.Where(m => taken.Contains(m.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return patients.Count;
    }

    /// <summary>
    /// Writes the cases through PostgreSQL's binary COPY, in the batch's transaction: a first computation after a bulk load
    /// writes some thirty cases per patient, which EF's batched inserts took most of the batch's time to send.
    /// </summary>
    private async Task CopyAsync(List<IndicatorObservationRow> rows, CancellationToken ct)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "IndicatorObservations" ("PatientId", "Code", "Anchor", "Month", "HospitalId", "SiteGroup", "IsPrimary", "AreaCode", "Met", "Measure", "CountsFrom")
            FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.PatientId, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Code, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Anchor, NpgsqlTypes.NpgsqlDbType.Date, ct);
            await copy.WriteAsync(r.Month, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            await WriteOrNullAsync(copy, r.HospitalId, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
            await WriteOrNullAsync(copy, r.SiteGroup, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.IsPrimary, NpgsqlTypes.NpgsqlDbType.Boolean, ct);
            await WriteOrNullAsync(copy, r.AreaCode, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Met, NpgsqlTypes.NpgsqlDbType.Boolean, ct);
            await WriteOrNullAsync(copy, r.Measure, NpgsqlTypes.NpgsqlDbType.Double, ct);
            await WriteOrNullAsync(copy, r.CountsFrom?.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteOrNullAsync<T>(Npgsql.NpgsqlBinaryImporter copy, T? value, NpgsqlTypes.NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    /// <summary>An instant as a SQL literal: a timestamptz on PostgreSQL, UTC ticks on SQLite (<see cref="UtcTicksConverter"/>).</summary>
    private string Instant(DateTimeOffset instant) => db.IsPostgres
        ? string.Create(CultureInfo.InvariantCulture, $"'{instant.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}+00:00'::timestamptz")
        : instant.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds <paramref name="sign"/> times the kept cases that <paramref name="where"/> selects to their sums: each case once
    /// over every site and territory (its primary copy), once for its site group, once for its territory, once for both.
    /// <paramref name="where"/> is built here from numbers only, never from input.
    /// </summary>
    private async Task AddToSumsAsync(int sign, string where, CancellationToken ct)
    {
        var noHospital = db.IsPostgres ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";
        string Keys(string site, string area) =>
            $"""SELECT "Code", "Month", COALESCE("HospitalId", {noHospital}) AS "HospitalId", {site} AS "SiteKey", {area} AS "AreaKey", "Met", ("Measure" IS NOT NULL) AS "HasMeasure", COALESCE("Measure", 0) AS "Measure" FROM "IndicatorObservations" """;
        const string All = $"'{IndicatorSum.AllKey}'", Site = "\"SiteGroup\"", Area = "\"AreaCode\"";
        var sql = $"""
            INSERT INTO "IndicatorSums" ("Code", "Month", "HospitalId", "SiteKey", "AreaKey", "Met", "HasMeasure", "Measure", "Count")
            SELECT "Code", "Month", "HospitalId", "SiteKey", "AreaKey", "Met", "HasMeasure", "Measure", {sign} * COUNT(*) FROM (
                {Keys(All, All)} WHERE "IsPrimary" AND {where}
                UNION ALL {Keys(Site, All)} WHERE "SiteGroup" IS NOT NULL AND {where}
                UNION ALL {Keys(All, Area)} WHERE "IsPrimary" AND "AreaCode" IS NOT NULL AND {where}
                UNION ALL {Keys(Site, Area)} WHERE "SiteGroup" IS NOT NULL AND "AreaCode" IS NOT NULL AND {where}
            ) AS k WHERE 1 = 1
            GROUP BY "Code", "Month", "HospitalId", "SiteKey", "AreaKey", "Met", "HasMeasure", "Measure"
            ON CONFLICT ("SiteKey", "AreaKey", "Month", "HospitalId", "Code", "Met", "HasMeasure", "Measure")
            DO UPDATE SET "Count" = "IndicatorSums"."Count" + excluded."Count"
            """;
#pragma warning disable EF1002 // built from constants and numbers read from the database, never from input
        await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
    }

    /// <summary>Takes the refreshes' lock for the transaction; without <paramref name="wait"/>, only if it is free (false otherwise).</summary>
    private async Task<bool> LockAsync(bool wait, CancellationToken ct)
    {
        if (!db.IsPostgres) return true;
        if (wait)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
            return true;
        }
        return await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
    }
}

/// <summary>
/// Keeps the indicators' cases current in the background (setting <c>Indicators:RefreshSeconds</c>; 0: no background
/// refresh, the dashboard's own catch-up alone), so that the catch-up (<see cref="IndicatorSettings.CatchUpPatients"/>)
/// has little left to do.
/// </summary>
public sealed class IndicatorRefresher(IServiceScopeFactory scopes, IOptions<IndicatorSettings> settings, ILogger<IndicatorRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Value.RefreshSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Value.RefreshSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RefreshIndicators>().HandleAsync(int.MaxValue, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.IndicatorRefreshFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
