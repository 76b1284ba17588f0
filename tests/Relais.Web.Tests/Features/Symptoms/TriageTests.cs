using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Symptoms.Triage;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Symptoms.SymptomPatients;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>Issue 14, point 2: the triage worklist, acknowledgement, the action taken, and escalation to the physician on call.</summary>
public abstract class TriageTests(RelaisFactory factory)
{
    private static async Task EscalateAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EscalateUrgentAlerts>().ScanAsync();
    }

    [Fact]
    public async Task TheWorklist_PutsUrgentAlertsFirst_ThenTheOldest_AndTheNurseAcknowledgesAndRecordsTheAction()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var warning = Assert.Single(Alerts(await (await nurse.AnswerAsync(team.PatientId, Toxicity, NoSymptoms(("fatigue", "3")))).JsonAsync()));
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        var urgent = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 39.1m)));

        var page = await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        var ranks = items.Select(i => i.GetProperty("severity").GetString() switch { "urgent" => 2, "warning" => 1, _ => 0 }).ToList();
        Assert.Equal(ranks.OrderByDescending(r => r), ranks);
        var ids = items.Select(i => i.GetProperty("alertId").GetGuid()).ToList();
        Assert.True(ids.IndexOf(urgent.GetProperty("id").GetGuid()) < ids.IndexOf(warning.GetProperty("id").GetGuid()));
        var listed = items.Single(i => i.GetProperty("alertId").GetGuid() == urgent.GetProperty("id").GetGuid());
        Assert.Equal(team.PatientId, listed.GetProperty("patientId").GetGuid());
        Assert.Equal("febrile-neutropenia-single", listed.GetProperty("rule").GetString());
        Assert.Contains("list", await factory.AuditActionsAsync(team.PatientId, "GET /api/worklists/triage"));

        var url = $"/api/patients/{team.PatientId}/symptom-alerts/{urgent.GetProperty("id").GetGuid()}";
        var detail = await nurse.GetJsonAsync(url);
        Assert.Contains(detail.GetProperty("answers").EnumerateArray(), a => a.GetProperty("linkId").GetString() == "temperature" && a.GetProperty("answer").GetString() == "39,1 °C");
        Assert.Equal(2, detail.GetProperty("trend").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsync($"{url}/acknowledge", null)).StatusCode);
        Assert.True(Listed(await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100"), urgent).GetProperty("acknowledged").GetBoolean());
        var bad = await nurse.PostAsJsonAsync($"{url}/action", new { action = "nothing" });
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("action", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync($"{url}/action", new { action = "day-unit-visit", note = "NFS en HDJ cet après-midi" })).StatusCode);
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("alertId").GetGuid() == urgent.GetProperty("id").GetGuid());
        var done = await nurse.GetJsonAsync(url);
        Assert.Equal("day-unit-visit", done.GetProperty("action").GetString());
    }

    [Fact]
    public async Task TheWorklist_IsForTheTeamsNurseAndClinicians_NotForOthers()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var urgent = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 38.5m)));
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.GetAsync("/api/worklists/triage")).StatusCode);
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        Assert.DoesNotContain((await outsider.GetJsonAsync("/api/worklists/triage?pageSize=100")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("alertId").GetGuid() == urgent.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/patients/{team.PatientId}/symptom-alerts/{urgent.GetProperty("id").GetGuid()}/acknowledge", null)).StatusCode);
    }

    [Fact]
    public async Task AnAlert_IsListedAndCountedOnce_WhenTheNurseSeesThePatientThroughTwoSources()
    {
        // The list joins the alerts to each source of the access rule (PatientQueries.VisibleSources): a second care-team role of
        // the same nurse must not list the alert twice nor count it twice.
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var urgent = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 38.9m)));
        var before = await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            db.CareTeamMembers.Add(Relais.Domain.Patients.CareTeamMember.Add(team.PatientId, team.Nurse, Relais.Domain.Patients.CareTeamRole.SupportiveCare,
                new DateOnly(2026, 10, 5), null, team.Nurse, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var after = await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100");
        Assert.Single(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("alertId").GetGuid() == urgent.GetProperty("id").GetGuid());
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());
        var home = await nurse.GetJsonAsync("/api/me/home");
        var triageLine = home.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("href").GetString() == "/triage");
        Assert.Equal(after.GetProperty("total").GetInt32(), triageLine.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AnUrgentAlert_NotAcknowledgedInTime_EscalatesToThePhysicianOnCall_AtNightToo()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var (team, nurse) = await app.TeamWithNurseAsync();
        var onCall = await app.UserIdAsync("oncologue2@relais.demo");
        app.Time.Advance(TimeSpan.FromHours(13));
        nurse = await app.ClientAsAsync(Api.Nurse);
        var planned = await nurse.PostAsJsonAsync("/api/on-call-shifts", new { physicianId = onCall, starts = app.Time.GetUtcNow().AddHours(-1), ends = app.Time.GetUtcNow().AddHours(10) });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var urgent = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 38.7m)));
        var alertId = urgent.GetProperty("id").GetGuid();

        app.Time.Advance(TimeSpan.FromMinutes(29));
        await EscalateAsync(app);
        Assert.Equal(JsonValueKindNull, Listed(await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100"), urgent).GetProperty("escalatedAt").ValueKind);
        app.Time.Advance(TimeSpan.FromMinutes(2));
        await EscalateAsync(app);
        await EscalateAsync(app);
        nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.NotEqual(JsonValueKindNull, Listed(await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100"), urgent).GetProperty("escalatedAt").ValueKind);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var reminder = Assert.Single(await db.Reminders.Where(r => r.Kind == ReminderKind.SymptomAlertEscalated && r.SubjectId == alertId).ToListAsync());
        Assert.Equal(onCall, reminder.RecipientUserId);
        Assert.Equal($"/triage/{alertId}", reminder.Link);
        Assert.NotNull(reminder.OutboxMessageId);
    }

    [Fact]
    public async Task AnAcknowledgedAlert_DoesNotEscalate()
    {
        await using var app = factory.Fresh();
        var (team, nurse) = await app.TeamWithNurseAsync();
        var urgent = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 38.7m)));
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsync($"/api/patients/{team.PatientId}/symptom-alerts/{urgent.GetProperty("id").GetGuid()}/acknowledge", null)).StatusCode);
        app.Time.Advance(TimeSpan.FromHours(2));
        await EscalateAsync(app);
        nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Equal(JsonValueKindNull, Listed(await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100"), urgent).GetProperty("escalatedAt").ValueKind);
    }

    [Fact]
    public async Task AGradeThreeReport_PromptsPharmacovigilance_UntilTheTeamRecordsTheDeclarationAndTheSuspectedDrug()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var urgent = Assert.Single(Alerts(await nurse.FeverAsync(team.PatientId, 38.7m)));
        var url = $"/api/patients/{team.PatientId}/symptom-alerts/{urgent.GetProperty("id").GetGuid()}";
        var prompt = (await nurse.GetJsonAsync(url)).GetProperty("pharmacovigilance");
        Assert.True(prompt.GetProperty("prompt").GetBoolean());
        Assert.StartsWith("https://signalement.", prompt.GetProperty("url").GetString(), StringComparison.Ordinal);

        var empty = await nurse.PostAsJsonAsync($"{url}/pharmacovigilance", new { suspectedDrug = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("suspectedDrug", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync($"{url}/pharmacovigilance", new { suspectedDrug = "Docétaxel" })).StatusCode);
        var declared = (await nurse.GetJsonAsync(url)).GetProperty("pharmacovigilance");
        Assert.False(declared.GetProperty("prompt").GetBoolean());
        Assert.Equal("Docétaxel", declared.GetProperty("suspectedDrug").GetString());
        Assert.NotEqual(JsonValueKindNull, declared.GetProperty("declaredAt").ValueKind);
        var again = await nurse.PostAsJsonAsync($"{url}/pharmacovigilance", new { suspectedDrug = "Docétaxel" });
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("pharmacovigilance", out _));
        Assert.Contains("write", await factory.AuditActionsAsync(team.PatientId, "symptom-alert-pharmacovigilance"));

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Nurse)).GetStringAsync($"/triage/{urgent.GetProperty("id").GetGuid()}"));
        Assert.Contains("Déclaration faite pour Docétaxel", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportBelowGradeThree_HasNoPharmacovigilancePrompt()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var response = await (await nurse.AnswerAsync(team.PatientId, "esas-r", Esas("1", ("pain", "8")))).JsonAsync();
        Assert.Equal(0, response.GetProperty("grade").GetInt32());
        var alert = Assert.Single(Alerts(response));
        var url = $"/api/patients/{team.PatientId}/symptom-alerts/{alert.GetProperty("id").GetGuid()}";
        Assert.Equal(JsonValueKindNull, (await nurse.GetJsonAsync(url)).GetProperty("pharmacovigilance").ValueKind);
        var refused = await nurse.PostAsJsonAsync($"{url}/pharmacovigilance", new { suspectedDrug = "Capécitabine" });
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("grade", out _));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static System.Text.Json.JsonElement Listed(System.Text.Json.JsonElement page, System.Text.Json.JsonElement alert) =>
        page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("alertId").GetGuid() == alert.GetProperty("id").GetGuid());
}

internal static class AuditRows
{
    public static async Task<List<string>> AuditActionsAsync(this RelaisFactory factory, Guid patientId, string resource)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.Where(a => a.PatientId == patientId && a.Resource == resource).Select(a => a.Action).ToListAsync();
    }
}

[Collection("sqlite")]
public sealed class TriageSqliteTests(SqliteRelaisFactory factory) : TriageTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class TriagePostgresTests(PostgresRelaisFactory factory) : TriageTests(factory), IClassFixture<PostgresRelaisFactory>;
