using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>
/// The RCP rules as the guide states them ([G] 1.3): the invited GP is present but neither makes the quorum nor
/// decides; the decision waits for the meeting's start; a board of another site needs a reason; an emergency
/// may waive the G8 of an over-75, which is then listed as due.
/// </summary>
public abstract class TumorBoardRulesTests(RelaisFactory factory)
{
    private static async Task<Guid> UserIdAsync(HttpClient client, string search) =>
        (await client.GetJsonAsync($"/api/professionals?search={Uri.EscapeDataString(search)}"))[0].GetProperty("id").GetGuid();

    private async Task<(HttpClient Secretary, Guid MeetingId)> MeetingAsync(DateTimeOffset startsAt)
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = await RcpTestData.BreastBoardIdAsync(secretary);
        var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings", new { startsAt, location = "Salle Curie" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        return (secretary, (await planned.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<System.Text.Json.JsonElement> AttendAsync(HttpClient secretary, Guid meetingId, string who, string presence)
    {
        var response = await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/participants", new { professionalId = await UserIdAsync(secretary, who), presence });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task TheInvitedGp_IsShownPresent_ButNeitherMakesTheQuorumNorRecordsTheDecision()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1960-01-15");
        var (secretary, meetingId) = await MeetingAsync(factory.Time.GetUtcNow());
        var caseId = (await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId, episodeId, question = "Chirurgie première ?" })).JsonAsync()).GetProperty("id").GetGuid();
        await AttendAsync(secretary, meetingId, "Martin", "on-site");
        await AttendAsync(secretary, meetingId, "Lef", "on-site");

        var quorum = await AttendAsync(secretary, meetingId, "Dubois", "remote");

        Assert.False(quorum.GetProperty("reached").GetBoolean());
        Assert.Equal(2, quorum.GetProperty("presentSpecialties").GetArrayLength());
        Assert.Contains(quorum.GetProperty("presentNotCounted").EnumerateArray(), n => n.GetString()!.Contains("médecine générale"));
        var meeting = await secretary.GetJsonAsync($"/api/meetings/{meetingId}");
        var gp = meeting.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("specialty").GetString() == "general-practice");
        Assert.Equal("remote", gp.GetProperty("presence").GetString());
        Assert.False(gp.GetProperty("countsForQuorum").GetBoolean());

        await AttendAsync(secretary, meetingId, "Bernard", "remote");
        var gpClient = await factory.ClientAsAsync(Api.Gp);
        var byGp = await gpClient.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/decision", new { proposal = "Tumorectomie" });
        // Issue 11: the GP's role never records a decision: refused by the capability table (403 naming it), before the meeting's rule (was a 400 on decidedBy).
        Assert.Equal(HttpStatusCode.Forbidden, byGp.StatusCode);
        Assert.Equal("record-tumor-board-decision", (await byGp.JsonAsync()).GetProperty("capability").GetString());

        var byOncologist = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/decision", new { proposal = "Tumorectomie" });
        Assert.Equal(HttpStatusCode.OK, byOncologist.StatusCode);
        Assert.Equal("decided", (await byOncologist.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheDecision_IsRefusedBeforeTheMeetingStarts_EvenWithTheQuorum()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1960-02-15");
        // Half an hour ahead: within the hour the old rule let a decision through.
        var (secretary, meetingId) = await MeetingAsync(factory.Time.GetUtcNow().AddMinutes(30));
        var caseId = (await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId, episodeId, question = "Chirurgie première ?" })).JsonAsync()).GetProperty("id").GetGuid();
        foreach (var (who, presence) in new[] { ("Martin", "on-site"), ("Lef", "on-site"), ("Bernard", "remote") })
            await AttendAsync(secretary, meetingId, who, presence);

        var early = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/decision", new { proposal = "Tumorectomie" });

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("meeting", out _));
        var cases = await oncologist.GetJsonAsync($"/api/patients/{patientId}/tumor-board-cases");
        Assert.Equal("registered", cases[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ACaseOnABoardOfAnotherSite_NeedsAReason_WhichTheCaseShows()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1960-03-15", site: "C61");
        var meeting = await RcpTestData.BreastMeetingAsync(oncologist);
        var body = new { meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Stratégie ?" };

        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("C61", (await refused.JsonAsync()).GetProperty("errors").GetProperty("siteMismatchReason")[0].GetString());
        var registered = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { body.meetingId, body.episodeId, body.question, siteMismatchReason = "Cancers synchrones sein et prostate : discussion commune." });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("Cancers synchrones sein et prostate : discussion commune.", (await registered.JsonAsync()).GetProperty("siteMismatchReason").GetString());
        var boards = await oncologist.GetJsonAsync("/api/tumor-boards");
        Assert.Contains(boards.EnumerateArray(), b => b.GetProperty("name").GetString() == "RCP Sénologie" && b.GetProperty("sites")[0].GetString() == "C50");
    }

    [Fact]
    public async Task AnEmergencyRegistrationOver75_MayWaiveTheG8WithAReason_AndTheG8IsListedAsDueUntilRecorded()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1944-04-04");
        var meeting = await RcpTestData.BreastMeetingAsync(oncologist);
        var body = new
        {
            meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Radiothérapie décompressive ?", kind = "registered-only",
            registeredOnlyReason = "emergency", g8WaiverReason = "Compression médullaire : traitement dans les 24 heures.",
        };

        var registered = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", body);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("Compression médullaire : traitement dans les 24 heures.", (await registered.JsonAsync()).GetProperty("g8WaiverReason").GetString());
        var due = (await oncologist.GetJsonAsync("/api/worklists/rcp")).GetProperty("waitingForG8").EnumerateArray()
            .Where(w => w.GetProperty("patientId").GetGuid() == patientId).Select(w => w.GetProperty("detail").GetString()!).ToList();
        Assert.Contains(due, d => d.Contains("urgence sans G8", StringComparison.Ordinal) && d.Contains("Compression médullaire", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/g8", new
        {
            foodIntake = 2, weightLoss = 3, mobility = 2, neuropsychological = 2, bodyMassIndex = 24, moreThanThreeMedications = false, selfRatedHealth = 1,
        })).StatusCode);
        var after = (await oncologist.GetJsonAsync("/api/worklists/rcp")).GetProperty("waitingForG8").EnumerateArray()
            .Where(w => w.GetProperty("patientId").GetGuid() == patientId).Select(w => w.GetProperty("detail").GetString()!).ToList();
        Assert.DoesNotContain(after, d => d.Contains("urgence sans G8", StringComparison.Ordinal));
    }
}

[Collection("sqlite")]
public sealed class TumorBoardRulesSqliteTests(SqliteRelaisFactory factory) : TumorBoardRulesTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class TumorBoardRulesPostgresTests(PostgresRelaisFactory factory) : TumorBoardRulesTests(factory), IClassFixture<PostgresRelaisFactory>;
