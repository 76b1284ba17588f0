using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Features.Coordination;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>Late transmissions, reminders, the team's worklist, the patient's and the team's threads, pharmacovigilance.</summary>
public abstract class WorklistTests(RelaisFactory factory)
{
    private static async Task<int> RemindersForAsync(RelaisFactory app, Guid transmissionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        await scope.ServiceProvider.GetRequiredService<Reminders>().ScanAsync();
        var recipients = db.TransmissionRecipients.Where(r => r.TransmissionId == transmissionId).Select(r => (Guid?)r.Id);
        return await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder && recipients.Contains(m.TransmissionRecipientId));
    }

    [Fact]
    public async Task AnUnacknowledgedTransmission_IsRemindedTheDayBefore_ThenEveryTwoDaysWhileLate_AndShowsLate()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var marie = await app.MarieDurandAsync();
        var sent = await (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c2", message = "Compte rendu complémentaire." })).JsonAsync();
        var id = sent.GetProperty("id").GetGuid();
        Assert.Equal(0, await RemindersForAsync(app, id));

        app.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        Assert.Equal(1, await RemindersForAsync(app, id));
        Assert.Equal(1, await RemindersForAsync(app, id));

        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await RemindersForAsync(app, id));
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await RemindersForAsync(app, id));
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, await RemindersForAsync(app, id));

        oncologist = await app.ClientAsAsync(Api.Oncologist);
        var late = await oncologist.GetJsonAsync("/api/transmissions/pending?lateOnly=true&pageSize=100");
        Assert.Contains(late.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == id && i.GetProperty("status").GetString() == "late");
        var nurse = await app.ClientAsAsync(Api.Nurse);
        var coordinatorView = await nurse.GetJsonAsync("/api/transmissions/pending?lateOnly=true&pageSize=100");
        Assert.Contains(coordinatorView.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == id);
        var gp = await app.ClientAsAsync(Api.Gp);
        var inbox = await gp.GetJsonAsync("/api/inbox?filter=late&pageSize=100");
        Assert.True(inbox.GetProperty("counts").GetProperty("late").GetInt32() >= 1);
        Assert.Contains(inbox.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()), i => i.GetProperty("transmissionId").GetGuid() == id);

        await gp.PostAsync($"/api/patients/{marie}/transmissions/{id}/acknowledge", null);
        app.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(3, await RemindersForAsync(app, id));
    }

    [Fact]
    public async Task AnObligationWithNobodyToReceiveIt_NeverBlocksCare_AndWaitsOnTheTeamsWorklist()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new { ins = Api.Ins("1550576123777"), birthName = "Sans", firstNames = "Médecin", birthDate = "1955-05-05", sex = "male" })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new { primarySite = "C61", initialPhase = "diagnosis-confirmed", diagnosisDate = "2026-11-20", openedOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, episode.StatusCode);
        var c4 = (await oncologist.GetJsonAsync($"/api/patients/{id}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c4");
        Assert.Equal(0, c4.GetProperty("recipients").GetArrayLength());
        var pending = await oncologist.GetJsonAsync("/api/transmissions/pending?pageSize=100");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == c4.GetProperty("id").GetGuid()
            && i.GetProperty("status").GetString() == "failed");
        // A deliberate send, though, must name someone.
        var manual = await oncologist.PostAsJsonAsync($"/api/patients/{id}/transmissions", new { obligation = "c1", message = "Résultat." });
        Assert.True((await manual.JsonAsync()).GetProperty("errors").TryGetProperty("recipients", out _));
    }

    [Fact]
    public async Task TheInboxIsGroupedByPatient_NewestFirst_AndPaged()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var page = await gp.GetJsonAsync("/api/inbox?pageSize=5");
        Assert.True(page.GetProperty("total").GetInt32() > 5, "the demo data holds pathology reports for Dr Dubois");
        var items = page.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(5, items.Count);
        var dates = items.Select(i => i.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        foreach (var group in page.GetProperty("groups").EnumerateArray())
            Assert.All(group.GetProperty("items").EnumerateArray(), i => Assert.Equal(group.GetProperty("patientId").GetGuid(), i.GetProperty("patientId").GetGuid()));
        foreach (var (filter, count) in new[] { ("unread", "unread"), ("to-acknowledge", "toAcknowledge"), ("late", "late") })
            Assert.Equal((await gp.GetJsonAsync($"/api/inbox?filter={filter}&pageSize=1")).GetProperty("total").GetInt32(), page.GetProperty("counts").GetProperty(count).GetInt32());
        var bad = await gp.GetAsync("/api/inbox?filter=nimporte");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Threads_CareTeamForProfessionals_PatientThreadWithThePatient_WithReadState()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var marie = await factory.MarieDurandAsync();

        Assert.Equal(HttpStatusCode.Created, (await gp.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "Je la vois jeudi pour le renouvellement." })).StatusCode);
        var unread = await oncologist.GetJsonAsync($"/api/patients/{marie}/messages?thread=care-team");
        Assert.True(unread.EnumerateArray().Last().GetProperty("unread").GetBoolean());
        var read = await oncologist.GetJsonAsync($"/api/patients/{marie}/messages?thread=care-team");
        Assert.False(read.EnumerateArray().Last().GetProperty("unread").GetBoolean());

        var refused = await patient.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "Bonjour" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await patient.GetAsync($"/api/patients/{marie}/messages?thread=care-team")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/patients/{marie}/messages", new { body = "J'ai une question sur mon traitement." })).StatusCode);
        var patientThread = await oncologist.GetJsonAsync($"/api/patients/{marie}/messages?thread=patient");
        Assert.Contains(patientThread.EnumerateArray(), m => m.GetProperty("body").GetString() == "J'ai une question sur mon traitement.");
        var empty = await gp.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "  " });
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task ASevereEventWithASuspectedDrug_PromptsPharmacovigilance_UntilDeclared()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var evt = await (await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new
        {
            kind = "between-cycles", description = "Neutropénie fébrile", occurredOn = "2026-11-22", grade = 4, suspectedDrug = "Docétaxel",
        })).JsonAsync();
        Assert.True(evt.GetProperty("pharmacovigilancePrompt").GetBoolean());
        Assert.StartsWith("https://", evt.GetProperty("pharmacovigilanceUrl").GetString());
        var id = evt.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await gp.PostAsync($"/api/patients/{marie}/events/{id}/pharmacovigilance", null)).StatusCode);
        var events = await gp.GetJsonAsync($"/api/patients/{marie}/events");
        var declared = events.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
        Assert.False(declared.GetProperty("pharmacovigilancePrompt").GetBoolean());

        var noGrade = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new { kind = "between-cycles", description = "Nausées", occurredOn = "2026-11-22" });
        Assert.True((await noGrade.JsonAsync()).GetProperty("errors").TryGetProperty("grade", out _));
        var badGrade = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new { kind = "between-cycles", description = "Nausées", occurredOn = "2026-11-22", grade = 6 });
        Assert.True((await badGrade.JsonAsync()).GetProperty("errors").TryGetProperty("grade", out _));
    }
}

[Collection("sqlite")]
public sealed class WorklistSqliteTests(SqliteRelaisFactory factory) : WorklistTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class WorklistPostgresTests(PostgresRelaisFactory factory) : WorklistTests(factory), IClassFixture<PostgresRelaisFactory>;
