using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Continuity;

/// <summary>
/// Deferring care (issue 15 point 2, PRODUCT.md §10): an appointment or a carnet item is put off with its reason and
/// clinical priority, who decided and when; the patient and the GP are told what happens next; a second deferral of
/// the same item answers the first.
/// </summary>
public abstract class DeferCareTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnOncologist_DefersACycle_WithPriorityAndReason_AndThePatientAndTheGpAreTold()
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();

        var deferral = await oncologist.DeferAsync(patientId, "appointment", cycleId, "high", "Service saturé (crise)");

        Assert.Equal("high", deferral.GetProperty("priority").GetString());
        Assert.Equal(7, deferral.GetProperty("maxDelayDays").GetInt32());
        Assert.Equal("2026-12-01", deferral.GetProperty("originalDate").GetString());
        Assert.Equal("2026-11-30", deferral.GetProperty("deadline").GetString());
        Assert.Equal(await factory.UserIdAsync(Api.Oncologist), deferral.GetProperty("decidedBy").GetGuid());
        var cycle = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/appointments")).GetProperty("items").EnumerateArray());
        Assert.Equal("deferred", cycle.GetProperty("status").GetString());
        Assert.Equal("Service saturé (crise)", cycle.GetProperty("deferral").GetProperty("reason").GetString());

        // The patient has no portal account yet: the notice waits on the record; the GP sees his in the app.
        var notices = await factory.NoticesAsync(deferral.GetProperty("id").GetGuid());
        var gpId = await factory.UserIdAsync(Api.Gp);
        Assert.Equal(new[] { gpId, patientId }.Order(), notices.Select(n => n.Recipient).Order());
        Assert.Contains("nouvelle date au plus tard le 30/11/2026", notices.Single(n => n.Recipient == patientId).Title, StringComparison.Ordinal);
        var gp = await factory.ClientAsAsync(Api.Gp);
        var seen = (await gp.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "care-changed");
        Assert.Contains("Cure de chimiothérapie prévu(e) le 01/12/2026 reporté(e)", seen.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/patients/{patientId}/rendez-vous", seen.GetProperty("link").GetString());
    }

    [Fact]
    public async Task DeferringTheSameItemAgain_AnswersTheOpenDeferral_AndNotifiesNoOneTwice()
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var first = await oncologist.DeferAsync(patientId, "appointment", cycleId);

        var again = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals", new { item = new { kind = "appointment", id = cycleId }, reason = "Autre motif", priority = "low" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.JsonAsync();
        Assert.Equal(first.GetProperty("id").GetGuid(), body.GetProperty("id").GetGuid());
        Assert.Equal("medium", body.GetProperty("priority").GetString());
        Assert.Equal(2, (await factory.NoticesAsync(first.GetProperty("id").GetGuid())).Count);
    }

    [Fact]
    public async Task ACarnetItem_IsDeferredToo()
    {
        var (oncologist, patientId, episodeId) = await FollowUp.FollowUpPatients.PatientInTreatmentAsync(factory);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);
        var item = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray().First();

        var deferral = await oncologist.DeferAsync(patientId, "carnet-item", item.GetProperty("id").GetGuid(), "low", "Examen non urgent pendant la crise");

        Assert.Equal("carnet-item", deferral.GetProperty("itemKind").GetString());
        Assert.Equal(item.GetProperty("due").GetString(), deferral.GetProperty("originalDate").GetString());
        var listed = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/deferrals")).GetProperty("items").EnumerateArray());
        Assert.Equal(deferral.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("visit", "medium", "Saturation", "item.kind")]
    [InlineData("appointment", "urgent", "Saturation", "priority")]
    [InlineData("appointment", null, "Saturation", "priority")]
    [InlineData("appointment", "medium", " ", "reason")]
    public async Task ABadDeferral_IsRefused_NamingTheField_AndNothingIsWritten(string kind, string? priority, string reason, string field)
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals", new { item = new { kind, id = cycleId }, reason, priority });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Empty((await oncologist.GetJsonAsync($"/api/patients/{patientId}/deferrals")).GetProperty("items").EnumerateArray());
        Assert.Equal("planned", (await oncologist.GetJsonAsync($"/api/patients/{patientId}/appointments")).GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnotherPatientsItem_IsRefused_NamingItemId()
    {
        var (oncologist, patientId, _) = await factory.PatientWithACycleAsync();
        var (_, _, otherCycle) = await factory.PatientWithACycleAsync();

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals", new { item = new { kind = "appointment", id = otherCycle }, reason = "x", priority = "low" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("item.id", out _));
    }

    [Fact]
    public async Task AnOutsider_GetsNotFound_AndTheGp_MayNotDefer()
    {
        var (_, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var body = new { item = new { kind = "appointment", id = cycleId }, reason = "Saturation", priority = "medium" };

        var outsider = await (await factory.ClientAsAsync(Api.OtherGp)).PostAsJsonAsync($"/api/patients/{patientId}/deferrals", body);
        var gp = await (await factory.ClientAsAsync(Api.Gp)).PostAsJsonAsync($"/api/patients/{patientId}/deferrals", body);

        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, gp.StatusCode);
        Assert.Equal("defer-care", (await gp.JsonAsync()).GetProperty("capability").GetString());
    }
}

[Collection("sqlite")]
public sealed class DeferCareSqliteTests(SqliteRelaisFactory factory) : DeferCareTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DeferCarePostgresTests(PostgresRelaisFactory factory) : DeferCareTests(factory), IClassFixture<PostgresRelaisFactory>;
