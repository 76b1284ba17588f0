using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>Issue 14, point 2: a questionnaire "sent once" by the team — due on the portal, reminded once after its day, closed by the answer.</summary>
public abstract class SentQuestionnaireTests(RelaisFactory factory)
{
    private static Dictionary<string, object> EsasAnswers() => SymptomPatients.Esas("2");

    private static async Task<int> RemindAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindQuestionnaires>().HandleAsync(default);
    }

    private static async Task<int> DueOnHomeAsync(HttpClient patient) =>
        (await patient.GetJsonAsync("/api/me/home")).GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "questionnaire-due")
            .GetProperty("count").GetInt32();

    private static JsonElement Listed(JsonElement list, Guid id) => list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task TheTeamSendsAQuestionnaireOnce_ThePatientSeesItDue_IsRemindedOnceAfterItsDay_AndTheAnswerClosesIt()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var marie = await app.MarieDurandAsync();
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        var dueBefore = await DueOnHomeAsync(patient);
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var dueOn = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(2);

        var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/questionnaire-assignments", new { questionnaire = "esas-r", dueOn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.JsonAsync();
        var id = sent.GetProperty("id").GetGuid();
        Assert.Equal("open", sent.GetProperty("status").GetString());
        Assert.Equal(dueBefore + 1, await DueOnHomeAsync(patient));
        var cookie = await app.CookieClientAsync(Api.PatientAccount);
        var page = WebUtility.HtmlDecode(await cookie.GetStringAsync("/mon-dossier/questionnaires"));
        Assert.Contains($"demandé par votre équipe, avant le {dueOn:dd/MM/yyyy}", page, StringComparison.Ordinal);

        // Not reminded on its day; the day after, once, whatever the number of scans.
        await RemindAsync(app);
        Assert.Equal(0, await RemindersAsync(app, id));
        app.Time.Advance(TimeSpan.FromDays(3));
        await RemindAsync(app);
        await RemindAsync(app);
        Assert.Equal(1, await RemindersAsync(app, id));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        Assert.True(Listed(await oncologist.GetJsonAsync($"/api/patients/{marie}/questionnaire-assignments"), id).GetProperty("late").GetBoolean());

        patient = await app.ClientAsAsync(Api.PatientAccount);
        var answer = await patient.PostAsJsonAsync($"/api/patients/{marie}/questionnaire-responses", new { questionnaire = "esas-r", answers = EsasAnswers() });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var answered = Listed(await oncologist.GetJsonAsync($"/api/patients/{marie}/questionnaire-assignments"), id);
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        Assert.Equal((await answer.JsonAsync()).GetProperty("id").GetGuid(), answered.GetProperty("responseId").GetGuid());
        Assert.Equal(dueBefore, await DueOnHomeAsync(patient));
        Assert.Equal(HttpStatusCode.BadRequest, (await oncologist.PostAsync($"/api/patients/{marie}/questionnaire-assignments/{id}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task ASentQuestionnaire_CanBeWithdrawn_AndIsNoLongerDue()
    {
        var marie = await factory.MarieDurandAsync();
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var dueOn = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime).AddDays(5);
        var sent = await (await nurse.PostAsJsonAsync($"/api/patients/{marie}/questionnaire-assignments", new { questionnaire = "treatment-toxicity", dueOn })).JsonAsync();
        var id = sent.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsync($"/api/patients/{marie}/questionnaire-assignments/{id}/withdraw", null)).StatusCode);
        Assert.Equal("withdrawn", Listed(await nurse.GetJsonAsync($"/api/patients/{marie}/questionnaire-assignments"), id).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostAsync($"/api/patients/{marie}/questionnaire-assignments/{Guid.NewGuid()}/withdraw", null)).StatusCode);
    }

    [Theory]
    [InlineData(null, 3, "questionnaire")]
    [InlineData("no-such-questionnaire", 3, "questionnaire")]
    [InlineData("warning-signs-prostate", 3, "questionnaire")]
    [InlineData("esas-r", -1, "dueOn")]
    [InlineData("esas-r", 91, "dueOn")]
    public async Task ABadSending_IsRefused_NamingTheField(string? questionnaire, int days, string field)
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var dueOn = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime).AddDays(days);
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/questionnaire-assignments", new { questionnaire, dueOn });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task OnlyTheCareTeamSends_ThePatientCannot_AnOutsiderGetsNotFound()
    {
        var marie = await factory.MarieDurandAsync();
        var body = new { questionnaire = "esas-r", dueOn = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime).AddDays(3) };
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync($"/api/patients/{marie}/questionnaire-assignments", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/api/patients/{marie}/questionnaire-assignments")).StatusCode);
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{marie}/questionnaire-assignments", body)).StatusCode);
    }

    [Fact]
    public async Task TheSendingPage_OffersThePatientsQuestionnaires()
    {
        var marie = await factory.MarieDurandAsync();
        var client = await factory.CookieClientAsync(Api.Nurse);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{marie}/questionnaires"));
        Assert.Contains("Envoyer un questionnaire", html, StringComparison.Ordinal);
        Assert.Contains("Mes symptômes (ESAS-r)", html, StringComparison.Ordinal);
    }

    private static async Task<int> RemindersAsync(RelaisFactory app, Guid assignmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.Reminders.CountAsync(r => r.Kind == ReminderKind.QuestionnaireDue && r.SubjectId == assignmentId);
    }
}

[Collection("sqlite")]
public sealed class SentQuestionnaireSqliteTests(SqliteRelaisFactory factory) : SentQuestionnaireTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SentQuestionnairePostgresTests(PostgresRelaisFactory factory) : SentQuestionnaireTests(factory), IClassFixture<PostgresRelaisFactory>;
