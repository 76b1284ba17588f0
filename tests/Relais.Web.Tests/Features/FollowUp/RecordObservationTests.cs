using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>A marker result and the early-return rules it runs.</summary>
public abstract class RecordObservationTests(RelaisFactory factory)
{
    [Fact]
    public async Task ARisingCa153_RaisesAnExplainedAlert_ThenAnAcceleratingRise_RefersThePatientBack()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync("2610676888002");
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast", radiotherapy = false });
        var gp = await factory.ClientAsAsync(Api.Gp);
        async Task<JsonElement> Result(decimal value, string on, string lab = "Laboratoire Bio-Normandie") =>
            await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/observations", new { code = "ca15-3", value, unit = "U/mL", effective = on, laboratory = lab })).JsonAsync();

        Assert.Equal(0, (await Result(20m, "2026-03-01")).GetProperty("alerts").GetArrayLength());
        Assert.Equal(0, (await Result(24m, "2026-06-01")).GetProperty("alerts").GetArrayLength());
        var rise = await Result(31m, "2026-09-01");
        var alert = Assert.Single(rise.GetProperty("alerts").EnumerateArray());
        Assert.Equal("ca15-3-rise", alert.GetProperty("rule").GetString());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal("control-assay", alert.GetProperty("action").GetString());
        Assert.Contains("31", alert.GetProperty("explanation").GetString());
        Assert.Contains("30", alert.GetProperty("explanation").GetString());

        var other = await Result(45m, "2026-10-01", "Laboratoire Pasteur Le Havre");
        Assert.Contains(other.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("rule").GetString() == "laboratory-change");

        var accelerating = await Result(70m, "2026-11-01");
        Assert.Contains(accelerating.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("severity").GetString() == "urgent");

        var alerts = await gp.GetJsonAsync($"/api/patients/{patientId}/alerts");
        foreach (var item in alerts.GetProperty("items").EnumerateArray())
            foreach (var field in new[] { "rule", "severity", "action", "due", "explanation" })
                Assert.True(item.TryGetProperty(field, out _), field);
        var series = await gp.GetJsonAsync($"/api/patients/{patientId}/observations?code=ca15-3");
        Assert.Equal(5, series.GetArrayLength());
        var bad = await gp.PostAsJsonAsync($"/api/patients/{patientId}/observations", new { code = "ca15-3", value = 10, unit = "ng/mL", effective = "2026-11-02", laboratory = "X" });
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("unit", out _));
    }
}

[Collection("sqlite")]
public sealed class RecordObservationSqliteTests(SqliteRelaisFactory factory) : RecordObservationTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordObservationPostgresTests(PostgresRelaisFactory factory) : RecordObservationTests(factory), IClassFixture<PostgresRelaisFactory>;
