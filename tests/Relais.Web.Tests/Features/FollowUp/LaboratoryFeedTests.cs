using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>The laboratory feed: a batch of results for several patients, all or nothing.</summary>
public abstract class LaboratoryFeedTests(RelaisFactory factory)
{
    [Fact]
    public async Task ALaboratoryFeed_RecordsABatchForSeveralPatients_WithTheirRules_AllOrNothing()
    {
        var (oncologist, anne, anneEpisode) = await factory.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{anne}/end-of-treatment", new { episodeId = anneEpisode, endOfTreatment = "2026-02-15", protocol = "breast" });
        var (_, other, otherEpisode) = await factory.PatientInTreatmentAsync();
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
    public async Task ACa153RiseThenItsConfirmingControl_FromTheFeed_IsOneAlert_EscalatedToAnEarlyReturn_WithOneC14()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        var gp = await factory.ClientAsAsync(Api.Gp);
        object Ca153(decimal value, string on) => new { patientId, code = "ca15-3", value, unit = "U/mL", effective = on, laboratory = "Laboratoire Bio-Normandie", upperLimit = 30m };

        // Lowest 19, then 36: a significant rise, a control asked in 1 to 2 months.
        var rise = await (await gp.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(19m, "2026-03-01"), Ca153(36m, "2026-08-01") } })).JsonAsync();
        var control = Assert.Single(rise.GetProperty("results")[1].GetProperty("alerts").EnumerateArray());
        Assert.Equal(("ca15-3-rise", "control-assay"), (control.GetProperty("rule").GetString(), control.GetProperty("action").GetString()));

        // The control 45 days later confirms it: the same alert becomes an early return, referred once.
        var confirmed = await (await gp.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(38m, "2026-09-15") } })).JsonAsync();
        var escalated = Assert.Single(confirmed.GetProperty("results")[0].GetProperty("alerts").EnumerateArray());
        Assert.Equal(control.GetProperty("id").GetGuid(), escalated.GetProperty("id").GetGuid());
        Assert.Equal(("ca15-3-rise-confirmed", "urgent", "early-return"),
            (escalated.GetProperty("rule").GetString(), escalated.GetProperty("severity").GetString(), escalated.GetProperty("action").GetString()));

        var alert = Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray());
        var referralId = alert.GetProperty("referralId").GetGuid();
        Assert.Contains((await oncologist.GetJsonAsync("/api/referrals")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId);
        var transmissions = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().ToList();
        Assert.Single(transmissions, t => t.GetProperty("obligation").GetString() == "c14");
        Assert.DoesNotContain(transmissions, t => t.GetProperty("obligation").GetString() == "c13");
    }
}

[Collection("sqlite")]
public sealed class LaboratoryFeedSqliteTests(SqliteRelaisFactory factory) : LaboratoryFeedTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class LaboratoryFeedPostgresTests(PostgresRelaisFactory factory) : LaboratoryFeedTests(factory), IClassFixture<PostgresRelaisFactory>;
