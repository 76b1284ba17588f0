using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Indicators;
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
    private static async Task SeedAsync(HttpClient oncologist, string site, int count, int tumorBoardDay)
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

    private static async Task<JsonElement> DelayAsync(RelaisFactory app, string site)
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
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RefreshIndicators>().HandleAsync(int.MaxValue, CancellationToken.None));

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
public sealed class RefreshIndicatorsPostgresTests(PostgresRelaisFactory factory) : RefreshIndicatorsTests(factory), IClassFixture<PostgresRelaisFactory>;
