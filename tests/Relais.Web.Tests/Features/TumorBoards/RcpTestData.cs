using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>A new patient with a breast cancer episode and the demo's breast board, for the RCP, announcement and PPS tests.</summary>
public static class RcpTestData
{
    /// <returns>The oncologist's client, the patient and the episode.</returns>
    public static async Task<(HttpClient Client, Guid PatientId, Guid EpisodeId)> NewPatientAsync(this RelaisFactory factory, string nir13, string birthDate, string site = "C50.4")
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new
        {
            ins = Api.Ins(nir13), birthName = "Essai", firstNames = "Jeanne", birthDate, sex = "female", generalPractitionerId = gpId,
        })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new
        {
            primarySite = site, primarySiteLabel = "Sein", histology = "8500/3", diagnosisDate = "2026-11-10", initialPhase = "diagnosis-confirmed", openedOn = "2026-11-10",
            clinicalT = "T2", clinicalN = "N0", clinicalM = "M0",
        })).JsonAsync();
        return (oncologist, id, episode.GetProperty("id").GetGuid());
    }

    /// <summary>The demo's next "RCP Sénologie" meeting, after the test clock's start.</summary>
    public static async Task<JsonElement> BreastMeetingAsync(HttpClient client)
    {
        var meetings = await client.GetJsonAsync("/api/meetings?days=30");
        return meetings.EnumerateArray().First(m => m.GetProperty("boardName").GetString() == "RCP Sénologie"
            && m.GetProperty("startsAt").GetDateTimeOffset() > DateTimeOffset.Parse("2026-11-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<Guid> BreastBoardIdAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/tumor-boards")).EnumerateArray().First(b => b.GetProperty("name").GetString() == "RCP Sénologie").GetProperty("id").GetGuid();
}
