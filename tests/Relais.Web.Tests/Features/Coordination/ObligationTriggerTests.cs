using Relais.Web.Features.Coordination;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Coordination;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>
/// Each obligation C1–C15 of PRODUCT.md §4: its trigger fires, and the transmission goes to the right
/// recipients with the right due time. Marie Durand (demo) has Dr Dubois as GP, a portal account and
/// a community pharmacist in her team.
/// </summary>
public abstract class ObligationTriggerTests(RelaisFactory factory)
{
    private static readonly Dictionary<string, int> DueDays = new()
    {
        ["c1"] = 7, ["c2"] = 3, ["c3"] = 7, ["c4"] = 2, ["c5"] = 7, ["c6"] = 2, ["c7"] = 7, ["c8"] = 2,
        ["c9"] = 1, ["c10"] = 7, ["c11"] = 7, ["c12"] = 7, ["c13"] = 3, ["c14"] = 7, ["c15"] = 2,
    };

    private static void AssertTransmission(JsonElement t, string code, params string[] recipientKinds)
    {
        Assert.Equal(code, t.GetProperty("obligation").GetString());
        var kinds = t.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Distinct().Order().ToArray();
        Assert.Equal(recipientKinds.Order().ToArray(), kinds);
        var created = t.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(created + TimeSpan.FromDays(DueDays[code]), t.GetProperty("dueAt").GetDateTimeOffset());
        foreach (var r in t.GetProperty("recipients").EnumerateArray())
            Assert.Equal(t.GetProperty("dueAt").GetDateTimeOffset(), r.GetProperty("dueAt").GetDateTimeOffset());
    }

    private static string[] RecipientNames(JsonElement t) =>
        t.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();

    [Theory]
    [InlineData("exam-result", "c1", new[] { "general-practitioner" })]
    [InlineData("pathology-report", "c2", new[] { "general-practitioner" })]
    [InlineData("pps", "c5", new[] { "general-practitioner", "patient" })]
    [InlineData("treatment-protocol", "c8", new[] { "general-practitioner", "pharmacist" })]
    [InlineData("ppac", "c11", new[] { "general-practitioner", "patient" })]
    [InlineData("follow-up-protocol", "c12", new[] { "general-practitioner" })]
    public async Task ASignedDocumentOfTheTeam_FiresItsObligation(string kind, string code, string[] recipients)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        await oncologist.UploadAsync(marie, kind, $"Document {code}");
        var t = await oncologist.TransmissionAsync(marie, code);
        AssertTransmission(t, code, recipients);
        Assert.Contains(RecipientNames(t), n => n.Contains("Dubois"));
    }

    [Fact]
    public async Task C3_AnExamOrderedByTheGp_GoesToTheSpecialistTeam()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        await gp.UploadAsync(marie, "exam-result", "Échographie prescrite par le médecin traitant");
        var t = await gp.TransmissionAsync(marie, "c3");
        AssertTransmission(t, "c3", "specialist-team");
        Assert.Contains(RecipientNames(t), n => n.Contains("Martin"));
        Assert.DoesNotContain(RecipientNames(t), n => n.Contains("Dubois"));
    }

    [Fact]
    public async Task C4_ConfirmingTheDiagnosis_AsksTheGpForTheContextBeforeTheAnnouncement_AndTheGpAnswers()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new
        {
            ins = Api.Ins("2660176123001"), birthName = "Caron", firstNames = "Agnès", birthDate = "1966-01-20", sex = "female", generalPractitionerId = gpId,
        })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new { primarySite = "C50.1", initialPhase = "suspicion", openedOn = "2026-11-10" })).JsonAsync();
        var step = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episode.GetProperty("id").GetGuid()}/transitions",
            new { to = "diagnosis-confirmed", occurredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        await oncologist.PutAsJsonAsync($"/api/patients/{id}/episodes/{episode.GetProperty("id").GetGuid()}", new { primarySite = "C50.1", diagnosisDate = "2026-11-20" });
        step = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episode.GetProperty("id").GetGuid()}/transitions",
            new { to = "diagnosis-confirmed", occurredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        AssertTransmission(await oncologist.TransmissionAsync(id, "c4"), "c4", "general-practitioner");

        var gp = await factory.ClientAsAsync(Api.Gp);
        var answer = await gp.PostAsJsonAsync($"/api/patients/{id}/transmissions", new { obligation = "c4", message = "Vit seule, aide à domicile à prévoir ; anxieuse." });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        AssertTransmission(await answer.JsonAsync(), "c4", "specialist-team");
    }

    [Fact]
    public async Task C6_CaseRegisteredForATumorBoard_InvitesTheGp()
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var marie = await factory.MarieDurandAsync();
        var response = await secretary.PostAsJsonAsync($"/api/patients/{marie}/transmissions",
            new { obligation = "c6", message = "Dossier inscrit à la RCP sein du 1er décembre 2026 : vous pouvez nous adresser vos informations." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertTransmission(await response.JsonAsync(), "c6", "general-practitioner");
    }

    [Fact]
    public async Task C7_TheTumorBoardReport_GoesToTheGpSystematically()
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var marie = await factory.MarieDurandAsync();
        await secretary.UploadAsync(marie, "tumor-board-report", "Compte rendu de RCP sein");
        AssertTransmission(await secretary.TransmissionAsync(marie, "c7"), "c7", "general-practitioner");
    }

    [Theory]
    [InlineData("between-cycles", "c9", 3, true)]
    [InlineData("during-follow-up", "c13", 2, false)]
    public async Task C9_C13_AnEventReportedByTheGp_GoesToTheTeam_UrgentFromGrade3(string kind, string code, int grade, bool urgent)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var response = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new
        {
            kind, description = "Fièvre à 39 °C avec frissons", occurredOn = "2026-11-22", grade, treatmentsGiven = "Paracétamol", suspectedDrug = "Capécitabine",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evt = await response.JsonAsync();
        Assert.Equal(urgent, evt.GetProperty("urgent").GetBoolean());
        Assert.Equal(urgent, evt.GetProperty("pharmacovigilancePrompt").GetBoolean());
        var t = await gp.GetJsonAsync($"/api/patients/{marie}/transmissions/{evt.GetProperty("transmissionId").GetGuid()}");
        AssertTransmission(t, code, "specialist-team");
        Assert.Equal(urgent, t.GetProperty("urgent").GetBoolean());
    }

    [Fact]
    public async Task C10_ASupportiveCareNeed_TravelsBothWays()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var fromGp = await gp.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "Fatigue importante : orientation vers l'activité physique adaptée ?" });
        AssertTransmission(await fromGp.JsonAsync(), "c10", "specialist-team");
        var fromTeam = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "Consultation diététique proposée." });
        AssertTransmission(await fromTeam.JsonAsync(), "c10", "general-practitioner");
    }

    [Fact]
    public async Task C14_ASuspectedRecurrence_CreatesTheTeamsReferralTask_WithItsDueDate()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var response = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new
        {
            kind = "suspected-recurrence", description = "Nodule palpable du sein controlatéral", occurredOn = "2026-11-21",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evt = await response.JsonAsync();
        var t = await gp.GetJsonAsync($"/api/patients/{marie}/transmissions/{evt.GetProperty("transmissionId").GetGuid()}");
        AssertTransmission(t, "c14", "specialist-team");
        Assert.True(t.GetProperty("urgent").GetBoolean());

        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var referrals = await oncologist.GetJsonAsync("/api/referrals");
        var referral = referrals.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == evt.GetProperty("referralId").GetGuid());
        var today = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(today.AddDays(7), DateOnly.Parse(referral.GetProperty("dueOn").GetString()!));
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsync($"/api/patients/{marie}/referrals/{referral.GetProperty("id").GetGuid()}/close", null)).StatusCode);
        Assert.DoesNotContain((await oncologist.GetJsonAsync("/api/referrals")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == referral.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task C15_ThePalliativePhase_InformsTheGp()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var timeline = await oncologist.GetJsonAsync($"/api/patients/{marie}/timeline");
        var episodeId = timeline[0].GetProperty("episodeId").GetGuid();
        var step = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/episodes/{episodeId}/transitions", new { to = "palliative", occurredOn = "2026-11-23" });
        Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        AssertTransmission(await oncologist.TransmissionAsync(marie, "c15"), "c15", "general-practitioner");
    }
}

[Collection("sqlite")]
public sealed class ObligationTriggerSqliteTests(SqliteRelaisFactory factory) : ObligationTriggerTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ObligationTriggerPostgresTests(PostgresRelaisFactory factory) : ObligationTriggerTests(factory), IClassFixture<PostgresRelaisFactory>;

/// <summary>Due delays are the catalogue's defaults unless an organisation sets its own (its own database: it changes a setting).</summary>
public abstract class ObligationSettingsTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnOrganisationCanSetItsOwnDelay()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var hospital = await db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.Hospital);
            db.ObligationSettings.Add(new ObligationSetting { Id = Guid.NewGuid(), OrganisationId = hospital.Id, Code = ObligationCode.C12, DueHours = 36 });
            await db.SaveChangesAsync();
        }
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        await oncologist.UploadAsync(marie, "follow-up-protocol", "Protocole de suivi");
        var t = await oncologist.TransmissionAsync(marie, "c12");
        Assert.Equal(t.GetProperty("createdAt").GetDateTimeOffset() + TimeSpan.FromHours(36), t.GetProperty("dueAt").GetDateTimeOffset());
    }
}

[Collection("sqlite")]
public sealed class ObligationSettingsSqliteTests(SqliteRelaisFactory factory) : ObligationSettingsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ObligationSettingsPostgresTests(PostgresRelaisFactory factory) : ObligationSettingsTests(factory), IClassFixture<PostgresRelaisFactory>;
