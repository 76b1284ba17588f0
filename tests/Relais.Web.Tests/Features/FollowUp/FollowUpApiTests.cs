using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>Shared follow-up through the API: preview, end of treatment (PPAC C11, C12), carnet, markers and early return (C14), iCalendar.</summary>
public abstract class FollowUpApiTests(RelaisFactory factory)
{
    private async Task<(HttpClient Oncologist, Guid PatientId, Guid EpisodeId)> PatientInTreatmentAsync(string nir13, string site = "C50.4")
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new
        {
            ins = Api.Ins(nir13), birthName = "Suivi", firstNames = "Anne", birthDate = "1961-06-01", sex = "female", generalPractitionerId = gpId,
        })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new
        {
            primarySite = site, histology = "8500/3", diagnosisDate = "2026-01-05", initialPhase = "diagnosis-confirmed", openedOn = "2026-01-05",
        })).JsonAsync();
        var episodeId = episode.GetProperty("id").GetGuid();
        foreach (var (to, on) in new[] { ("announcement", "2026-01-12"), ("tumor-board", "2026-01-20"), ("care-programme", "2026-01-27"), ("active-treatment", "2026-02-09") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        return (oncologist, id, episodeId);
    }

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
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("items[") && e.Name.Contains("every"));

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
    }

    [Fact]
    public async Task EndingTreatment_OpensSharedFollowUp_WithTheCarnet_ThePpacToGpAndPatient_AndTheProtocol()
    {
        var (oncologist, patientId, episodeId) = await PatientInTreatmentAsync("2610676888001");
        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-10-15", protocol = "breast", radiotherapy = true, gpAgreed = true,
            lateComplications = "Lymphœdème du membre supérieur, fibrose cutanée.",
        });
        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        var result = await ended.JsonAsync();
        Assert.True(result.GetProperty("items").GetInt32() > 20);

        var timeline = await oncologist.GetJsonAsync($"/api/patients/{patientId}/timeline");
        Assert.Equal("shared-follow-up", timeline[0].GetProperty("phase").GetString());
        var transmissions = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().ToList();
        var c11 = transmissions.Single(t => t.GetProperty("obligation").GetString() == "c11");
        Assert.Equal(["general-practitioner"], c11.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("kind").GetString()!).Distinct().ToArray());
        var c12 = transmissions.Single(t => t.GetProperty("obligation").GetString() == "c12");
        Assert.Contains("Lymphœdème", c12.GetProperty("message").GetString());

        var pdf = await (await oncologist.GetAsync($"/api/patients/{patientId}/documents/{result.GetProperty("ppacDocumentId").GetGuid()}/content")).Content.ReadAsByteArrayAsync();
        var text = await Pdf.TextAsync(pdf);
        Assert.Contains("après-cancer", text);
        Assert.Contains("Votre calendrier de suivi", text);
        Assert.Contains("15/01/2027", text); // month 3 after 15 October 2026

        var carnet = await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet");
        Assert.Equal("breast", carnet.GetProperty("protocol").GetString());
        var first = carnet.GetProperty("items")[0];
        Assert.Equal("2027-01-15", first.GetProperty("due").GetString());
        var again = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-10-15", protocol = "breast" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task ARisingCa153_RaisesAnExplainedAlert_ThenAnAcceleratingRise_RefersThePatientBack()
    {
        var (oncologist, patientId, episodeId) = await PatientInTreatmentAsync("2610676888002");
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
    public async Task ALaboratoryFeed_RecordsABatchForSeveralPatients_WithTheirRules_AllOrNothing()
    {
        var (oncologist, anne, anneEpisode) = await PatientInTreatmentAsync("2610676888006");
        await oncologist.PostAsJsonAsync($"/api/patients/{anne}/end-of-treatment", new { episodeId = anneEpisode, endOfTreatment = "2026-02-15", protocol = "breast" });
        var (_, other, otherEpisode) = await PatientInTreatmentAsync("2610676888007");
        await oncologist.PostAsJsonAsync($"/api/patients/{other}/end-of-treatment", new { episodeId = otherEpisode, endOfTreatment = "2026-02-15", protocol = "breast" });
        var gp = await factory.ClientAsAsync(Api.Gp);
        const string lab = "Laboratoire Bio-Normandie";
        object Ca153(Guid patientId, decimal value, string on, string unit = "U/mL") => new { patientId, code = "ca15-3", value, unit, effective = on, laboratory = lab };
        async Task<int> SeriesAsync(Guid patientId) => (await gp.GetJsonAsync($"/api/patients/{patientId}/observations?code=ca15-3")).GetArrayLength();

        // A fault anywhere names its result, and nothing of the batch is written.
        var faulty = await gp.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(anne, 20m, "2026-03-01"), Ca153(other, 18m, "2026-03-01", unit: "ng/mL") } });
        Assert.Equal(HttpStatusCode.BadRequest, faulty.StatusCode);
        Assert.True((await faulty.JsonAsync()).GetProperty("errors").TryGetProperty("results[1].unit", out _));
        var empty = await gp.PostAsJsonAsync("/api/observations/batch", new { results = Array.Empty<object>() });
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("results", out _));
        var tooMany = await gp.PostAsJsonAsync("/api/observations/batch", new { results = Enumerable.Range(0, 1001).Select(_ => Ca153(anne, 20m, "2026-03-01")).ToArray() });
        Assert.True((await tooMany.JsonAsync()).GetProperty("errors").TryGetProperty("results", out _));
        Assert.Equal(0, await SeriesAsync(anne));

        // Three results of one patient in one batch: the third is read against the two before it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/observations/batch")
        {
            Content = JsonContent.Create(new { results = new[] { Ca153(anne, 20m, "2026-03-01"), Ca153(other, 18m, "2026-03-01"), Ca153(anne, 24m, "2026-06-01"), Ca153(anne, 31m, "2026-09-01") } }),
        };
        request.Headers.Add("Idempotency-Key", "lab-feed-2026-11-23-0001");
        var response = await gp.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = await response.JsonAsync();
        Assert.Equal(4, batch.GetProperty("recorded").GetInt32());
        Assert.Equal(1, batch.GetProperty("alerts").GetInt32());
        var results = batch.GetProperty("results");
        Assert.Equal(other, results[1].GetProperty("patientId").GetGuid());
        Assert.Equal(0, results[2].GetProperty("alerts").GetArrayLength());
        var rise = Assert.Single(results[3].GetProperty("alerts").EnumerateArray());
        Assert.Equal("ca15-3-rise", rise.GetProperty("rule").GetString());
        Assert.Equal("control-assay", rise.GetProperty("action").GetString());

        // The same feed delivered twice is recorded once.
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/observations/batch")
        {
            Content = JsonContent.Create(new { results = new[] { Ca153(anne, 20m, "2026-03-01"), Ca153(other, 18m, "2026-03-01"), Ca153(anne, 24m, "2026-06-01"), Ca153(anne, 31m, "2026-09-01") } }),
        };
        again.Headers.Add("Idempotency-Key", "lab-feed-2026-11-23-0001");
        Assert.Equal("true", (await gp.SendAsync(again)).Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(3, await SeriesAsync(anne));
        Assert.Equal(1, await SeriesAsync(other));

        // A GP outside the care team of one patient gets the answer for a patient that does not exist, naming the result; nothing is written.
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var refused = await outsider.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(other, 19m, "2026-06-01") } });
        var missing = await outsider.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(Guid.NewGuid(), 19m, "2026-06-01") } });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var refusal = await refused.JsonAsync();
        Assert.Equal("results[0].patientId", refusal.GetProperty("field").GetString());
        Assert.Equal(refusal.GetProperty("title").GetString(), (await missing.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(1, await SeriesAsync(other));
    }

    [Fact]
    public async Task ClinicalWarningSigns_FromTheGp_ReferThePatientBack_C14_WithATaskForTheTeam()
    {
        var (oncologist, patientId, episodeId) = await PatientInTreatmentAsync("2610676888003");
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-05-15", protocol = "breast" });
        var gp = await factory.ClientAsAsync(Api.Gp);
        var response = await gp.PostAsJsonAsync($"/api/patients/{patientId}/clinical-criteria", new { criteria = new[] { "clinical-or-radiological-change" }, note = "Rétraction cutanée du sein traité" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = await response.JsonAsync();
        Assert.Equal("early-return", alert.GetProperty("action").GetString());
        var referralId = alert.GetProperty("referralId").GetGuid();
        var referrals = await oncologist.GetJsonAsync("/api/referrals");
        Assert.Contains(referrals.EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId);
        var c14 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c14");
        Assert.True(c14.GetProperty("urgent").GetBoolean());
    }

    [Fact]

    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheCarnetFeed_IsAValidICalendar_WithTheRightDates_AndCanBeRevoked()
    {
        var (oncologist, patientId, episodeId) = await PatientInTreatmentAsync("2610676888004");
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-08-31", protocol = "breast", horizonMonths = 12 });
        var feed = await (await oncologist.PostAsync($"/api/patients/{patientId}/calendar-feeds", null)).JsonAsync();
        var url = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var starts = calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)).Order().ToList();
        Assert.Equal(new DateOnly(2026, 11, 30), starts[0]);
        Assert.Contains(new DateOnly(2027, 2, 28), starts);
        Assert.All(calendar.Events, e => Assert.False(e.DtStart!.HasTime));

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.DeleteAsync($"/api/patients/{patientId}/calendar-feeds/{feed.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var gpFeed = await (await gp.PostAsync("/api/me/calendar-feeds", null)).JsonAsync();
        var gpCalendar = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(new Uri(gpFeed.GetProperty("url").GetString()!).PathAndQuery))!;
        Assert.Contains(gpCalendar.Events, e => e.Summary!.Contains("A. S. (1961)"));
        Assert.DoesNotContain(gpCalendar.Events, e => e.Summary!.Contains("SUIVI"));
    }

    [Fact]
    public async Task TheGpWorklist_ShowsOverdueAndUpcomingItems()
    {
        var (oncologist, patientId, episodeId) = await PatientInTreatmentAsync("2610676888005");
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-06-01", protocol = "breast" });
        var gp = await factory.ClientAsAsync(Api.Gp);
        var worklist = await gp.GetJsonAsync("/api/follow-up/worklist?days=30");
        // Month 3 (1 September) is more than 30 days past: overdue; month 6 (1 December) is coming.
        Assert.Contains(worklist.GetProperty("overdue").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId && i.GetProperty("due").GetString() == "2026-09-01");
        Assert.Contains(worklist.GetProperty("upcoming").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId && i.GetProperty("due").GetString() == "2026-12-01");
        var carnet = await gp.GetJsonAsync($"/api/patients/{patientId}/carnet");
        var overdue = carnet.GetProperty("items").EnumerateArray().First(i => i.GetProperty("status").GetString() == "overdue");
        var done = await gp.PostAsJsonAsync($"/api/patients/{patientId}/carnet/{overdue.GetProperty("id").GetGuid()}/done", new { on = "2026-11-20", result = "Examen normal" });
        Assert.Equal("done", (await done.JsonAsync()).GetProperty("status").GetString());
    }
}

[Collection("sqlite")]
public sealed class FollowUpApiSqliteTests(SqliteRelaisFactory factory) : FollowUpApiTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class FollowUpApiPostgresTests(PostgresRelaisFactory factory) : FollowUpApiTests(factory), IClassFixture<PostgresRelaisFactory>;
