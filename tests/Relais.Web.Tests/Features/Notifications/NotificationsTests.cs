using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Notifications;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.Symptoms;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Symptoms.SymptomPatients;

namespace Relais.Web.Tests.Features.Notifications;

/// <summary>Issue 14, point 4: what is new reaches the person, in the app on every page and, if they agreed, by an e-mail with no clinical content.</summary>
public abstract class NotificationsTests(RelaisFactory factory)
{
    private static async Task<int> ScanAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotifyByEmail>().ScanAsync();
    }

    private static async Task<List<OutboxMessage>> NoticesAsync(RelaisFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientUserId == userId && m.Kind == OutboxKind.Notification).ToListAsync();
    }

    [Fact]
    public async Task APatientsMessage_ShowsInTheProfessionalsInboxCount_AndInTheInboxBesideTheTransmissions()
    {
        // The test clock stands still and a message sent at the instant of a read mark counts as read: on an app of its
        // own, no other test has read this thread at this instant.
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        var marie = await app.MarieDurandAsync();
        var before = (await oncologist.GetJsonAsync("/api/inbox")).GetProperty("counts").GetProperty("unreadMessages").GetInt32();
        var notificationsBefore = (await oncologist.GetJsonAsync("/api/me/notifications")).GetProperty("messages").GetInt32();

        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/patients/{marie}/messages", new { body = "Puis-je décaler ma séance de jeudi ?" })).StatusCode);

        var inbox = await oncologist.GetJsonAsync("/api/inbox");
        Assert.Equal(before + 1, inbox.GetProperty("counts").GetProperty("unreadMessages").GetInt32());
        var thread = inbox.GetProperty("messages").EnumerateArray().Single(t => t.GetProperty("patientId").GetGuid() == marie && t.GetProperty("thread").GetString() == "patient");
        Assert.True(thread.GetProperty("count").GetInt32() >= 1);
        Assert.Equal(notificationsBefore + 1, (await oncologist.GetJsonAsync("/api/me/notifications")).GetProperty("messages").GetInt32());
        var page = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Api.Oncologist)).GetStringAsync("/boite"));
        Assert.Contains("Messages non lus", page);
        Assert.Contains($"/patients/{marie}/messages#fil-patient", page);

        // Reading the thread clears it, and the patient's own message is never new to her.
        await oncologist.GetAsync($"/api/patients/{marie}/messages?thread=patient");
        Assert.DoesNotContain((await oncologist.GetJsonAsync("/api/inbox")).GetProperty("messages").EnumerateArray(),
            t => t.GetProperty("patientId").GetGuid() == marie && t.GetProperty("thread").GetString() == "patient");
        await patient.GetAsync($"/api/patients/{marie}/messages?thread=patient");
        Assert.Equal(0, (await patient.GetJsonAsync("/api/me/notifications")).GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task EveryPage_ShowsTheCountOfWhatIsNew()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "patient", body = "Résultats reçus, tout va bien." })).StatusCode);
        var total = (await (await factory.ClientAsAsync(Api.PatientAccount)).GetJsonAsync("/api/me/notifications")).GetProperty("total").GetInt32();
        Assert.True(total > 0);
        var browser = await factory.CookieClientAsync(Api.PatientAccount);
        foreach (var page in new[] { "/mon-dossier", "/mon-dossier/questionnaires" })
        {
            var answer = await browser.GetAsync(page);
            Assert.True(answer.IsSuccessStatusCode, $"{page} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            Assert.Matches($"href=\"/nouveautes\" class=\"notifications\">Nouveautés\\s*<span class=\"count\">{total}<", html);
        }
    }

    [Fact]
    public async Task TheEmailNotice_IsOffUntilChosen_CarriesNoClinicalContent_AndLeavesOnceForWhatArrived()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        var patientId = await app.UserIdAsync(Api.PatientAccount);
        var marie = await app.MarieDurandAsync();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        Assert.False((await patient.GetJsonAsync("/api/me/notifications")).GetProperty("emailOptIn").GetBoolean());
        await oncologist.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "patient", body = "Votre scanner est programmé." });
        await ScanAsync(app);
        Assert.Empty(await NoticesAsync(app, patientId));

        var bad = await patient.PutAsJsonAsync("/api/me/notifications/preferences", new { });
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
        var chosen = await patient.PutAsJsonAsync("/api/me/notifications/preferences", new { email = true });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.True((await chosen.JsonAsync()).GetProperty("emailOptIn").GetBoolean());

        Assert.Equal(1, await ScanAsync(app));
        var notice = Assert.Single(await NoticesAsync(app, patientId));
        Assert.Equal("[Relais] Vous avez du nouveau dans Relais", notice.Subject);
        Assert.DoesNotContain("scanner", notice.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DURAND", notice.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/nouveautes", notice.Body);
        Assert.Null(notice.PatientId);

        // Nothing new since: no second notice; something new, once the interval has passed: one more.
        app.Time.Advance(TimeSpan.FromMinutes(20));
        await ScanAsync(app);
        Assert.Single(await NoticesAsync(app, patientId));
        await oncologist.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "patient", body = "Pensez à votre prise de sang." });
        app.Time.Advance(TimeSpan.FromHours(13));
        await ScanAsync(app);
        Assert.Equal(2, (await NoticesAsync(app, patientId)).Count);
    }

    [Fact]
    public async Task TheOutcomeOfAnAlert_IsNewToThePatient_UntilTheNotificationsPageShowsIt()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var marie = await factory.MarieDurandAsync();
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var answer = await patient.AnswerAsync(marie, Toxicity, NoSymptoms(("fatigue", "3")));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var alert = Assert.Single(Alerts(await answer.JsonAsync())).GetProperty("id").GetGuid();
        var before = (await patient.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync($"/api/patients/{marie}/symptom-alerts/{alert}/action", new { action = "advice", note = "Repos" })).StatusCode);
        Assert.Equal(before + 1, (await patient.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32());

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.PatientAccount)).GetStringAsync("/nouveautes"));
        Assert.Contains("conseil", page);
        Assert.Equal(0, (await patient.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32());
    }

    [Fact]
    public async Task TheOutcomeOfAGradeThreeAlert_ReachesThePatientsGp_AndThatOfAnEscalatedAlert_ThePhysicianOnCall_NotAColleaguesOwn()
    {
        // This test moves the clock (escalation): it runs on an app of its own.
        await using var app = factory.Fresh();
        var marie = await app.MarieDurandAsync();
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        var gp = await app.ClientAsAsync(Api.Gp);
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var onCall = await app.UserIdAsync(Api.Oncologist);
        var nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync("/api/on-call-shifts",
            new { physicianId = onCall, starts = app.Time.GetUtcNow().AddHours(-1), ends = app.Time.GetUtcNow().AddHours(10) })).StatusCode);
        var gpBefore = (await gp.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32();
        var onCallBefore = (await oncologist.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32();

        var fever = Assert.Single(Alerts(await patient.FeverAsync(marie, 38.9m))).GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromMinutes(31));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Relais.Web.Features.Symptoms.Triage.EscalateUrgentAlerts>().ScanAsync();
        nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync($"/api/patients/{marie}/symptom-alerts/{fever}/action", new { action = "emergency" })).StatusCode);

        gp = await app.ClientAsAsync(Api.Gp);
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        Assert.Equal(gpBefore + 1, (await gp.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32());
        Assert.Equal(onCallBefore + 1, (await oncologist.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32());
        // The nurse recorded it herself: nothing new to her.
        Assert.Equal(0, (await nurse.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32());

        var page = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Api.Oncologist)).GetStringAsync("/nouveautes"));
        Assert.Contains("Suites des alertes de vos patients", page, StringComparison.Ordinal);
        Assert.Contains("DURAND", page, StringComparison.Ordinal);
        Assert.Contains("Urgences", page, StringComparison.Ordinal);
        Assert.Contains("transmise à vous en garde", page, StringComparison.Ordinal);
        Assert.Equal(0, (await oncologist.GetJsonAsync("/api/me/notifications")).GetProperty("alertOutcomes").GetInt32());
        Assert.Contains("list", await app.AuditActionsAsync(marie, "GET /nouveautes (suites des alertes)"));
    }
}

[Collection("sqlite")]
public sealed class NotificationsSqliteTests(SqliteRelaisFactory factory) : NotificationsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class NotificationsPostgresTests(PostgresRelaisFactory factory) : NotificationsTests(factory), IClassFixture<PostgresRelaisFactory>;
