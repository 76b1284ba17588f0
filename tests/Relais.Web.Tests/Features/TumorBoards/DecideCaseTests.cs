using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>Deciding a case: at the meeting, under quorum (remote attendance counts), with its report filed and sent to the GP (C7).</summary>
public abstract class DecideCaseTests(RelaisFactory factory)
{
    private static async Task<Guid> UserIdAsync(HttpClient client, string search) =>
        (await client.GetJsonAsync($"/api/professionals?search={Uri.EscapeDataString(search)}"))[0].GetProperty("id").GetGuid();

    private static async Task<Guid> RegisterOnFutureMeetingAsync(HttpClient client, Guid patientId, Guid episodeId)
    {
        var meeting = await RcpTestData.BreastMeetingAsync(client);
        var registered = await client.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Deuxième question" });
        return (await registered.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task TheDecisionNeedsThreeSpecialties_RemoteCounts_AndTheReportReachesTheGp()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1960-01-15");
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = await RcpTestData.BreastBoardIdAsync(secretary);
        // A sitting this very hour: a decision is recorded at the meeting, never before it.
        var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings", new { startsAt = factory.Time.GetUtcNow(), location = "Salle Curie" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var meetingId = (await planned.JsonAsync()).GetProperty("id").GetGuid();
        var registered = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId, episodeId, question = "Chirurgie première ou chimiothérapie néoadjuvante ?" })).JsonAsync();
        var caseId = registered.GetProperty("id").GetGuid();

        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.OK, (await gp.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/contribution",
            new { text = "Patiente très entourée ; diabète équilibré." })).StatusCode);

        foreach (var (who, presence) in new[] { ("Martin", "on-site"), ("Roche", "on-site"), ("Lef", "on-site") })
            Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/participants",
                new { professionalId = await UserIdAsync(secretary, who), presence })).StatusCode);
        var early = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{(await RegisterOnFutureMeetingAsync(oncologist, patientId, episodeId))}/decision",
            new { proposal = "Tumorectomie", guideline = "Référentiel" });
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("meeting", out _));
        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/decision",
            new { proposal = "Tumorectomie puis radiothérapie", guideline = "Référentiel régional sein 2025" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("quorum")[0].GetString()!;
        Assert.Contains("radiothérapie", message);
        Assert.Contains("anatomopathologie", message);

        var quorum = await (await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/participants",
            new { professionalId = await UserIdAsync(secretary, "Bernard"), presence = "remote" })).JsonAsync();
        Assert.True(quorum.GetProperty("reached").GetBoolean());
        var decided = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/decision",
            new { proposal = "Tumorectomie puis radiothérapie", guideline = "Référentiel régional sein 2025" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var decision = await decided.JsonAsync();
        Assert.Equal("decided", decision.GetProperty("status").GetString());

        var c7 = (await gp.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c7");
        var documentId = c7.GetProperty("documentId").GetGuid();
        Assert.Equal(documentId, decision.GetProperty("reportDocumentId").GetGuid());
        var pdf = await (await gp.GetAsync($"/api/patients/{patientId}/documents/{documentId}/content")).Content.ReadAsByteArrayAsync();
        var text = await Pdf.TextAsync(pdf);
        Assert.Contains("Tumorectomie puis radiothérapie", text);
        Assert.Contains("Patiente très entourée", text);
        Assert.Contains("à distance", text);
        var html = await (await gp.GetAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/report")).Content.ReadAsStringAsync();
        Assert.Contains("Compte rendu de réunion de concertation pluridisciplinaire", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(HttpStatusCode.OK, (await gp.PostAsync($"/api/patients/{patientId}/transmissions/{c7.GetProperty("id").GetGuid()}/acknowledge", null)).StatusCode);

        var timeline = await oncologist.GetJsonAsync($"/api/patients/{patientId}/timeline");
        Assert.Contains(timeline[0].GetProperty("events").EnumerateArray(), e => e.GetProperty("to").GetString() == "tumor-board");
    }

    [Fact]
    public async Task AnUnknownCase_IsNotFound()
    {
        var (oncologist, patientId, _) = await factory.NewPatientAsync("1961-05-05");
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{Guid.NewGuid()}/decision", new { proposal = "Tumorectomie" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Dossier introuvable", (await response.JsonAsync()).GetProperty("title").GetString());
    }
}

[Collection("sqlite")]
public sealed class DecideCaseSqliteTests(SqliteRelaisFactory factory) : DecideCaseTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DecideCasePostgresTests(PostgresRelaisFactory factory) : DecideCaseTests(factory), IClassFixture<PostgresRelaisFactory>;
