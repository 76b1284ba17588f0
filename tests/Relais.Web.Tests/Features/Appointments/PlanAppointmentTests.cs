using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Features.Continuity;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Appointments;

/// <summary>Appointments and treatment cycles as one model (issue 14 point 7): date, place, kind, performer, teleconsultation.</summary>
public abstract class PlanAppointmentTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheTeam_PlansACycleAndAVideoTeleconsultation_TheGpAndTheRecordPageShowThem()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await oncologist.PlanCycleAsync(patientId, episodeId, "2026-12-01T08:00:00Z");

        var tele = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/appointments", new
        {
            kind = "consultation", at = "2026-11-25T15:00:00Z", performer = "Dr Claire Martin", teleconsultation = true,
            teleconsultationLink = "https://visio.example/consult", patientMeans = "video",
        });

        Assert.Equal(HttpStatusCode.Created, tele.StatusCode);
        var items = (await (await factory.ClientAsAsync(Api.Gp)).GetJsonAsync($"/api/patients/{patientId}/appointments")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["consultation", "chemotherapy-cycle"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.True(items[0].GetProperty("teleconsultation").GetBoolean());
        Assert.Equal("video", items[0].GetProperty("patientMeans").GetString());
        Assert.Equal(episodeId, items[1].GetProperty("episodeId").GetGuid());
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients/{patientId}/rendez-vous"));
        Assert.Contains("Cure de chimiothérapie", page, StringComparison.Ordinal);
        Assert.Contains("01/12/2026 09:00", page, StringComparison.Ordinal);
        Assert.Contains("Reporter", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visit", "2026-12-01T08:00:00Z", "Hôpital de jour", false, null, null, "kind")]
    [InlineData("consultation", null, "Hôpital de jour", false, null, null, "at")]
    [InlineData("consultation", "2026-12-01T08:00:00Z", null, false, null, null, "place")]
    [InlineData("consultation", "2026-12-01T08:00:00Z", null, true, null, "pigeon", "patientMeans")]
    [InlineData("consultation", "2026-12-01T08:00:00Z", null, true, null, "video", "teleconsultationLink")]
    public async Task ABadAppointment_IsRefused_NamingTheField(string kind, string? at, string? place, bool tele, string? link, string? means, string field)
    {
        var (oncologist, patientId, _) = await factory.PatientInTreatmentAsync();

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/appointments",
            new { kind, at, place, teleconsultation = tele, teleconsultationLink = link, patientMeans = means });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task AnOutsider_GetsNotFound()
    {
        var (_, patientId, _) = await factory.PatientInTreatmentAsync();
        var outsider = await factory.ClientAsAsync(Api.OtherGp);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/appointments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{patientId}/appointments",
            new { kind = "consultation", at = "2026-12-01T08:00:00Z", place = "Ailleurs" })).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class PlanAppointmentSqliteTests(SqliteRelaisFactory factory) : PlanAppointmentTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PlanAppointmentPostgresTests(PostgresRelaisFactory factory) : PlanAppointmentTests(factory), IClassFixture<PostgresRelaisFactory>;
