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
/// the kept cases were computed with, every patient is marked first.
/// </summary>
public sealed class RefreshIndicators(RelaisDb db, IndicatorFacts facts, Clock clock, IConfiguration configuration, IOptions<IndicatorSettings> settings)
{
    /// <summary>Patients computed per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>An arbitrary key of the PostgreSQL advisory lock that serialises the refreshes ("RELAIS15").</summary>
    private const long LockKey = 0x52454C4149533135;

    /// <summary>Refreshes up to <paramref name="maxPatients"/> stale patients; returns how many patients are left.</summary>
    public async Task<int> HandleAsync(int maxPatients, CancellationToken ct)
    {
        await EnsureFingerprintAsync(ct);
        var done = 0;
        while (done < maxPatients && await db.IndicatorStaleMarks.AnyAsync(ct))
        {
            var batch = await BatchAsync(Math.Min(BatchSize, maxPatients - done), ct);
            if (batch == 0) break;
            done += batch;
        }
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

    private async Task EnsureFingerprintAsync(CancellationToken ct)
    {
        var fingerprint = Fingerprint();
        if (await db.IndicatorRefreshStates.AsNoTracking().AnyAsync(s => s.Id == 1 && s.Fingerprint == fingerprint, ct)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ct);
        var state = await db.IndicatorRefreshStates.SingleOrDefaultAsync(s => s.Id == 1, ct);
        if (state?.Fingerprint == fingerprint) return;
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "IndicatorStaleMarks" ("PatientId") SELECT "Id" FROM "Patients" """, ct);
        if (state is null) db.IndicatorRefreshStates.Add(state = new IndicatorRefreshState { Id = 1 });
        state.Fingerprint = fingerprint;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<int> BatchAsync(int size, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ct);
        var marks = await db.IndicatorStaleMarks.AsNoTracking().OrderBy(m => m.Id).Take(size * 4).Select(m => new { m.Id, m.PatientId }).ToListAsync(ct);
        var patients = marks.Select(m => m.PatientId).Distinct().Take(size).ToList();
        if (patients.Count == 0) return 0;
        var taken = marks.Where(m => patients.Contains(m.PatientId)).Select(m => m.Id).ToList();
        var rows = await facts.ComputeAsync(patients, configuration.OverdueDays(), settings.Value.Targets, ct);
        await db.IndicatorObservations.Where(o => patients.Contains(o.PatientId)).ExecuteDeleteAsync(ct);
        await db.IndicatorStaleMarks.Where(m => taken.Contains(m.Id)).ExecuteDeleteAsync(ct);
        db.IndicatorObservations.AddRange(rows);
        var state = await db.IndicatorRefreshStates.SingleOrDefaultAsync(s => s.Id == 1, ct);
        if (state is not null) state.RefreshedAt = clock.Now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return patients.Count;
    }

    private async Task LockAsync(CancellationToken ct)
    {
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
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
