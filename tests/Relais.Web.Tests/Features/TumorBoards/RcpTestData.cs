using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>A new patient with a breast cancer episode and the demo's breast board, for the RCP, announcement and PPS tests.</summary>
public static class RcpTestData
{
    /// <returns>The oncologist's client, the patient (a woman born on <paramref name="birthDate"/>) and the episode.</returns>
    public static async Task<(HttpClient Client, Guid PatientId, Guid EpisodeId)> NewPatientAsync(this RelaisFactory factory, string birthDate, string site = "C50.4")
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture)).CreateAsync(oncologist);
        var episodeId = await An.Episode().Site(site, "Sein").CreateAsync(oncologist, id);
        return (oncologist, id, episodeId);
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
