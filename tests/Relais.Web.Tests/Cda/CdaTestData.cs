using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Cda;

/// <summary>Signed documents that have a CDA: a tumor-board report decided at a sitting of this hour, and a PPS.</summary>
public static class CdaTestData
{
    private static async Task<Guid> UserIdAsync(HttpClient client, string search) =>
        (await client.GetJsonAsync($"/api/professionals?search={Uri.EscapeDataString(search)}"))[0].GetProperty("id").GetGuid();

    /// <returns>The decided case's report document (the PDF the CDA stands beside).</returns>
    public static async Task<Guid> DecidedReportAsync(this RelaisFactory factory, HttpClient oncologist, Guid patientId, Guid episodeId, string location)
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = await RcpTestData.BreastBoardIdAsync(secretary);
        var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings", new { startsAt = factory.Time.GetUtcNow(), location });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var meetingId = (await planned.JsonAsync()).GetProperty("id").GetGuid();
        var registered = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId, episodeId, question = "Chirurgie conservatrice d'emblée ?" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var caseId = (await registered.JsonAsync()).GetProperty("id").GetGuid();
        foreach (var (who, presence) in new[] { ("Martin", "on-site"), ("Roche", "on-site"), ("Lef", "on-site"), ("Bernard", "remote"), ("Lambert", "on-site") })
            Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/participants",
                new { professionalId = await UserIdAsync(secretary, who), presence })).StatusCode);
        var decided = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/decision",
            new { proposal = "Tumorectomie avec ganglion sentinelle puis radiothérapie", guideline = "Référentiel régional sein 2025" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        return (await decided.JsonAsync()).GetProperty("reportDocumentId").GetGuid();
    }

    /// <returns>The signed PPS's document.</returns>
    public static async Task<Guid> SignedPpsAsync(HttpClient oncologist, Guid patientId, Guid episodeId)
    {
        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", new
        {
            episodeId,
            phases = new object[]
            {
                new { order = 1, kind = "surgery", description = "Tumorectomie et ganglion sentinelle", plannedStart = "2026-12-07", place = "Hôpital Saint-Relais", expectedStayDays = 1 },
                new { order = 2, kind = "radiotherapy", description = "Radiothérapie du sein, 20 séances", plannedStart = "2027-01-11", plannedEnd = "2027-02-05", place = "Centre de radiothérapie", expectedStayDays = 0 },
            },
            assessments = new[] { new { what = "Mammographie", frequency = "annuelle" } },
            supportiveCare = "Consultation diététique proposée.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("documentId").GetGuid();
    }

    public static async Task<Guid> FirstEpisodeAsync(HttpClient client, Guid patientId) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/episodes"))[0].GetProperty("id").GetGuid();
}
