using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Continuity;

/// <summary>
/// Re-scheduling deferred care (issue 15 point 2): the new date ends the deferral; as a teleconsultation at another
/// hospital it is a transfer, whose team joins the care team for that step through a dated membership; the patient
/// and the GP are told the new date and how it takes place.
/// </summary>
public abstract class RescheduleCareTests(RelaisFactory factory)
{
    [Fact]
    public async Task ACycle_RescheduledAsATeleconsultationInAnotherHospital_IsATransfer_WhoseOncologistJoinsTheTeamForThatStep()
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var (hospitalId, havreOncologist) = await factory.OtherHospitalAsync();
        var deferral = await oncologist.DeferAsync(patientId, "appointment", cycleId, "high");
        var deferralId = deferral.GetProperty("id").GetGuid();

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals/{deferralId}/reschedule", new
        {
            at = "2026-11-27T13:30:00Z", hospitalId, teleconsultation = true, teleconsultationLink = "https://visio.example/cure-42", patientMeans = "video",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("transfer").GetBoolean());
        Assert.Equal(havreOncologist, Assert.Single(body.GetProperty("joinedCareTeam").EnumerateArray()).GetGuid());
        Assert.Equal("2026-11-27", body.GetProperty("newDate").GetString());
        var cycle = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/appointments")).GetProperty("items").EnumerateArray());
        Assert.Equal(("planned", true, "video", hospitalId), (cycle.GetProperty("status").GetString(), cycle.GetProperty("teleconsultation").GetBoolean(),
            cycle.GetProperty("patientMeans").GetString(), cycle.GetProperty("hospitalId").GetGuid()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cycle.GetProperty("deferral").ValueKind);
        Assert.DoesNotContain((await oncologist.GetJsonAsync("/api/worklists/rescheduling")).GetProperty("items").EnumerateArray(), i => i.GetProperty("deferralId").GetGuid() == deferralId);

        // The receiving oncologist is in the care team until 30 days after the step, through the one access rule.
        var member = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/care-team")).EnumerateArray().Single(m => m.GetProperty("professional").GetProperty("id").GetGuid() == havreOncologist);
        Assert.Equal("2026-12-27", member.GetProperty("to").GetString());

        var notices = await factory.NoticesAsync(deferralId);
        var toPatient = notices.Single(n => n.Recipient == patientId && n.Occurrence == 1).Title;
        Assert.Contains("Nouvelle date : Cure de chimiothérapie le 27/11/2026 à 14:30, en téléconsultation (vidéo), Centre hospitalier du Havre", toPatient, StringComparison.Ordinal);
        Assert.Contains("https://visio.example/cure-42", toPatient, StringComparison.Ordinal);
        var gpId = await factory.UserIdAsync(Api.Gp);
        Assert.Contains(notices, n => n.Recipient == gpId && n.Occurrence == 1);
    }

    [Fact]
    public async Task ACarnetItem_RescheduledKeepsItsPlaceInTheCarnet_OnItsNewDate()
    {
        var (oncologist, patientId, episodeId) = await FollowUp.FollowUpPatients.PatientInTreatmentAsync(factory);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);
        var item = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray().First();
        var itemId = item.GetProperty("id").GetGuid();
        var deferralId = (await oncologist.DeferAsync(patientId, "carnet-item", itemId, "low")).GetProperty("id").GetGuid();

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals/{deferralId}/reschedule", new { at = "2027-01-15T09:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == itemId);
        Assert.Equal("2027-01-15", moved.GetProperty("due").GetString());
        var again = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals/{deferralId}/reschedule", new { at = "2027-01-20T09:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Theory]
    [InlineData(null, "at")]
    [InlineData("2026-11-01T09:00:00Z", "at")]
    public async Task ABadNewDate_IsRefused_NamingTheField(string? at, string field)
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var deferralId = (await oncologist.DeferAsync(patientId, "appointment", cycleId)).GetProperty("id").GetGuid();

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/deferrals/{deferralId}/reschedule", new { at, place = "Hôpital de jour" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AnOutsider_GetsNotFound()
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var deferralId = (await oncologist.DeferAsync(patientId, "appointment", cycleId)).GetProperty("id").GetGuid();

        var response = await (await factory.ClientAsAsync(Api.OtherGp)).PostAsJsonAsync($"/api/patients/{patientId}/deferrals/{deferralId}/reschedule",
            new { at = "2026-11-27T13:30:00Z", place = "Ailleurs" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class RescheduleCareSqliteTests(SqliteRelaisFactory factory) : RescheduleCareTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RescheduleCarePostgresTests(PostgresRelaisFactory factory) : RescheduleCareTests(factory), IClassFixture<PostgresRelaisFactory>;
