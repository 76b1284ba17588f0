using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Indicators;

/// <summary>Issue 15 point 1: the 3C/DSRC indicators, for the quality coordinator only, with small cells masked.</summary>
public abstract class IndicatorsTests(RelaisFactory factory)
{
    /// <summary>
    /// Patients of one cancer site diagnosed on the same day, each told at day 5 and discussed at the tumor board on the
    /// day given: a site no demo patient has, so that the filter counts these alone.
    /// </summary>
    private async Task SeedAsync(string site, params int[] tumorBoardDays)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var diagnosis = new DateOnly(2026, 5, 4);
        foreach (var day in tumorBoardDays)
        {
            var patientId = await A.Patient().Born(1970, 2, 3).CreateAsync(oncologist);
            var episodeId = await An.Episode().Site(site, "Localisation d'essai").DiagnosedOn(2026, 5, 4).CreateAsync(oncologist, patientId);
            foreach (var (to, on) in new[] { ("announcement", diagnosis.AddDays(5)), ("tumor-board", diagnosis.AddDays(day)) })
            {
                var step = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions",
                    new { to, occurredOn = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                Assert.Equal(HttpStatusCode.Created, step.StatusCode);
            }
        }
    }

    private static JsonElement Indicator(JsonElement answer, string code) =>
        answer.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Theory]
    [InlineData(Api.Oncologist)]
    [InlineData(Api.Gp)]
    [InlineData(Api.Nurse)]
    [InlineData(Api.PatientAccount)]
    [InlineData(Api.Admin)]
    public async Task OnlyTheQualityCoordinator_ReadsTheIndicators(string account)
    {
        var client = await factory.ClientAsAsync(account);
        foreach (var url in new[] { "/api/indicators", "/api/indicators.csv", "/api/indicators?format=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("read-aggregates", (await response.JsonAsync()).GetProperty("capability").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsAsync(Api.Quality)).GetAsync("/api/indicators")).StatusCode);
    }

    [Fact]
    public async Task TheDelaysAndShares_OfASite_CountItsEpisodes()
    {
        // Six discussed at day 10, six at day 20: a median of 15 days, all within the 30-day target.
        await SeedAsync("C40.2", 10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20);
        var quality = await factory.ClientAsAsync(Api.Quality);

        var answer = await quality.GetJsonAsync("/api/indicators?from=2026-05-01&to=2026-06-30&site=sarcoma");

        var delay = Indicator(answer, "diagnosis-to-tumor-board");
        Assert.False(delay.GetProperty("suppressed").GetBoolean());
        Assert.Equal(15, delay.GetProperty("value").GetDouble());
        Assert.Equal(20, delay.GetProperty("p75").GetDouble());
        Assert.Equal(12, delay.GetProperty("numerator").GetInt32());
        Assert.Equal(12, delay.GetProperty("denominator").GetInt32());
        Assert.Equal(100, delay.GetProperty("withinTarget").GetDouble());
        Assert.Equal(30, delay.GetProperty("target").GetInt32());
        Assert.Equal("/indicateurs#definition-diagnosis-to-tumor-board", delay.GetProperty("definition").GetProperty("href").GetString());
        var may = delay.GetProperty("byMonth").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "2026-05");
        Assert.Equal(12, may.GetProperty("denominator").GetInt32());
        Assert.Equal(0, delay.GetProperty("byMonth").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "2026-06").GetProperty("denominator").GetInt32());
        var announced = Indicator(answer, "announcement-done");
        Assert.Equal(100, announced.GetProperty("value").GetDouble());
        Assert.Equal(12, announced.GetProperty("denominator").GetInt32());
        // Nobody of the site has started a treatment: that share counts nobody, and zero is published.
        var treatment = Indicator(answer, "tumor-board-before-treatment");
        Assert.Equal(0, treatment.GetProperty("denominator").GetInt32());
        Assert.False(treatment.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, treatment.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task AFilterLeavingThreePatients_ShowsLessThan11_InTheApiTheCsvAndThePage()
    {
        await SeedAsync("C71.1", 8, 12, 30);
        var quality = await factory.ClientAsAsync(Api.Quality);
        const string filter = "from=2026-05-01&to=2026-06-30&site=central-nervous-system";

        var answer = await quality.GetJsonAsync($"/api/indicators?{filter}");
        Assert.Equal("< 11", answer.GetProperty("masked").GetString());
        foreach (var code in new[] { "diagnosis-to-tumor-board", "announcement-done", "supportive-care-oriented" })
        {
            var masked = Indicator(answer, code);
            Assert.True(masked.GetProperty("suppressed").GetBoolean(), code);
            foreach (var field in new[] { "value", "numerator", "denominator", "p75", "p90", "withinTarget" })
                Assert.Equal(JsonValueKind.Null, masked.GetProperty(field).ValueKind);
            Assert.All(masked.GetProperty("byHospital").EnumerateArray().Concat(masked.GetProperty("byMonth").EnumerateArray()),
                c => Assert.True(c.GetProperty("suppressed").GetBoolean() || c.GetProperty("denominator").GetInt32() == 0));
        }

        var csv = await quality.GetStringAsync($"/api/indicators.csv?{filter}");
        var line = csv.Split('\n').Single(l => l.StartsWith("diagnosis-to-tumor-board;", StringComparison.Ordinal) && l.Contains(";total;total;", StringComparison.Ordinal));
        Assert.Contains(";< 11;< 11;< 11;", line);
        Assert.DoesNotContain(";3;", csv);
        Assert.Equal(csv, await quality.GetStringAsync($"/api/indicators?{filter}&format=csv"));

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Quality)).GetStringAsync($"/indicateurs?{filter}"));
        Assert.Contains("< 11", page);
    }

    [Fact]
    public async Task NoBreakdown_LeavesOneMaskedCell_ThatTheOthersWouldGiveBack()
    {
        await SeedAsync("C73", 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 40, 45);
        var quality = await factory.ClientAsAsync(Api.Quality);

        foreach (var url in new[] { "/api/indicators?from=2025-01-01&to=2026-11-23", "/api/indicators?from=2026-01-01&to=2026-11-23&site=endocrine" })
        {
            foreach (var indicator in (await quality.GetJsonAsync(url)).GetProperty("indicators").EnumerateArray())
            {
                var total = indicator.GetProperty("suppressed").GetBoolean() ? 1 : 0;
                foreach (var breakdown in new[] { "byHospital", "byMonth" })
                {
                    var cells = indicator.GetProperty(breakdown).EnumerateArray().ToList();
                    Assert.NotEqual(1, total + cells.Count(c => c.GetProperty("suppressed").GetBoolean()));
                    Assert.All(cells.Where(c => c.GetProperty("suppressed").GetBoolean()), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("denominator").ValueKind));
                }
            }
        }
    }

    [Fact]
    public async Task NoAnswer_HoldsANameAnInsOrABirthDate()
    {
        await SeedAsync("C43.9", 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var patients = await db.Patients.AsNoTracking().Select(p => new { p.BirthName, p.UsedName, p.FirstNames, p.Ins, p.BirthDate }).ToListAsync();
        var quality = await factory.ClientAsAsync(Api.Quality);
        var cookie = await factory.CookieClientAsync(Api.Quality);
        const string filter = "from=2025-01-01&to=2026-11-23";
        var answers = new[]
        {
            await quality.GetStringAsync($"/api/indicators?{filter}"),
            await quality.GetStringAsync($"/api/indicators.csv?{filter}"),
            await quality.GetStringAsync($"/api/indicators?{filter}&site=skin"),
            MainContent(await cookie.GetStringAsync($"/indicateurs?{filter}")),
            MainContent(await cookie.GetStringAsync($"/indicateurs?{filter}&site=skin")),
        };
        Assert.Contains("diagnosis-to-tumor-board", answers[0]);
        foreach (var text in answers)
        {
            foreach (var p in patients)
            {
                foreach (var name in new[] { p.BirthName, p.UsedName, p.FirstNames }.OfType<string>().Where(n => n.Length >= 3))
                    Assert.DoesNotContain($"{name}", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(p.Ins, text);
                Assert.DoesNotContain(p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text);
                Assert.DoesNotContain(p.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), text);
            }
        }
    }

    /// <summary>The page's own content: the layout around it names the signed-in coordinator, whom a patient may share a name with.</summary>
    private static string MainContent(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</main>", start, StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData("site=lung", "site")]
    [InlineData("territory=nowhere", "territory")]
    [InlineData("hospital=00000000-0000-0000-0000-000000000001", "hospital")]
    [InlineData("from=2026-06-01&to=2026-05-01", "from")]
    [InlineData("from=2015-01-01&to=2026-05-01", "from")]
    public async Task AWrongFilter_IsRefused_NamingIt(string query, string field)
    {
        var response = await (await factory.ClientAsAsync(Api.Quality)).GetAsync($"/api/indicators?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}

[Collection("sqlite")]
public sealed class IndicatorsSqliteTests(SqliteRelaisFactory factory) : IndicatorsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class IndicatorsPostgresTests(PostgresRelaisFactory factory) : IndicatorsTests(factory), IClassFixture<PostgresRelaisFactory>;
