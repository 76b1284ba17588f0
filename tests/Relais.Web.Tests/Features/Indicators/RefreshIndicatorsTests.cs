using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Indicators;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Indicators;

/// <summary>
/// Issue 15 point 1, the 300,000-patient budget: the indicators sum kept cases, computed again for each patient whose
/// record changed. A change is counted at the next answer, what a request leaves is shown pending, and a setting that
/// changes a case computes every patient again.
/// </summary>
public abstract class RefreshIndicatorsTests(RelaisFactory factory)
{
    /// <summary>Patients of one site diagnosed on 3 February 2025 (a month no demo patient has), discussed at the tumor board on the given day.</summary>
    protected static async Task SeedAsync(HttpClient oncologist, string site, int count, int tumorBoardDay)
    {
        var diagnosis = new DateOnly(2025, 2, 3);
        for (var i = 0; i < count; i++)
        {
            var patientId = await A.Patient().Born(1968, 4, 5).CreateAsync(oncologist);
            var episodeId = await An.Episode().Site(site, "Localisation d'essai").DiagnosedOn(2025, 2, 3).CreateAsync(oncologist, patientId);
            var step = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions",
                new { to = "tumor-board", occurredOn = diagnosis.AddDays(tumorBoardDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        }
    }

    protected static async Task<JsonElement> DelayAsync(RelaisFactory app, string site)
    {
        var answer = await (await app.ClientAsAsync(Api.Quality)).GetJsonAsync($"/api/indicators?from=2025-02-01&to=2025-02-28&site={site}");
        var delay = answer.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "diagnosis-to-tumor-board");
        return delay.Clone();
    }

    private static async Task<int> PendingAsync(RelaisFactory app) =>
        (await (await app.ClientAsAsync(Api.Quality)).GetJsonAsync("/api/indicators")).GetProperty("pendingPatients").GetInt32();

    [Fact]
    public async Task ARecordThatChanged_IsCountedAtTheNextAnswer()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        await SeedAsync(oncologist, "C02.1", 12, 10);
        var before = await DelayAsync(factory, "head-and-neck");
        Assert.Equal(12, before.GetProperty("denominator").GetInt32());
        Assert.Equal(10, before.GetProperty("value").GetDouble());

        await SeedAsync(oncologist, "C02.1", 12, 20);

        var after = await DelayAsync(factory, "head-and-neck");
        Assert.Equal(24, after.GetProperty("denominator").GetInt32());
        Assert.Equal(15, after.GetProperty("value").GetDouble());
        Assert.Equal(0, await PendingAsync(factory));
    }

    [Fact]
    public async Task WhatARequestLeaves_IsShownPending_ThenTheRefreshCountsIt()
    {
        await factory.ClientAsAsync(Api.Quality);  // the class's database exists before its sibling opens it
        await using var app = factory.Sibling();
        app.Settings["Indicators:CatchUpPatients"] = "0";
        app.Settings["Indicators:RefreshSeconds"] = "0";
        await SeedAsync(await app.ClientAsAsync(Api.Oncologist), "C18.7", 12, 10);

        Assert.Equal(0, (await DelayAsync(app, "digestive")).GetProperty("denominator").GetInt32());
        Assert.True(await PendingAsync(app) >= 12);
        var page = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Api.Quality)).GetStringAsync("/indicateurs"));
        Assert.Contains("dossiers modifiés ne sont pas encore comptés", page);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The app's background scans may mark a patient between the refresh's last batch and its count: refreshed again.
            var refresh = scope.ServiceProvider.GetRequiredService<RefreshIndicators>();
            var left = await refresh.HandleAsync(int.MaxValue, CancellationToken.None);
            for (var attempt = 0; left > 0 && attempt < 5; attempt++) left = await refresh.HandleAsync(int.MaxValue, CancellationToken.None);
            Assert.Equal(0, left);
        }

        Assert.Equal(12, (await DelayAsync(app, "digestive")).GetProperty("denominator").GetInt32());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            Assert.False(await db.IndicatorStaleMarks.AnyAsync());
            // A case is kept once per patient and indicator when the patient has one episode.
            Assert.Equal(12, await db.IndicatorObservations.CountAsync(o => o.Code == "diagnosis-to-tumor-board" && o.SiteGroup == "digestive" && o.Anchor == new DateOnly(2025, 2, 3)));
        }
    }

    [Fact]
    public async Task ARecipientReadOrReminded_OrACarnetItemReminded_MarksNoOne_WhileAnAcknowledgmentMarksItsPatient()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Born(1971, 9, 14).CreateAsync(oncologist);
        await An.Episode().Site("C50.9", "Sein").DiagnosedOn(2026, 10, 2).CreateAsync(oncologist, patientId);
        var sent = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/transmissions", new { obligation = "c2", message = "Compte rendu complémentaire." });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var transmissionId = (await sent.JsonAsync()).GetProperty("id").GetGuid();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var recipient = await db.TransmissionRecipients.FirstAsync(r => r.TransmissionId == transmissionId && r.ReadAt == null && r.AcknowledgedAt == null);
        var now = factory.Time.GetUtcNow();
        recipient.MarkRead(now);
        recipient.RemindedAfter(now);
        Assert.Equal(EntityState.Modified, db.Entry(recipient).State);
        // A carnet item the patient was reminded of is no other case either.
        var item = await db.CarnetItems.FirstAsync(c => c.PatientRemindedAt == null);
        item.PatientReminded(now);
        Assert.Equal(EntityState.Modified, db.Entry(item).State);
        await db.SaveChangesAsync();
        Assert.Empty(db.ChangeTracker.Entries<IndicatorStaleMark>());

        recipient.Acknowledge(now);
        await db.SaveChangesAsync();
        Assert.Equal([patientId], db.ChangeTracker.Entries<IndicatorStaleMark>().Select(e => e.Entity.PatientId));
    }

    [Fact]
    public async Task APeriodOfDays_CountsTheCasesOfItsDaysOnly_NotTheWholeMonthsSums()
    {
        await SeedAsync(await factory.ClientAsAsync(Api.Oncologist), "C64.1", 12, 10);
        var quality = await factory.ClientAsAsync(Api.Quality);
        async Task<int> DenominatorAsync(string from, string to) =>
            (await quality.GetJsonAsync($"/api/indicators?from={from}&to={to}&site=urological")).GetProperty("indicators").EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == "diagnosis-to-tumor-board").GetProperty("denominator").GetInt32();

        Assert.Equal(12, await DenominatorAsync("2025-02-03", "2025-02-03"));
        Assert.Equal(0, await DenominatorAsync("2025-02-04", "2025-02-28"));
        Assert.Equal(0, await DenominatorAsync("2025-01-01", "2025-02-02"));
        Assert.Equal(12, await DenominatorAsync("2025-01-15", "2025-03-15"));
        // A month covered in part is read the cheaper way — the days inside alone, or its sums less the days outside — and
        // both ways give the same cases: few days inside at each end, many at each end, and one of each.
        Assert.Equal(12, await DenominatorAsync("2025-01-25", "2025-02-03"));
        Assert.Equal(0, await DenominatorAsync("2025-01-29", "2025-02-02"));
        Assert.Equal(12, await DenominatorAsync("2025-02-02", "2025-03-31"));
        Assert.Equal(0, await DenominatorAsync("2025-02-04", "2025-03-31"));
        Assert.Equal(12, await DenominatorAsync("2025-01-05", "2025-02-25"));
        Assert.Equal(12, await DenominatorAsync("2025-01-28", "2025-02-26"));
        var delay = (await quality.GetJsonAsync("/api/indicators?from=2025-01-25&to=2025-03-03&site=urological")).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "diagnosis-to-tumor-board");
        Assert.Equal(10, delay.GetProperty("value").GetDouble());
        Assert.Equal(12, delay.GetProperty("byMonth").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "2025-02").GetProperty("denominator").GetInt32());
    }

    [Fact]
    public async Task TheSums_HoldEveryKeptCaseThatCountsFromBeforeTheDay_AsRecordsChangeAndTheClockMoves()
    {
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var (patientId, episodeId) = await oncologist.PatientInTreatmentAsync(app.Services, "C34.1");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);
        await SeedAsync(oncologist, "C34.1", 3, 12);
        await AssertSumsAsync(app);

        // A year on, the carnet's and the obligations' cases whose instant has come are in the sums; back at the start
        // (an instance whose clock was not moved, on the same database), out again.
        app.Time.Advance(TimeSpan.FromDays(400));
        await AssertSumsAsync(app);
        await SeedAsync(await app.ClientAsAsync(Api.Oncologist), "C34.1", 2, 30);
        await AssertSumsAsync(app);
        await using var back = app.Sibling();
        await AssertSumsAsync(back);
    }

    /// <summary>Refreshes, then checks the sums against the kept cases, summed here in memory.</summary>
    private static async Task AssertSumsAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // The app's background scans may mark a patient between the refresh's last batch and its count: refreshed again.
        var refresh = scope.ServiceProvider.GetRequiredService<RefreshIndicators>();
        var left = await refresh.HandleAsync(int.MaxValue, CancellationToken.None);
        for (var attempt = 0; left > 0 && attempt < 5; attempt++) left = await refresh.HandleAsync(int.MaxValue, CancellationToken.None);
        Assert.Equal(0, left);
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var settled = (await db.IndicatorRefreshStates.SingleAsync()).SettledUntil;
        Assert.NotNull(settled);
        var cases = await db.IndicatorObservations.AsNoTracking().ToListAsync();
        var expected = cases.Where(o => o.CountsFrom is null || o.CountsFrom < settled)
            .SelectMany(o => new[]
            {
                o.IsPrimary ? (IndicatorSum.AllKey, IndicatorSum.AllKey) : default,
                o.SiteGroup is { } g ? (g, IndicatorSum.AllKey) : default,
                o.IsPrimary && o.AreaCode is { } a ? (IndicatorSum.AllKey, a) : default,
                o.SiteGroup is { } g2 && o.AreaCode is { } a2 ? (g2, a2) : default,
            }.Where(k => k.Item1 is not null).Select(k => $"{o.Code}|{o.Month}|{o.HospitalId ?? Guid.Empty}|{k.Item1}|{k.Item2}|{o.Met}|{o.Measure}"))
            .GroupBy(k => k).Select(g => $"{g.Key}={g.Count()}").Order(StringComparer.Ordinal).ToList();
        var actual = (await db.IndicatorSums.AsNoTracking().Where(s => s.Count != 0).ToListAsync())
            .Select(s => $"{s.Code}|{s.Month}|{s.HospitalId}|{s.SiteKey}|{s.AreaKey}|{s.Met}|{(s.HasMeasure ? s.Measure : null)}={s.Count}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ChangingATargetDelay_ComputesEveryPatientAgain()
    {
        await SeedAsync(await factory.ClientAsAsync(Api.Oncologist), "C43.9", 12, 20);
        var within = await DelayAsync(factory, "skin");
        Assert.Equal(12, within.GetProperty("numerator").GetInt32());

        await using var app = factory.Sibling();
        app.Settings["Indicators:Targets:diagnosis-to-tumor-board"] = "15";

        var late = await DelayAsync(app, "skin");
        Assert.Equal(15, late.GetProperty("target").GetInt32());
        Assert.Equal(0, late.GetProperty("numerator").GetInt32());
        Assert.Equal(12, late.GetProperty("denominator").GetInt32());
        Assert.Equal(0, late.GetProperty("withinTarget").GetDouble());
    }
}

[Collection("sqlite")]
public sealed class RefreshIndicatorsSqliteTests(SqliteRelaisFactory factory) : RefreshIndicatorsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RefreshIndicatorsPostgresTests(PostgresRelaisFactory factory) : RefreshIndicatorsTests(factory), IClassFixture<PostgresRelaisFactory>
{
    /// <summary>
    /// At 300,000 patients a request queued behind a refresh of hundreds of patients answered in seconds: with the
    /// background refresh on, a request finding the refreshes' lock taken answers at once from the cases as they stand.
    /// </summary>
    [Fact]
    public async Task WithTheBackgroundRefreshOn_ARequestDoesNotWaitForARefreshUnderWay()
    {
        await factory.ClientAsAsync(Api.Quality);
        await using var app = factory.Sibling();
        app.Settings["Indicators:RefreshSeconds"] = "3600";
        app.Settings["Indicators:CatchUpPatients"] = "1000000";
        var quality = await app.ClientAsAsync(Api.Quality);
        var oncologist = await app.ClientAsAsync(Api.Oncologist);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        await using (var refreshUnderWay = await db.Database.BeginTransactionAsync())
        {
            // The lock taken before the patients are written: the app's own background pass cannot count them meanwhile.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({RefreshIndicators.LockKey})");
            await SeedAsync(oncologist, "C53.0", 12, 10);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var response = await quality.GetAsync("/api/indicators?from=2025-02-01&to=2025-02-28", patience.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("pendingPatients").GetInt32() >= 12);
        }

        // The lock given back, a dashboard with no background refresh computes the patients before it answers.
        await using var alone = factory.Sibling();
        alone.Settings["Indicators:RefreshSeconds"] = "0";
        alone.Settings["Indicators:CatchUpPatients"] = "1000000";
        Assert.Equal(12, (await DelayAsync(alone, "gynaecological")).GetProperty("denominator").GetInt32());
    }
}
