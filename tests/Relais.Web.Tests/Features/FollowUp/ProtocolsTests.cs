using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>Protocols as data: the calendar preview, JSON export and import with errors naming the item, validation by both sides.</summary>
public abstract class ProtocolsTests(RelaisFactory factory)
{
    [Fact]
    public async Task Preview_FollowsTheBreastProtocolOfTheSpec()
    {
        var client = await factory.ClientAsAsync(Api.Gp);
        var response = await client.PostAsJsonAsync("/api/protocols/breast/preview", new { endOfTreatment = "2026-08-31", radiotherapy = true, horizonMonths = 12 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.JsonAsync();
        Assert.Equal("breast", preview.GetProperty("protocol").GetString());
        Assert.Equal(1, preview.GetProperty("version").GetInt32());
        var items = preview.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("due").GetString()} {i.GetProperty("month").GetInt32()} {i.GetProperty("kind").GetString()} {i.GetProperty("performer").GetString()}").ToList();
        Assert.Equal(
        [
            "2026-11-30 3 clinical-exam gp",
            "2026-11-30 3 clinical-exam specialist",
            "2027-02-28 6 ca15-3 lab",
            "2027-02-28 6 clinical-exam specialist",
            "2027-02-28 6 mammography imaging",
            "2027-08-31 12 ca15-3 lab",
            "2027-08-31 12 clinical-exam gp",
            "2027-08-31 12 gynecological-exam gp",
            "2027-08-31 12 radiotherapy-visit radiotherapist",
        ], items);
        var bad = await client.PostAsJsonAsync("/api/protocols/breast/preview", new { radiotherapy = false, horizonMonths = 12 });
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("endOfTreatment", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/protocols/lung/preview", new { endOfTreatment = "2026-08-31" })).StatusCode);
    }

    [Fact]
    public async Task ProtocolsAreData_ExportedAndImportedAsJson_WithErrorsNamingTheItem_AndValidatedByBothSides()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var json = await (await oncologist.GetAsync("/api/protocols/colorectal/export")).Content.ReadAsStringAsync();
        Assert.Contains("\"code\"", json);
        var broken = json.Replace("\"every\": 3", "\"every\": 0").Replace("\"every\":3", "\"every\":0");
        var refused = await oncologist.PostAsync("/api/protocols/import", new StringContent(broken, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("items[", StringComparison.Ordinal) && e.Name.Contains("every"));

        var imported = await oncologist.PostAsync("/api/protocols/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var version = (await imported.JsonAsync()).GetProperty("version").GetInt32();
        Assert.True(version >= 2);
        var summary = (await oncologist.GetJsonAsync("/api/protocols")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == "colorectal" && p.GetProperty("version").GetInt32() == version);
        Assert.Equal("to-validate", summary.GetProperty("status").GetString());

        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.OK, (await oncologist.PostAsJsonAsync($"/api/protocols/colorectal/versions/{version}/validate", new { role = "specialist" })).StatusCode);
        var wrongSide = await oncologist.PostAsJsonAsync($"/api/protocols/colorectal/versions/{version}/validate", new { role = "general-practitioner" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongSide.StatusCode);
        var validated = await (await gp.PostAsJsonAsync($"/api/protocols/colorectal/versions/{version}/validate", new { role = "general-practitioner" })).JsonAsync();
        Assert.Equal("validated", validated.GetProperty("status").GetString());

        // The export taken before that import is now older than the latest version: importing it would drop that version's changes.
        var stale = await oncologist.PostAsync("/api/protocols/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task AValidationOfAVersionChangedMeanwhile_IsRefused_412WithIfMatch()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var json = await (await oncologist.GetAsync("/api/protocols/prostate-prostatectomy/export")).Content.ReadAsStringAsync();
        var imported = await (await oncologist.PostAsync("/api/protocols/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).JsonAsync();
        var version = imported.GetProperty("version").GetInt32();
        var revision = imported.GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await oncologist.PostAsJsonAsync($"/api/protocols/prostate-prostatectomy/versions/{version}/validate", new { role = "specialist", revision })).StatusCode);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/protocols/prostate-prostatectomy/versions/{version}/validate") { Content = JsonContent.Create(new { role = "general-practitioner" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{revision}\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await gp.SendAsync(stale)).StatusCode);
        var summary = (await gp.GetJsonAsync("/api/protocols")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == "prostate-prostatectomy" && p.GetProperty("version").GetInt32() == version);
        Assert.Equal("to-validate", summary.GetProperty("status").GetString());
    }
}

[Collection("sqlite")]
public sealed class ProtocolsSqliteTests(SqliteRelaisFactory factory) : ProtocolsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ProtocolsPostgresTests(PostgresRelaisFactory factory) : ProtocolsTests(factory), IClassFixture<PostgresRelaisFactory>;
