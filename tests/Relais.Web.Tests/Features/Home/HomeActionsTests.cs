using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Features.Coordination;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Symptoms.SymptomPatients;

namespace Relais.Web.Tests.Features.Home;

/// <summary>Issue 14, point 5: each role's home page lists what it has to do today, counted through the worklists, each line opening where it is done.</summary>
public abstract class HomeActionsTests(RelaisFactory factory)
{
    private static async Task<List<JsonElement>> ActionsAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/me/home")).GetProperty("actions").EnumerateArray()];

    private static JsonElement Line(List<JsonElement> actions, string kind) => actions.Single(a => a.GetProperty("kind").GetString() == kind);

    private static int Count(List<JsonElement> actions, string kind) => Line(actions, kind).GetProperty("count").GetInt32();

    private static string Href(List<JsonElement> actions, string kind) => Line(actions, kind).GetProperty("href").GetString()!;

    private static async Task<int> TotalHeaderAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheGp_SeesWhatToAcknowledge_EarlyReturns_AndFollowUpOverdueOrDue_AsHisWorklistsCountThem()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var actions = await ActionsAsync(gp);

        var inbox = (await gp.GetJsonAsync("/api/inbox?filter=to-acknowledge")).GetProperty("counts");
        Assert.Equal(inbox.GetProperty("toAcknowledge").GetInt32(), Count(actions, "transmissions-to-acknowledge"));
        Assert.Equal("/boite?filtre=a-traiter", Href(actions, "transmissions-to-acknowledge"));
        Assert.Equal(await TotalHeaderAsync(gp, "/api/referrals"), Count(actions, "early-returns"));
        Assert.Equal("/demandes", Href(actions, "early-returns"));
        var worklist = await gp.GetJsonAsync("/api/follow-up/worklist?days=30");
        Assert.Equal(worklist.GetProperty("overdueTotal").GetInt32(), Count(actions, "follow-up-overdue"));
        Assert.Equal(worklist.GetProperty("upcomingTotal").GetInt32(), Count(actions, "follow-up-due"));
        Assert.True(Count(actions, "follow-up-overdue") > 0, "the demo GP has overdue follow-up items");
        Assert.Equal("/suivi", Href(actions, "follow-up-overdue"));
        Assert.DoesNotContain(actions, a => a.GetProperty("kind").GetString() is "call-list" or "symptom-alerts" or "tumor-board-meeting");
        Assert.All(actions, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("label").GetString())));
    }

    [Fact]
    public async Task TheOncologist_SeesReferralsBack_AlertsOfHisPatients_AndTheDecisionsOfTheSittingHeAttends()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var before = await ActionsAsync(team.Oncologist);
        Assert.Equal(await TotalHeaderAsync(team.Oncologist, "/api/referrals"), Count(before, "referrals-back"));
        Assert.Equal((await team.Oncologist.GetJsonAsync("/api/worklists/triage")).GetProperty("total").GetInt32(), Count(before, "symptom-alerts"));

        await nurse.FeverAsync(team.PatientId, 38.9m);
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = await RcpTestData.BreastBoardIdAsync(secretary);
        var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings", new { startsAt = factory.Time.GetUtcNow(), location = "Salle Curie" });
        var meetingId = (await planned.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/tumor-board-cases",
            new { meetingId, episodeId = team.EpisodeId, question = "Chimiothérapie adjuvante ?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/participants",
            new { professionalId = team.OncologistId, presence = "on-site" })).StatusCode);

        var after = await ActionsAsync(team.Oncologist);
        Assert.Equal(Count(before, "symptom-alerts") + 1, Count(after, "symptom-alerts"));
        Assert.Equal("/triage", Href(after, "symptom-alerts"));
        var decisions = after.Single(a => a.GetProperty("kind").GetString() == "decisions-to-record" && a.GetProperty("href").GetString() == $"/rcp/reunions/{meetingId}");
        Assert.Equal(1, decisions.GetProperty("count").GetInt32());
        Assert.Contains("RCP Sénologie", decisions.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheNurseCoordinator_SeesTriage_CallList_RcpWorklists_AndOutreach_AsTheirListsCountThem()
    {
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var actions = await ActionsAsync(nurse);
        Assert.Equal((await nurse.GetJsonAsync("/api/worklists/triage")).GetProperty("total").GetInt32(), Count(actions, "symptom-alerts"));
        Assert.Equal((await nurse.GetJsonAsync("/api/worklists/call-list")).GetProperty("total").GetInt32(), Count(actions, "call-list"));
        Assert.Equal("/triage#a-appeler", Href(actions, "call-list"));
        var rcp = await nurse.GetJsonAsync("/api/worklists/rcp");
        Assert.Equal(rcp.GetProperty("waitingForG8Total").GetInt32(), Count(actions, "missing-g8"));
        Assert.Equal(rcp.GetProperty("ppsNotHandedOverTotal").GetInt32(), Count(actions, "pps-not-handed"));
        Assert.Equal(rcp.GetProperty("incompleteAnnouncementsTotal").GetInt32(), Count(actions, "announcements-incomplete"));
        Assert.Equal("/rcp/suivi#waiting-g8", Href(actions, "missing-g8"));
        Assert.Equal((await nurse.GetJsonAsync("/api/worklists/outreach")).GetProperty("total").GetInt32(), Count(actions, "outreach"));
        Assert.Equal("/soins-de-support/aller-vers", Href(actions, "outreach"));
    }

    [Fact]
    public async Task APatientWhoDied_LeavesTheActiveLists_ButTheRecordStaysReadable()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var alert = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 38.6m))).GetProperty("id").GetGuid();
        var before = Count(await ActionsAsync(nurse), "symptom-alerts");

        Assert.Equal(HttpStatusCode.Created, (await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/episodes/{team.EpisodeId}/transitions",
            new { to = "deceased", occurredOn = "2026-11-22" })).StatusCode);

        Assert.Equal(before - 1, Count(await ActionsAsync(nurse), "symptom-alerts"));
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100")).GetProperty("items").EnumerateArray(), i => i.GetProperty("alertId").GetGuid() == alert);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync($"/api/patients/{team.PatientId}")).StatusCode);
        Assert.Contains("Signal", await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients?q=Signal"));
    }

    [Fact]
    public async Task TheSecretary_SeesThisWeeksMeetings_WithTheirQuorumAndCases()
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = await RcpTestData.BreastBoardIdAsync(secretary);
        var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings", new { startsAt = factory.Time.GetUtcNow().AddDays(2), location = "Salle Pasteur" });
        var meetingId = (await planned.JsonAsync()).GetProperty("id").GetGuid();
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1962-04-03");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId, episodeId, question = "Traitement adjuvant ?" })).StatusCode);

        var actions = await ActionsAsync(secretary);
        var line = actions.Single(a => a.GetProperty("href").GetString() == $"/rcp/reunions/{meetingId}");
        Assert.Equal("tumor-board-meeting", line.GetProperty("kind").GetString());
        Assert.Equal(1, line.GetProperty("count").GetInt32());
        Assert.Contains("quorum", line.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(actions.Where(a => a.GetProperty("kind").GetString() == "tumor-board-meeting"),
            a => Assert.StartsWith("/rcp/reunions/", a.GetProperty("href").GetString()));
    }

    [Fact]
    public async Task ThePatient_SeesNextAppointment_QuestionnaireDue_NewDocumentsAndMessages()
    {
        // The test clock stands still and a message sent at the instant of a read mark counts as read: an app of its own.
        await using var app = factory.Fresh();
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        var marie = await app.MarieDurandAsync();
        var before = await ActionsAsync(patient);
        foreach (var kind in new[] { "next-appointment", "questionnaire-due", "new-documents", "new-messages" })
            Assert.Contains(before, a => a.GetProperty("kind").GetString() == kind);
        Assert.Equal($"/patients/{marie}/messages", Href(before, "new-messages"));
        Assert.Equal("/mon-dossier/questionnaires", Href(before, "questionnaire-due"));
        Assert.StartsWith($"/patients/{marie}/", Href(before, "next-appointment"), StringComparison.Ordinal);

        // Issue 14 point 7: a treatment cycle booked for tomorrow is the next appointment, and says what it is for.
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var cycle = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/appointments",
            new { kind = "chemotherapy-cycle", at = app.Time.GetUtcNow().AddHours(25), place = "Hôpital de jour, 2e étage" });
        Assert.Equal(HttpStatusCode.Created, cycle.StatusCode);
        var booked = await ActionsAsync(patient);
        Assert.Equal(Count(before, "next-appointment") + 1, Count(booked, "next-appointment"));
        Assert.Equal($"/patients/{marie}/rendez-vous", Href(booked, "next-appointment"));
        Assert.Contains("Cure de chimiothérapie", Line(booked, "next-appointment").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Hôpital de jour, 2e étage", Line(booked, "next-appointment").GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "patient", body = "Votre rendez-vous est confirmé." })).StatusCode);
        Assert.Equal(Count(before, "new-messages") + 1, Count(await ActionsAsync(patient), "new-messages"));
        await patient.GetAsync($"/api/patients/{marie}/messages?thread=patient");
        Assert.Equal(0, Count(await ActionsAsync(patient), "new-messages"));
    }

    [Fact]
    public async Task TheSupportiveCareProvider_SeesTheirReferrals()
    {
        var psychologist = await factory.ClientAsAsync("psychologue@relais.demo");
        var actions = await ActionsAsync(psychologist);
        Assert.Equal("/soins-de-support/mes-orientations", Href(actions, "supportive-referrals"));
        Assert.True(Count(actions, "supportive-referrals") >= 0);
    }

    [Theory]
    [InlineData(Api.Gp, "/", "/suivi")]
    [InlineData(Api.Oncologist, "/", "/demandes")]
    [InlineData(Api.Nurse, "/", "/triage#a-appeler")]
    [InlineData(Api.Secretary, "/", "/boite?filtre=a-traiter")]
    [InlineData(Api.PatientAccount, "/mon-dossier", "/mon-dossier/questionnaires")]
    public async Task TheHomePage_ShowsTheRolesLines_EachALinkToWhereItIsDone(string account, string page, string href)
    {
        var client = await factory.CookieClientAsync(account);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("À faire aujourd'hui", html);
        Assert.Contains($"href=\"{href}\"", html);
    }
}

[Collection("sqlite")]
public sealed class HomeActionsSqliteTests(SqliteRelaisFactory factory) : HomeActionsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class HomeActionsPostgresTests(PostgresRelaisFactory factory) : HomeActionsTests(factory), IClassFixture<PostgresRelaisFactory>;
