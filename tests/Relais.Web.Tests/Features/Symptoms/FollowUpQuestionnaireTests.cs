using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Features.Access;
using Relais.Web.Data;
using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>
/// Issue 14, point 2: a questionnaire "assigned per follow-up protocol where the team chooses it" — due at its period on
/// the portal and the home page, reminded the day after, never on the call list after the hand-over to the GP, stopped by
/// the team, the end of the protocol or the patient's death.
/// </summary>
public abstract class FollowUpQuestionnaireTests(RelaisFactory factory)
{
    private static string Plans(Guid patientId) => $"/api/patients/{patientId}/questionnaire-assignments/recurring";

    private static DateOnly Today(RelaisFactory app) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

    private static async Task<int> RemindAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindQuestionnaires>().HandleAsync(default);
    }

    private static async Task<List<(int Occurrence, string Link)>> RemindersAsync(RelaisFactory app, Guid planId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return (await db.Reminders.Where(r => r.Kind == ReminderKind.QuestionnaireDue && r.SubjectId == planId).OrderBy(r => r.Occurrence)
            .Select(r => new { r.Occurrence, r.Link }).ToListAsync()).Select(r => (r.Occurrence, r.Link)).ToList();
    }

    private static async Task<int> DueOnHomeAsync(HttpClient patient) =>
        (await patient.GetJsonAsync("/api/me/home")).GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "questionnaire-due")
            .GetProperty("count").GetInt32();

    private static async Task<bool> OnCallListAsync(RelaisFactory app, Guid patientId)
    {
        var nurse = await app.ClientAsAsync(Api.Nurse);
        return (await nurse.GetJsonAsync("/api/worklists/call-list")).GetProperty("items").EnumerateArray().Any(i => i.GetProperty("patientId").GetGuid() == patientId);
    }

    private static async Task<JsonElement> PlanAsync(HttpClient client, Guid patientId, Guid planId) =>
        (await client.GetJsonAsync(Plans(patientId))).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == planId);

    [Fact]
    public async Task ThePlan_IsDueOnItsDay_RemindedTheDayAfter_NeverOnTheCallList_AnsweredByTheAnswer_AndStoppedByTheTeam()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var marie = await app.MarieDurandAsync();
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        var dueBefore = await DueOnHomeAsync(patient);
        var nurse = await app.ClientAsAsync(Api.Nurse);
        var startsOn = Today(app).AddDays(1);

        var chosen = await nurse.PostAsJsonAsync(Plans(marie), new { questionnaire = "esas-r", every = 2, unit = "weeks", startsOn });
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        var plan = await chosen.JsonAsync();
        var id = plan.GetProperty("id").GetGuid();
        Assert.Equal("scheduled", plan.GetProperty("status").GetString());
        Assert.Equal("Isabelle MOREAU", plan.GetProperty("chosenBy").GetString());
        Assert.Equal("breast", plan.GetProperty("protocol").GetString());
        Assert.Equal(startsOn, DateOnly.Parse(plan.GetProperty("nextDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // The same choice sent again is harmless: the same plan, not a second one.
        var again = await nurse.PostAsJsonAsync(Plans(marie), new { questionnaire = "esas-r", every = 2, unit = "weeks", startsOn });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Single((await nurse.GetJsonAsync(Plans(marie))).GetProperty("items").EnumerateArray());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PatientId == marie && a.Resource == "follow-up-questionnaire-plan" && a.Action == AuditActions.Write));
        }
        // The day before the first occurrence, nothing is due.
        Assert.Equal(dueBefore, await DueOnHomeAsync(patient));

        // Its day: due on the home page and the portal, not reminded yet.
        app.Time.Advance(TimeSpan.FromDays(1));
        patient = await app.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(dueBefore + 1, await DueOnHomeAsync(patient));
        var cookie = await app.CookieClientAsync(Api.PatientAccount);
        var page = WebUtility.HtmlDecode(await cookie.GetStringAsync("/mon-dossier/questionnaires"));
        Assert.Contains($"le questionnaire régulier de votre suivi, à remplir depuis le {startsOn:dd/MM/yyyy}", page, StringComparison.Ordinal);
        await RemindAsync(app);
        Assert.Empty(await RemindersAsync(app, id));

        // The day after: reminded once, whatever the number of scans; after the hand-over, no call list, ever.
        app.Time.Advance(TimeSpan.FromDays(1));
        await RemindAsync(app);
        await RemindAsync(app);
        Assert.Equal([(1, "/mon-dossier/questionnaires/esas-r")], await RemindersAsync(app, id));
        Assert.False(await OnCallListAsync(app, marie));
        app.Time.Advance(TimeSpan.FromDays(3));
        Assert.False(await OnCallListAsync(app, marie));
        nurse = await app.ClientAsAsync(Api.Nurse);
        var late = await PlanAsync(nurse, marie, id);
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Equal("running", late.GetProperty("status").GetString());

        // The answer answers the occurrence.
        patient = await app.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(HttpStatusCode.Created, (await patient.AnswerAsync(marie, "esas-r", SymptomPatients.Esas("1"))).StatusCode);
        Assert.Equal(dueBefore, await DueOnHomeAsync(patient));
        Assert.False((await PlanAsync(nurse, marie, id)).GetProperty("waiting").GetBoolean());

        // Two weeks after the first: the second occurrence, reminded on its own the day after.
        app.Time.Advance(TimeSpan.FromDays(10));
        patient = await app.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(dueBefore + 1, await DueOnHomeAsync(patient));
        app.Time.Advance(TimeSpan.FromDays(1));
        await RemindAsync(app);
        Assert.Equal([1, 2], (await RemindersAsync(app, id)).Select(r => r.Occurrence));

        // Stopped by the team: nothing due, nothing reminded any more; stopping again is harmless.
        nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.DeleteAsync($"{Plans(marie)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.DeleteAsync($"{Plans(marie)}/{id}")).StatusCode);
        var stopped = await PlanAsync(nurse, marie, id);
        Assert.Equal("stopped", stopped.GetProperty("status").GetString());
        Assert.Equal("Isabelle MOREAU", stopped.GetProperty("stoppedBy").GetString());
        patient = await app.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(dueBefore, await DueOnHomeAsync(patient));
        app.Time.Advance(TimeSpan.FromDays(15));
        await RemindAsync(app);
        Assert.Equal(2, (await RemindersAsync(app, id)).Count);
    }

    [Fact]
    public async Task ThePatientsDeath_OrTheEndOfTheProtocol_StopsThePlan_AndItsReminders()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var today = Today(app);
        var patients = new List<(Guid PatientId, Guid EpisodeId, Guid PlanId)>();
        for (var i = 0; i < 3; i++)
        {
            var (patientId, episodeId) = await oncologist.PatientInTreatmentAsync(app.Services);
            var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
                new { episodeId, endOfTreatment = today.AddDays(-30), protocol = "breast", radiotherapy = false, gpAgreed = true });
            Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
            var chosen = await oncologist.PostAsJsonAsync(Plans(patientId), new { questionnaire = "warning-signs-breast", every = 1, unit = "months" });
            Assert.True(chosen.StatusCode == HttpStatusCode.Created, await chosen.Content.ReadAsStringAsync());
            patients.Add((patientId, episodeId, (await chosen.JsonAsync()).GetProperty("id").GetGuid()));
        }
        var (dead, afterCancer, followed) = (patients[0], patients[1], patients[2]);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{dead.PatientId}/episodes/{dead.EpisodeId}/transitions",
            new { to = "deceased", occurredOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{afterCancer.PatientId}/episodes/{afterCancer.EpisodeId}/transitions",
            new { to = "after-cancer", occurredOn = today })).StatusCode);

        // The day after the first occurrence: only the patient still followed under the protocol is reminded.
        app.Time.Advance(TimeSpan.FromDays(1));
        await RemindAsync(app);
        Assert.Single(await RemindersAsync(app, followed.PlanId));
        Assert.Empty(await RemindersAsync(app, dead.PlanId));
        Assert.Empty(await RemindersAsync(app, afterCancer.PlanId));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        Assert.Equal("left-care", (await PlanAsync(oncologist, dead.PatientId, dead.PlanId)).GetProperty("status").GetString());
        Assert.Equal("protocol-ended", (await PlanAsync(oncologist, afterCancer.PatientId, afterCancer.PlanId)).GetProperty("status").GetString());
        Assert.False((await PlanAsync(oncologist, dead.PatientId, dead.PlanId)).GetProperty("waiting").GetBoolean());
        Assert.True((await PlanAsync(oncologist, followed.PatientId, followed.PlanId)).GetProperty("late").GetBoolean());

        // Neither can be given a new plan.
        foreach (var (patientId, _, _) in new[] { dead, afterCancer })
        {
            var refused = await oncologist.PostAsJsonAsync(Plans(patientId), new { questionnaire = "esas-r", every = 1, unit = "months" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("patientId", out _));
        }
    }

    [Theory]
    [InlineData(null, 1, "months", 0, null, "questionnaire")]
    [InlineData("no-such-questionnaire", 1, "months", 0, null, "questionnaire")]
    [InlineData("warning-signs-prostate", 1, "months", 0, null, "questionnaire")]
    [InlineData("esas-r", 0, "months", 0, null, "every")]
    [InlineData("esas-r", 25, "months", 0, null, "every")]
    [InlineData("esas-r", null, "weeks", 0, null, "every")]
    [InlineData("esas-r", 1, "days", 0, null, "unit")]
    [InlineData("esas-r", 1, null, 0, null, "unit")]
    [InlineData("esas-r", 1, "months", -1, null, "startsOn")]
    [InlineData("esas-r", 1, "months", 366, null, "startsOn")]
    [InlineData("esas-r", 1, "months", 10, 9, "endsOn")]
    public async Task ABadChoice_IsRefused_NamingTheField(string? questionnaire, int? every, string? unit, int startDays, int? endDays, string field)
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var today = Today(factory);
        var response = await oncologist.PostAsJsonAsync(Plans(marie),
            new { questionnaire, every, unit, startsOn = today.AddDays(startDays), endsOn = endDays is { } e ? today.AddDays(e) : (DateOnly?)null });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task APatientInTreatment_HasNoFollowUpPlan_AndAnotherRhythmForAPlannedQuestionnaireIsRefused()
    {
        var (oncologist, patientId, _) = await factory.PatientInTreatmentAsync();
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients/{patientId}/questionnaires"));
        Assert.Contains("Ce patient n'est pas suivi selon un protocole de surveillance", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Choisir ce rythme", page, StringComparison.Ordinal);
        var refused = await oncologist.PostAsJsonAsync(Plans(patientId), new { questionnaire = "esas-r", every = 1, unit = "months" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("patientId", out _));

        var marie = await factory.MarieDurandAsync();
        var startsOn = Today(factory).AddDays(20);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync(Plans(marie), new { questionnaire = "warning-signs-breast", every = 3, unit = "months", startsOn })).StatusCode);
        var other = await oncologist.PostAsJsonAsync(Plans(marie), new { questionnaire = "warning-signs-breast", every = 6, unit = "months", startsOn });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.True((await other.JsonAsync()).GetProperty("errors").TryGetProperty("questionnaire", out _));
    }

    [Fact]
    public async Task OnlyTheCareTeamChooses_ThePatientReads_AnOutsiderGetsNotFound()
    {
        var marie = await factory.MarieDurandAsync();
        var body = new { questionnaire = "esas-r", every = 1, unit = "months", startsOn = Today(factory).AddDays(40) };
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync(Plans(marie), body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(Plans(marie))).StatusCode);
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(Plans(marie), body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Plans(marie))).StatusCode);
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.NotFound, (await gp.DeleteAsync($"{Plans(marie)}/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ThePage_ChoosesAPlan_ListsIt_AndNamesTheFaultyField()
    {
        var marie = await factory.MarieDurandAsync();
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(Api.Nurse, cookies: true)).StatusCode);
        var url = $"/patients/{marie}/questionnaires";
        var page = await browser.GetStringAsync(url);
        Assert.Contains("Questionnaires réguliers du suivi", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var refused = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "plan-questionnaire", ["__RequestVerificationToken"] = token, ["PlanQuestionnaire"] = "esas-r", ["PlanEvery"] = "99", ["PlanUnit"] = "weeks",
            ["PlanStartsOn"] = Today(factory).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"err-plan-every\"", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"plan-every\"[^>]*aria-invalid=\"true\"", html);

        var chosen = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "plan-questionnaire", ["__RequestVerificationToken"] = token, ["PlanQuestionnaire"] = "esas-r", ["PlanEvery"] = "6", ["PlanUnit"] = "weeks",
            ["PlanStartsOn"] = Today(factory).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.DoesNotContain("id=\"err-plan-", await chosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listed = WebUtility.HtmlDecode(await browser.GetStringAsync(url));
        Assert.Contains("toutes les 6 semaines", listed, StringComparison.Ordinal);
        Assert.Contains("tant que dure le protocole", listed, StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class FollowUpQuestionnaireSqliteTests(SqliteRelaisFactory factory) : FollowUpQuestionnaireTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class FollowUpQuestionnairePostgresTests(PostgresRelaisFactory factory) : FollowUpQuestionnaireTests(factory), IClassFixture<PostgresRelaisFactory>;
