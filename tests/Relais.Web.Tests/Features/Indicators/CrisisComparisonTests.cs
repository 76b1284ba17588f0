using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Features.Continuity;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Indicators;

/// <summary>
/// Issue 15 point 2: the indicators compare deferred care before, during and after a crisis of a territory — in the API,
/// the CSV and the page — with the small cells masked as everywhere on the dashboard.
/// </summary>
public abstract class CrisisComparisonTests(RelaisFactory factory)
{
    /// <summary>Patients living in a commune of the territory, each with a chemotherapy cycle on 1 December deferred (medium priority) today.</summary>
    private static async Task<List<(Guid Patient, Guid Deferral)>> DeferredCyclesAsync(HttpClient oncologist, string postcode, string city, int count)
    {
        var deferred = new List<(Guid, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var patientId = await A.Patient().LivingIn(postcode, city).CreateAsync(oncologist);
            var episodeId = await An.Episode().Site("C18.7", "Côlon sigmoïde").DiagnosedOn(2026, 9, 1).CreateAsync(oncologist, patientId);
            var cycleId = await oncologist.PlanCycleAsync(patientId, episodeId, "2026-12-01T08:00:00Z");
            var deferral = await oncologist.DeferAsync(patientId, "appointment", cycleId, "medium", "Hôpital de jour fermé (crise)");
            deferred.Add((patientId, deferral.GetProperty("id").GetGuid()));
        }
        return deferred;
    }

    private static JsonElement Figure(JsonElement phase, string code) =>
        phase.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    [Fact]
    public async Task TheCareDeferredDuringACrisis_IsComparedWithTheDaysBefore_InTheApiTheCsvAndThePage()
    {
        var quality = await factory.ClientAsAsync(Api.Quality);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync("/api/crisis-modes", new { territory = "dieppe", active = true })).StatusCode);
        var deferred = await DeferredCyclesAsync(oncologist, "76200", "Dieppe", 12);
        // Each cycle gets its new date a week later, as a teleconsultation: within the six weeks of a medium priority.
        foreach (var (patient, deferral) in deferred)
        {
            var done = await oncologist.PostAsJsonAsync($"/api/patients/{patient}/deferrals/{deferral}/reschedule",
                new { at = "2026-12-08T08:00:00Z", teleconsultation = true, teleconsultationLink = "https://visio.example/cure", patientMeans = "video" });
            Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        }

        var answer = await quality.GetJsonAsync("/api/indicators?territory=dieppe");

        // The demo's own crisis of Dieppe, six weeks ago, is shown beside it.
        var crisis = Assert.Single(answer.GetProperty("crises").EnumerateArray(), c => c.GetProperty("startedOn").GetString() == "2026-11-23");
        Assert.Equal(("dieppe", "2026-11-23", JsonValueKind.Null), (crisis.GetProperty("territory").GetString(), crisis.GetProperty("startedOn").GetString(),
            crisis.GetProperty("endedOn").ValueKind));
        var phases = crisis.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(["before", "during"], phases.Select(p => p.GetProperty("phase").GetString()));
        Assert.Equal(("2026-11-22", "2026-11-22"), (phases[0].GetProperty("from").GetString(), phases[0].GetProperty("to").GetString()));
        var during = phases[1];
        Assert.Equal((0.0, 0, 12), Numbers(Figure(during, "deferral-high-priority")));
        Assert.Equal((100.0, 12, 12), Numbers(Figure(during, "deferral-rescheduled-in-time")));
        Assert.Equal(7.0, Figure(during, "deferral-postponement").GetProperty("value").GetDouble());
        Assert.Equal(["deferral-high-priority", "deferral-rescheduled-in-time", "deferral-postponement"],
            phases[0].GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        // The same cases on the dashboard's own cards, for the period.
        var card = answer.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "deferral-rescheduled-in-time");
        Assert.True(card.GetProperty("denominator").GetInt32() >= 12);

        var csv = System.Text.Encoding.UTF8.GetString(await quality.GetByteArrayAsync("/api/indicators.csv?territory=dieppe"));
        Assert.Contains("deferral-rescheduled-in-time;Soins reportés reprogrammés dans le délai de leur priorité;percent;crise;dieppe crise du 2026-11-23 : during (2026-11-23 au 2026-11-23);100;12;12", csv, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Quality)).GetStringAsync("/indicateurs?territory=dieppe"));
        Assert.Contains("Continuité des soins en période de crise", page, StringComparison.Ordinal);
        Assert.Contains("Soins reportés avant, pendant et après la crise", page, StringComparison.Ordinal);
        Assert.Contains("Pendant", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFewDeferredCycles_AreMasked_InTheComparison()
    {
        var quality = await factory.ClientAsAsync(Api.Quality);
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync("/api/crisis-modes", new { territory = "vernon", active = true })).StatusCode);
        await DeferredCyclesAsync(await factory.ClientAsAsync(Api.Oncologist), "27200", "Vernon", 3);

        var answer = await quality.GetJsonAsync("/api/indicators?territory=vernon");

        var during = Assert.Single(answer.GetProperty("crises").EnumerateArray(), c => c.GetProperty("startedOn").GetString() == "2026-11-23").GetProperty("phases")[1];
        var figure = Figure(during, "deferral-high-priority");
        Assert.True(figure.GetProperty("suppressed").GetBoolean());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (figure.GetProperty("value").ValueKind, figure.GetProperty("numerator").ValueKind, figure.GetProperty("denominator").ValueKind));
        var csv = System.Text.Encoding.UTF8.GetString(await quality.GetByteArrayAsync("/api/indicators.csv?territory=vernon"));
        Assert.Contains("deferral-high-priority;Soins reportés de priorité haute;percent;crise;vernon crise du 2026-11-23 : during (2026-11-23 au 2026-11-23);< 11;< 11;< 11", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";3;", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedCrisis_IsComparedWithTheDaysAfter_AsLongAsItLasted()
    {
        // The demo's crisis of Dieppe: 21 days, ended three weeks ago.
        var answer = await (await factory.ClientAsAsync(Api.Quality)).GetJsonAsync("/api/indicators?territory=dieppe&from=2026-09-01&to=2026-11-23");

        var crisis = Assert.Single(answer.GetProperty("crises").EnumerateArray(), c => c.GetProperty("endedOn").ValueKind != JsonValueKind.Null);
        var phases = crisis.GetProperty("phases").EnumerateArray().Select(p => (p.GetProperty("phase").GetString(),
            DateOnly.Parse(p.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(p.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["before", "during", "after"], phases.Select(p => p.Item1));
        var length = phases[1].Item3.DayNumber - phases[1].Item2.DayNumber;
        Assert.Equal(length, phases[0].Item3.DayNumber - phases[0].Item2.DayNumber);
        Assert.Equal(length, phases[2].Item3.DayNumber - phases[2].Item2.DayNumber);
        Assert.Equal(phases[1].Item2.AddDays(-1), phases[0].Item3);
        Assert.Equal(phases[1].Item3.AddDays(1), phases[2].Item2);
    }

    [Fact]
    public async Task ACrisisOfAnotherTerritory_IsNotShown_UnderATerritorysFilter()
    {
        var quality = await factory.ClientAsAsync(Api.Quality);
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync("/api/crisis-modes", new { territory = "le-havre", active = true })).StatusCode);

        var answer = await quality.GetJsonAsync("/api/indicators?territory=evreux");

        Assert.Empty(answer.GetProperty("crises").EnumerateArray());
        Assert.Contains((await quality.GetJsonAsync("/api/indicators")).GetProperty("crises").EnumerateArray(), c => c.GetProperty("territory").GetString() == "le-havre");
    }

    private static (double?, int?, int?) Numbers(JsonElement f) => (
        f.GetProperty("value").ValueKind == JsonValueKind.Null ? null : f.GetProperty("value").GetDouble(),
        f.GetProperty("numerator").ValueKind == JsonValueKind.Null ? null : f.GetProperty("numerator").GetInt32(),
        f.GetProperty("denominator").ValueKind == JsonValueKind.Null ? null : f.GetProperty("denominator").GetInt32());
}

[Collection("sqlite")]
public sealed class CrisisComparisonSqliteTests(SqliteRelaisFactory factory) : CrisisComparisonTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class CrisisComparisonPostgresTests(PostgresRelaisFactory factory) : CrisisComparisonTests(factory), IClassFixture<PostgresRelaisFactory>;
