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
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
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

    [Fact]
    public async Task APsaEnteredLate_TakesItsPlaceByDate_AndConfirmsTheRise_OneAlertOneC14()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync("C61");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-03-01", protocol = "prostate-prostatectomy" })).StatusCode);
        var gp = await factory.ClientAsAsync(Api.Gp);
        async Task<JsonElement> Result(decimal value, string on) =>
            await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/observations", new { code = "psa", value, unit = "ng/mL", effective = on, laboratory = "Laboratoire Bio-Normandie" })).JsonAsync();

        // Day −20 is entered first (a control is asked), then day −90: the series in date order is a confirmed rise.
        var first = Assert.Single((await Result(0.25m, "2026-11-03")).GetProperty("alerts").EnumerateArray());
        Assert.Equal("control-assay", first.GetProperty("action").GetString());
        var late = Assert.Single((await Result(0.21m, "2026-08-25")).GetProperty("alerts").EnumerateArray());
        Assert.Equal(first.GetProperty("id").GetGuid(), late.GetProperty("id").GetGuid());
        Assert.Equal(("psa-after-prostatectomy-confirmed", "early-return"), (late.GetProperty("rule").GetString(), late.GetProperty("action").GetString()));

        var alert = Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray());
        Assert.Equal("open", alert.GetProperty("status").GetString());
        Assert.Equal("psa", alert.GetProperty("marker").GetString());
        Assert.Single(await TransmissionsAsync(oncologist, patientId, "c14"));

        // A later control under the threshold: the alert no longer holds and is closed with the reason.
        var closed = Assert.Single((await Result(0.1m, "2026-11-20")).GetProperty("alerts").EnumerateArray());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Contains("0,1 ng/mL le 20/11/2026", closed.GetProperty("closedReason").GetString());
    }

    [Fact]
    public async Task FourRisingCeaResults_OneAlert_OneUrgentC14_TheOwnersToldAgainOfEachUpdate()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync("C18.7");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "colorectal" })).StatusCode);
        var gp = await factory.ClientAsAsync(Api.Gp);
        foreach (var (value, on) in new[] { (6m, "2026-05-15"), (7m, "2026-07-15"), (8m, "2026-09-15"), (9m, "2026-11-15") })
            Assert.Equal(HttpStatusCode.Created, (await gp.PostAsJsonAsync($"/api/patients/{patientId}/observations",
                new { code = "cea", value, unit = "ng/mL", effective = on, laboratory = "Laboratoire Bio-Normandie" })).StatusCode);

        var alert = Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray());
        Assert.Equal(("cea-confirmed", "urgent", "early-return"), (alert.GetProperty("rule").GetString(), alert.GetProperty("severity").GetString(), alert.GetProperty("action").GetString()));
        Assert.Contains("9 ng/mL le 15/11/2026", alert.GetProperty("explanation").GetString());
        Assert.Equal(2, alert.GetProperty("renotifications").GetInt32());
        var c14 = Assert.Single(await TransmissionsAsync(oncologist, patientId, "c14"));
        // Its owner (here the team's, the oncologist) is told of both updates in the app too, whatever becomes of the e-mails.
        foreach (var owner in new[] { oncologist })
        {
            var updates = (await owner.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("kind").GetString() == "alert-updated" && r.GetProperty("patientId").GetGuid() == patientId).ToList();
            Assert.Equal(2, updates.Count);
            Assert.All(updates, r => Assert.Equal($"/patients/{patientId}/transmissions/{c14.GetProperty("id").GetGuid()}", r.GetProperty("link").GetString()));
        }
        Assert.True(c14.GetProperty("urgent").GetBoolean());
        Assert.Empty(await TransmissionsAsync(oncologist, patientId, "c13"));
    }

    private static async Task<List<JsonElement>> TransmissionsAsync(HttpClient client, Guid patientId, string obligation) =>
        [.. (await client.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Where(t => t.GetProperty("obligation").GetString() == obligation)];
}

[Collection("sqlite")]
public sealed class RecordObservationSqliteTests(SqliteRelaisFactory factory) : RecordObservationTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordObservationPostgresTests(PostgresRelaisFactory factory) : RecordObservationTests(factory), IClassFixture<PostgresRelaisFactory>;
