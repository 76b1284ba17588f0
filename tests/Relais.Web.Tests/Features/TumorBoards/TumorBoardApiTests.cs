using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>RCP rules through the API: G8 before an over-75 case, paediatric cases discussed, quorum, report to the GP (C6, C7); the PPS (C5, C8).</summary>
public abstract class TumorBoardApiTests(RelaisFactory factory)
{
    private async Task<(HttpClient Client, Guid PatientId, Guid EpisodeId)> NewPatientAsync(string nir13, string birthDate, string site = "C50.4")
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

    private static async Task<JsonElement> BreastMeetingAsync(HttpClient client)
    {
        var meetings = await client.GetJsonAsync("/api/meetings?days=30");
        return meetings.EnumerateArray().First(m => m.GetProperty("boardName").GetString() == "RCP Sénologie"
            && m.GetProperty("startsAt").GetDateTimeOffset() > DateTimeOffset.Parse("2026-11-24T00:00:00Z"));
    }

    private async Task<Guid> UserIdAsync(HttpClient client, string search) =>
        (await client.GetJsonAsync($"/api/professionals?search={Uri.EscapeDataString(search)}"))[0].GetProperty("id").GetGuid();

    private static async Task<Guid> RegisterOnFutureMeetingAsync(HttpClient client, Guid patientId, Guid episodeId)
    {
        var meeting = await BreastMeetingAsync(client);
        var registered = await client.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases",
            new { meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Deuxième question" });
        return (await registered.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task AnOver75Case_NeedsAG8_ThenIsRegistered_AndTheGpIsInvited()
    {
        var (oncologist, patientId, episodeId) = await NewPatientAsync("2480176555001", "1948-03-02");
        var meeting = await BreastMeetingAsync(oncologist);
        var body = new { meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Stratégie thérapeutique ?", kind = "discussed" };
        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("G8", (await refused.JsonAsync()).GetProperty("errors").GetProperty("g8")[0].GetString());

        var g8 = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/g8", new
        {
            foodIntake = 1, weightLoss = 2, mobility = 2, neuropsychological = 2, bodyMassIndex = 20.5, moreThanThreeMedications = true, selfRatedHealth = 1,
        })).JsonAsync();
        // 1 + 2 + 2 + 2 + 1 (BMI 20.5) + 0 (> 3 drugs) + 1 (as good) + 2 (78, under 80) = 11
        Assert.Equal(11m, g8.GetProperty("score").GetDecimal());
        Assert.True(g8.GetProperty("fullAssessmentRecommended").GetBoolean());

        var registered = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", body);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var c6 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c6");
        Assert.Contains("RCP Sénologie", c6.GetProperty("title").GetString());
        Assert.Equal("general-practitioner", c6.GetProperty("recipients")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task APaediatricCase_CannotBeRegisteredOnly()
    {
        var (oncologist, patientId, episodeId) = await NewPatientAsync("2100176555002", "2010-06-01");
        var meeting = await BreastMeetingAsync(oncologist);
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", new
        {
            meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Traitement standard ?", kind = "registered-only", registeredOnlyReason = "validated-guideline",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task TheDecisionNeedsThreeSpecialties_RemoteCounts_AndTheReportReachesTheGp()
    {
        var (oncologist, patientId, episodeId) = await NewPatientAsync("2600176555003", "1960-01-15");
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var boardId = (await secretary.GetJsonAsync("/api/tumor-boards")).EnumerateArray().First(b => b.GetProperty("name").GetString() == "RCP Sénologie").GetProperty("id").GetGuid();
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
    public async Task ThePps_IsAPdfWithItsPhasesAndContacts_ARevisionIsVersion2AndANewTransmission_TheFirstPhaseStartFiresC8()
    {
        var (oncologist, patientId, episodeId) = await NewPatientAsync("2600176555004", "1962-02-20");
        // The PPS follows the announcement and the RCP.
        foreach (var (to, on) in new[] { ("announcement", "2026-11-16"), ("tumor-board", "2026-11-19") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        var body = new
        {
            episodeId,
            phases = new object[]
            {
                new { order = 1, kind = "surgery", description = "Tumorectomie et ganglion sentinelle", plannedStart = "2026-12-07", place = "Hôpital Saint-Relais", expectedStayDays = 1 },
                new { order = 2, kind = "radiotherapy", description = "Radiothérapie du sein, 20 séances", plannedStart = "2027-01-11", plannedEnd = "2027-02-05", place = "Centre de radiothérapie", expectedStayDays = 0,
                      frequentComplications = "Érythème cutané, fatigue", advice = "Hydrater la peau, éviter le soleil" },
            },
            assessments = new[] { new { what = "Mammographie", frequency = "annuelle" } },
            supportiveCare = "Consultation diététique proposée.",
        };
        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pps = await created.JsonAsync();
        Assert.Equal(1, pps.GetProperty("version").GetInt32());
        Assert.Contains(pps.GetProperty("content").GetProperty("contacts").EnumerateArray(), c => c.GetProperty("role").GetString() == "Médecin traitant");

        var pdf = await (await oncologist.GetAsync($"/api/patients/{patientId}/documents/{pps.GetProperty("documentId").GetGuid()}/content")).Content.ReadAsByteArrayAsync();
        var text = await Pdf.TextAsync(pdf);
        Assert.Contains("Programme personnalisé de soins", text);
        Assert.Contains("Tumorectomie et ganglion sentinelle", text);
        Assert.Contains("Radiothérapie du sein", text);
        Assert.Contains("Médecin traitant", text);
        Assert.Contains("Jean Dubois", text, StringComparison.OrdinalIgnoreCase);

        var revised = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", new
        {
            episodeId, previousVersionId = pps.GetProperty("id").GetGuid(), phases = body.phases, assessments = body.assessments, supportiveCare = "Soutien psychologique ajouté.",
        })).JsonAsync();
        Assert.Equal(2, revised.GetProperty("version").GetInt32());
        var c5 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Where(t => t.GetProperty("obligation").GetString() == "c5").ToList();
        Assert.Equal(2, c5.Count);
        Assert.Contains(c5, t => t.GetProperty("title").GetString()!.Contains("version 2"));

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{revised.GetProperty("id").GetGuid()}/handed", new { on = "2026-11-23" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{revised.GetProperty("id").GetGuid()}/phases/1/start", new { on = "2026-11-23" })).StatusCode);
        var c8 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c8");
        Assert.Contains("Tumorectomie", c8.GetProperty("message").GetString());
        var timeline = await oncologist.GetJsonAsync($"/api/patients/{patientId}/timeline");
        Assert.Equal("active-treatment", timeline[0].GetProperty("phase").GetString());
    }

    [Fact]
    public async Task TheAnnouncementChecklist_ShowsWhatIsMissing_AndEpicesOrientsToTheSocialWorker()
    {
        var (oncologist, patientId, episodeId) = await NewPatientAsync("2900176555005", "1990-04-04");
        var url = $"/api/patients/{patientId}/episodes/{episodeId}/announcement";
        var record = await oncologist.GetJsonAsync(url);
        Assert.True(record.GetProperty("reproductiveAge").GetBoolean());
        Assert.NotNull(record.GetProperty("gpContactedAt").GetString());
        Assert.False(record.GetProperty("complete").GetBoolean());

        var precarious = new[] { true, false, false, false, true, false, false, false, false, false, false };
        var refused = await oncologist.PostAsJsonAsync($"{url}/epices", new { answers = precarious, socialWorkerOriented = false });
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("socialWorkerOriented", out _));
        var epices = await (await oncologist.PostAsJsonAsync($"{url}/epices", new { answers = precarious, socialWorkerOriented = true })).JsonAsync();
        Assert.Equal(100m, epices.GetProperty("epicesScore").GetDecimal());

        var gp = await factory.ClientAsAsync(Api.Gp);
        await gp.PostAsJsonAsync($"/api/patients/{patientId}/transmissions", new { obligation = "c4", message = "Mère de deux enfants, travaille à temps plein." });
        await oncologist.PostAsJsonAsync($"{url}/medical-time", new { on = "2026-11-20", explained = "Diagnostic, traitement proposé, bénéfices, effets indésirables." });
        await oncologist.PostAsJsonAsync($"{url}/nursing-time", new { state = "accepted", on = "2026-11-21" });
        await oncologist.PostAsJsonAsync($"{url}/supportive-care", new { needs = "Anxiété, besoin d'aide à domicile." });
        var info = await (await oncologist.PostAsJsonAsync($"{url}/information", new
        {
            fertilityInformed = true, tobacco = "current", cessationOffered = true, trustedPersonInformed = true, advanceDirectivesInformed = true,
        })).JsonAsync();
        Assert.Equal("Mère de deux enfants, travaille à temps plein.", info.GetProperty("gpContext").GetString());
        Assert.True(info.GetProperty("complete").GetBoolean(), info.GetProperty("checklist").ToString());
    }

    [Fact]

    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheOneClickPathFromAnEarlyReturn_OpensTheCaseFormAsARecurrence()
    {
        var (_, patientId, _) = await NewPatientAsync("2600176555007", "1960-07-07");
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Api.Oncologist, password = Api.Password })).StatusCode);
        var plain = await browser.GetStringAsync($"/patients/{patientId}/rcp");
        var recurrence = await browser.GetStringAsync($"/patients/{patientId}/rcp?recidive=1");
        static bool Checked(string html) => System.Text.RegularExpressions.Regex.IsMatch(html, "<input[^>]*id=\"case-recurrence\"[^>]*checked");
        Assert.False(Checked(plain));
        Assert.True(Checked(recurrence));
    }

    [Fact]
    public async Task TheWorklists_ShowWhoWaitsForAG8()
    {
        var (oncologist, patientId, _) = await NewPatientAsync("2450176555006", "1945-01-01");
        var lists = await oncologist.GetJsonAsync("/api/worklists/rcp");
        Assert.Contains(lists.GetProperty("waitingForG8").EnumerateArray(), w => w.GetProperty("patientId").GetGuid() == patientId);
        Assert.Contains(lists.GetProperty("incompleteAnnouncements").EnumerateArray(), w => w.GetProperty("patientId").GetGuid() == patientId);
    }
}

[Collection("sqlite")]
public sealed class TumorBoardApiSqliteTests(SqliteRelaisFactory factory) : TumorBoardApiTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class TumorBoardApiPostgresTests(PostgresRelaisFactory factory) : TumorBoardApiTests(factory), IClassFixture<PostgresRelaisFactory>;
