using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Continuity;

/// <summary>
/// The crisis mode of a territory (issue 15 point 2, [C] a crisis referent in each 3C): switched by the quality
/// coordinator alone, audited; while on, the teams of that territory see a banner on every page and the
/// re-scheduling line first on their home page.
/// </summary>
public abstract class SwitchCrisisModeTests(RelaisFactory factory)
{
    private static string Actions(System.Text.Json.JsonElement home) => string.Join(",", home.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));

    [Fact]
    public async Task The3C_SwitchesRouenIntoCrisis_TheDemoHospitalsTeamSeesTheBannerAndReschedulingFirst_ThenItIsLifted()
    {
        var since = factory.Time.GetUtcNow();
        var quality = await factory.ClientAsAsync(Api.Quality);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        Assert.DoesNotContain("Mode crise activé", await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync("/patients"), StringComparison.Ordinal);
        Assert.NotEqual("rescheduling", (await oncologist.GetJsonAsync("/api/me/home")).GetProperty("actions")[0].GetProperty("kind").GetString());
        Assert.Contains("rescheduling", Actions(await oncologist.GetJsonAsync("/api/me/home")), StringComparison.Ordinal);

        var on = await quality.PostAsJsonAsync("/api/crisis-modes", new { territory = "rouen", active = true });

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True((await on.JsonAsync()).GetProperty("active").GetBoolean());
        var page = System.Net.WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync("/patients"));
        Assert.Contains("Mode crise activé sur le territoire Rouen", page, StringComparison.Ordinal);
        Assert.Equal("rescheduling", (await oncologist.GetJsonAsync("/api/me/home")).GetProperty("actions")[0].GetProperty("kind").GetString());
        var territories = (await oncologist.GetJsonAsync("/api/crisis-modes")).GetProperty("territories").EnumerateArray().ToList();
        Assert.True(territories.Single(t => t.GetProperty("code").GetString() == "rouen").GetProperty("active").GetBoolean());
        Assert.False(territories.Single(t => t.GetProperty("code").GetString() == "le-havre").GetProperty("active").GetBoolean());

        // Switching on again changes nothing; off lifts it.
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync("/api/crisis-modes", new { territory = "rouen", active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync("/api/crisis-modes", new { territory = "rouen", active = false })).StatusCode);
        Assert.DoesNotContain("Mode crise activé", await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync("/patients"), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.Equal(1, await db.CrisisPeriods.CountAsync(c => c.AreaCode == "rouen" && c.StartedAt >= since));
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.At >= since && (a.Resource == "crisis-mode-on" || a.Resource == "crisis-mode-off")).Select(a => a.Resource).ToListAsync();
        Assert.Equal(["crisis-mode-off", "crisis-mode-on"], audited.Order());
    }

    [Theory]
    [InlineData("atlantide", true, "territory")]
    [InlineData("rouen", null, "active")]
    public async Task ABadSwitch_IsRefused_NamingTheField(string territory, bool? active, string field)
    {
        var response = await (await factory.ClientAsAsync(Api.Quality)).PostAsJsonAsync("/api/crisis-modes", new { territory, active });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AnOncologist_MayNotSwitchTheCrisisMode()
    {
        var response = await (await factory.ClientAsAsync(Api.Oncologist)).PostAsJsonAsync("/api/crisis-modes", new { territory = "rouen", active = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class SwitchCrisisModeSqliteTests(SqliteRelaisFactory factory) : SwitchCrisisModeTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SwitchCrisisModePostgresTests(PostgresRelaisFactory factory) : SwitchCrisisModeTests(factory), IClassFixture<PostgresRelaisFactory>;
