using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Symptoms.SymptomPatients;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>Issue 14, point 2: answers read by the validated questionnaire's rules, the patient told at once whom to call.</summary>
public abstract class RecordResponseTests(RelaisFactory factory)
{
    [Fact]
    public async Task Questionnaires_AreListed_AndReadInTheFhirShape()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var list = (await patient.GetJsonAsync("/api/questionnaires")).GetProperty("items").EnumerateArray().ToList();
        foreach (var code in new[] { Toxicity, "esas-r", "warning-signs-breast", "warning-signs-colorectal", "warning-signs-prostate", "warning-signs-lung" })
            Assert.Contains(list, q => q.GetProperty("code").GetString() == code && q.GetProperty("version").GetInt32() == 1 && q.GetProperty("title").GetString()!.Length > 0);

        var toxicity = await patient.GetJsonAsync($"/api/questionnaires/{Toxicity}");
        Assert.Equal("Questionnaire", toxicity.GetProperty("resourceType").GetString());
        Assert.Equal("active", toxicity.GetProperty("status").GetString());
        var items = toxicity.GetProperty("item").EnumerateArray().ToList();
        Assert.Equal("decimal", items.Single(i => i.GetProperty("linkId").GetString() == "temperature").GetProperty("type").GetString());
        var nausea = items.Single(i => i.GetProperty("linkId").GetString() == "nausea");
        Assert.Equal("choice", nausea.GetProperty("type").GetString());
        Assert.Equal(["Aucune", "Légère", "Modérée", "Sévère", "Très sévère"],
            nausea.GetProperty("answerOption").EnumerateArray().Select(o => o.GetProperty("valueCoding").GetProperty("display").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/api/questionnaires/unknown")).StatusCode);
    }

    [Fact]
    public async Task AFeverOf38_7_InOpeningHours_IsAnUrgentTriageAlert_ThePatientToldToCallTheUnit_AndTheGpCopied()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var answer = await nurse.FeverAsync(team.PatientId, 38.7m);

        var alert = Assert.Single(Alerts(answer));
        Assert.Equal("febrile-neutropenia-single", alert.GetProperty("rule").GetString());
        Assert.Equal("urgent", alert.GetProperty("severity").GetString());
        Assert.Equal("triage", alert.GetProperty("route").GetString());
        // Monday 10:00 in Paris: the unit is open, its number is given.
        Assert.Contains("02 35 00 00 00", alert.GetProperty("patientInstruction").GetString());
        Assert.Contains("neutropénie fébrile", alert.GetProperty("teamAction").GetString());
        Assert.Equal("unit", answer.GetProperty("call").GetProperty("kind").GetString());
        Assert.Contains("ne sont pas lues en permanence", answer.GetProperty("notWatched").GetString());
        Assert.Equal(3, answer.GetProperty("grade").GetInt32());

        // Grade 3: a copy to the GP through the outbox, a patient report of its own kind.
        Assert.True(answer.GetProperty("copiedToGp").GetBoolean());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var gpId = await db.Users.Where(u => u.Email == Api.Gp).Select(u => u.Id).SingleAsync();
        Assert.Single(await db.OutboxMessages.Where(m => m.PatientId == team.PatientId && m.Kind == OutboxKind.PatientReport && m.RecipientUserId == gpId).ToListAsync());
    }

    [Fact]
    public async Task AFeverOf38_2_IsNoAlert_ButTwoReadingsOf38_AnHourApart_Are()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        Assert.Empty(Alerts(await nurse.FeverAsync(team.PatientId, 38.2m)));
        var sustained = await (await nurse.AnswerAsync(team.PatientId, Toxicity, NoSymptoms(("temperature", 38.0m), ("temperature-second", 38.1m)))).JsonAsync();
        Assert.Equal("febrile-neutropenia-sustained", Assert.Single(Alerts(sustained)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task ABadAnswer_Is400_NamingTheLinkId_AndNothingIsRecorded()
    {
        var (team, nurse) = await factory.TeamWithNurseAsync();
        var tooHot = await nurse.AnswerAsync(team.PatientId, Toxicity, NoSymptoms(("temperature", 45)));
        Assert.Equal(HttpStatusCode.BadRequest, tooHot.StatusCode);
        Assert.True((await tooHot.JsonAsync()).GetProperty("errors").TryGetProperty("answers.temperature", out _));
        var unknownOption = await nurse.AnswerAsync(team.PatientId, Toxicity, NoSymptoms(("nausea", "7")));
        Assert.True((await unknownOption.JsonAsync()).GetProperty("errors").TryGetProperty("answers.nausea", out _));
        var missing = NoSymptoms();
        missing.Remove("chills");
        Assert.True((await (await nurse.AnswerAsync(team.PatientId, Toxicity, missing)).JsonAsync()).GetProperty("errors").TryGetProperty("answers.chills", out _));
        var unknownQuestionnaire = await nurse.AnswerAsync(team.PatientId, "nope", NoSymptoms());
        Assert.True((await unknownQuestionnaire.JsonAsync()).GetProperty("errors").TryGetProperty("questionnaire", out _));
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("patientId").GetGuid() == team.PatientId);
    }

    [Fact]
    public async Task AtNight_ThePatientIsToldToCallTheCentresOnCallNumber_OrThe15()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var (team, nurse) = await app.TeamWithNurseAsync();
        app.Time.Advance(TimeSpan.FromHours(13));
        nurse = await app.ClientAsAsync(Api.Nurse);
        var answer = await nurse.FeverAsync(team.PatientId, 38.7m);
        Assert.Equal("on-call", answer.GetProperty("call").GetProperty("kind").GetString());
        var instruction = Assert.Single(Alerts(answer)).GetProperty("patientInstruction").GetString();
        Assert.Contains("02 35 00 00 99", instruction);
        Assert.Contains("le 15", instruction);
    }

    [Fact]
    public async Task ThePatientAnswersOnTheOwnRecord_AWarningSignInSharedFollowUp_TakesTheEarlyReturnRoute()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var patientId = (await patient.GetJsonAsync("/api/me")).GetProperty("patientId").GetGuid();
        var response = await patient.AnswerAsync(patientId, "warning-signs-breast", new Dictionary<string, object> { ["lump"] = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = Assert.Single(Alerts(await response.JsonAsync()));
        Assert.Equal("early-return", alert.GetProperty("route").GetString());
        var earlyReturns = (await patient.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray();
        Assert.Contains(earlyReturns, a => a.GetProperty("id").GetGuid() == alert.GetProperty("id").GetGuid() && a.GetProperty("rule").GetString() == "clinical-criteria");
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/worklists/triage?pageSize=100")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("alertId").GetGuid() == alert.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnotherPatientsRecord_AnswersAsANonExistentOne()
    {
        var (team, _) = await factory.TeamWithNurseAsync();
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.AnswerAsync(team.PatientId, Toxicity, NoSymptoms())).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class RecordResponseSqliteTests(SqliteRelaisFactory factory) : RecordResponseTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordResponsePostgresTests(PostgresRelaisFactory factory) : RecordResponseTests(factory), IClassFixture<PostgresRelaisFactory>;
