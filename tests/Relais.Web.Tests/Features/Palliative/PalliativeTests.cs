using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Palliative;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.PalliativeCare;

/// <summary>
/// Palliative care and caregivers (issue 13 point 6, [G] §2.6): the symptom plan shared through C15, the urgent-care plan read by whoever
/// is called (audited), the HAD from request to admission by its coordinating physician, its renewal reminder, the caregivers and their rights.
/// </summary>
public abstract class PalliativeTests(RelaisFactory factory)
{
    private const string HadCoordinator = "medecin.had@relais.demo";
    private const string HadName = "HAD Seine-Maritime (démo)";

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<Guid> HadIdAsync(HttpClient client, Guid patientId) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/palliative")).GetProperty("hadStructures").EnumerateArray()
            .First(p => p.GetProperty("name").GetString() == HadName).GetProperty("id").GetGuid();

    private async Task<int> RemindAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindHadRenewal>().HandleAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TheTeamsPlan_ReachesTheGpThroughC15_AndTheUrgentPlanIsShownAndAudited()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Palliatif", "Agnès").CreateAsync(oncologist);
        var pain = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/palliative/symptom-plan",
            new { symptom = "pain", instructions = "Oxycodone 5 mg per os si EVA > 4, à renouveler après 1 h" });
        Assert.Equal(HttpStatusCode.Created, pain.StatusCode);
        Assert.Equal(1, (await pain.JsonAsync()).GetProperty("version").GetInt32());
        var revised = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/palliative/symptom-plan",
            new { symptom = "pain", instructions = "Oxycodone 10 mg per os si EVA > 4", version = 1 })).JsonAsync();
        Assert.Equal(2, revised.GetProperty("version").GetInt32());

        var urgent = await oncologist.PutAsJsonAsync($"/api/patients/{patientId}/palliative/urgent-plan", new
        {
            anticipatedPrescriptions = "Midazolam 2,5 mg SC si détresse respiratoire asphyxique",
            limit = "comfort-care-only", discussedOn = "2026-11-20", limitsNote = "Souhaite rester à domicile",
            advanceDirectives = true, advanceDirectivesOn = "2026-10-02", advanceDirectivesKeptAt = "Chez la patiente, tiroir de l'entrée",
        });
        Assert.Equal(HttpStatusCode.OK, urgent.StatusCode);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var seen = await gp.GetJsonAsync($"/api/patients/{patientId}/palliative");
        Assert.Equal("Oxycodone 10 mg per os si EVA > 4", Assert.Single(seen.GetProperty("symptomPlan").EnumerateArray()).GetProperty("instructions").GetString());
        var plan = seen.GetProperty("urgent");
        Assert.Equal(("comfort-care-only", true, "Chez la patiente, tiroir de l'entrée"), (plan.GetProperty("limit").GetString(),
            plan.GetProperty("advanceDirectives").GetBoolean(), plan.GetProperty("advanceDirectivesKeptAt").GetString()));
        // Both leave rights, with their source and its date.
        Assert.Equal(2, seen.GetProperty("leaveRights").GetArrayLength());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.Equal(2, await db.Transmissions.CountAsync(t => t.PatientId == patientId && t.Obligation == ObligationCode.C15));
        var gpId = await db.Users.Where(u => u.Email == Api.Gp).Select(u => u.Id).SingleAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.ActorId == gpId && a.Resource == PalliativeQuery.UrgentResource && a.Action == "read"));

        // The patient page shows the panel at the top; the printable sheet holds it too.
        var cookie = await factory.CookieClientAsync(Api.Gp);
        var page = WebUtility.HtmlDecode(await cookie.GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("Conduite à tenir en urgence", page, StringComparison.Ordinal);
        Assert.Contains("Soins de confort exclusivement", page, StringComparison.Ordinal);
        Assert.Contains("Midazolam 2,5 mg SC", page, StringComparison.Ordinal);
        var sheet = WebUtility.HtmlDecode(await cookie.GetStringAsync($"/patients/{patientId}/palliatif/fiche-urgence"));
        Assert.Contains("Oxycodone 10 mg per os si EVA > 4", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOnCallGp_ReadsTheUrgentPlan_ThroughBreakTheGlass_Audited()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Garde", "Bernard").CreateAsync(oncologist);
        await oncologist.PutAsJsonAsync($"/api/patients/{patientId}/palliative/urgent-plan", new { limit = "no-resuscitation", discussedOn = "2026-11-21" });
        var onCall = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await onCall.GetAsync($"/api/patients/{patientId}/palliative/urgent-plan")).StatusCode);
        var opened = await onCall.PostAsJsonAsync("/api/break-glass", new { patientId, reason = "Appel de nuit, médecin de garde, patient en détresse" });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var plan = await onCall.GetJsonAsync($"/api/patients/{patientId}/palliative/urgent-plan");
        Assert.Equal("Pas de réanimation cardio-respiratoire", plan.GetProperty("limitLabel").GetString());
        // Break-the-glass reads, never writes.
        Assert.Equal(HttpStatusCode.Forbidden, (await onCall.PostAsJsonAsync($"/api/patients/{patientId}/palliative/symptom-plan", new { symptom = "pain", instructions = "x" })).StatusCode);
    }

    [Fact]
    public async Task TheHad_IsRequested_AdmittedByItsCoordinator_RemindedBeforeItsEnd_AndRenewed()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Domicile", "Yvonne").CreateAsync(oncologist);
        var providerId = await HadIdAsync(oncologist, patientId);
        var coordinator = await factory.ClientAsAsync(HadCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/patients/{patientId}/palliative")).StatusCode);

        // The hospital physician prescribes only with the GP's agreement.
        var without = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had",
            new { providerId, agreement = "patient", agreementOn = "2026-11-23", days = 3, project = "Soins palliatifs, douleur" });
        await AssertProblemAsync(without, "gpAgreementOn");
        var requested = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had",
            new { providerId, gpAgreementOn = "2026-11-22", agreement = "patient-and-family", agreementOn = "2026-11-23", days = 3, project = "Soins palliatifs, douleur" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var stay = await requested.JsonAsync();
        Assert.Equal(("requested", "hospital-physician"), (stay.GetProperty("status").GetString(), stay.GetProperty("prescriber").GetString()));
        var stayId = stay.GetProperty("id").GetGuid();

        // The GP cannot admit; the HAD's coordinating physician sees the request and admits.
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had/{stayId}/decision",
            new { decision = "admit", from = "2026-11-23", assessment = "x" })).StatusCode);
        var listed = (await coordinator.GetJsonAsync("/api/had/stays")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("stayId").GetGuid() == stayId);
        Assert.Equal("requested", listed.GetProperty("status").GetString());
        var admitted = await coordinator.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had/{stayId}/decision",
            new { decision = "admit", from = "2026-11-23", assessment = "Domicile adapté, fille présente", version = 1 });
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        var running = await admitted.JsonAsync();
        Assert.Equal(("admitted", "2026-11-25", "2026-11-22"), (running.GetProperty("status").GetString(), running.GetProperty("stayUntil").GetString(), running.GetProperty("remindOn").GetString()));

        // Three days before the end: the GP and the requesting physician are reminded, once.
        await RemindAsync();
        await RemindAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var reminders = await db.Reminders.AsNoTracking().Where(r => r.SubjectId == stayId).ToListAsync();
            Assert.Equal(2, reminders.Count);
            Assert.All(reminders, r => Assert.Equal((ReminderKind.HadRenewal, 0), (r.Kind, r.Occurrence)));
        }
        var shown = (await gp.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "had-renewal");
        Assert.Contains("25/11/2026", shown.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The GP renews for 10 days from the end: the reminder is done, and a new one is set.
        var tooLong = await gp.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had/{stayId}/renewal", new { agreement = "patient", agreementOn = "2026-11-23", days = 21 });
        await AssertProblemAsync(tooLong, "days");
        var renewed = await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had/{stayId}/renewal",
            new { agreement = "patient", agreementOn = "2026-11-23", days = 10 })).JsonAsync();
        Assert.Equal(("2026-12-05", 1, "general-practitioner"), (renewed.GetProperty("stayUntil").GetString(), renewed.GetProperty("renewals").GetInt32(), renewed.GetProperty("prescriber").GetString()));
        Assert.DoesNotContain((await gp.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray(), r => r.GetProperty("kind").GetString() == "had-renewal");

        // The end closes the HAD's access.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had/{stayId}/end", new { endedOn = "2026-11-23" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/patients/{patientId}/palliative")).StatusCode);
    }

    [Theory]
    [InlineData("symptom-plan", """{"symptom":"hiccups","instructions":"x"}""", "symptom")]
    [InlineData("symptom-plan", """{"symptom":"pain"}""", "instructions")]
    [InlineData("caregivers", """{"name":"Anne Durand","relationship":"fille"}""", "phone")]
    [InlineData("caregivers", """{"relationship":"fille","phone":"0600000000"}""", "name")]
    [InlineData("had", """{"agreement":"patient","agreementOn":"2026-11-23","days":5,"project":"Soins"}""", "providerId")]
    public async Task BadInput_IsRefusedNamingTheField(string path, string body, string field)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        await AssertProblemAsync(await gp.PostAsync($"/api/patients/{patientId}/palliative/{path}", Json(body)), field);
        var part = await gp.GetJsonAsync($"/api/patients/{patientId}/palliative");
        Assert.Equal(0, part.GetProperty("symptomPlan").GetArrayLength() + part.GetProperty("caregivers").GetArrayLength() + part.GetProperty("had").GetArrayLength());
    }

    [Theory]
    [InlineData(0, "days")]
    [InlineData(21, "days")]
    public async Task AnHadOutsideOneToTwentyDays_IsRefused(int days, string field)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var patientId = await A.Patient().CreateAsync(await factory.ClientAsAsync(Api.Oncologist));
        var providerId = await HadIdAsync(gp, patientId);
        await AssertProblemAsync(await gp.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had",
            new { providerId, agreement = "family", agreementOn = "2026-11-23", days, project = "Soins palliatifs" }), field);
        await AssertProblemAsync(await gp.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had",
            new { providerId, agreementOn = "2026-11-23", days = 5, project = "Soins palliatifs" }), "agreement");
    }

    [Fact]
    public async Task AnOutsider_GetsNotFound_AndASupportiveCareAccountOutsideThePalliativeTeams_Nothing()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/palliative")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{patientId}/palliative/caregivers",
            new { name = "X", relationship = "ami", phone = "0600000000" })).StatusCode);
        var psychologist = await factory.ClientAsAsync("psychologue@relais.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.GetAsync($"/api/patients/{patientId}/palliative")).StatusCode);
        // A nurse coordinator outside the care team: not found either.
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/palliative/had", new { days = 5 })).StatusCode);
    }

    [Fact]
    public async Task ThePage_AddsACaregiver_AndShowsTheLeaveRights()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var cookie = await factory.CookieClientAsync(Api.Gp);
        var url = $"/patients/{patientId}/palliatif";
        var page = WebUtility.HtmlDecode(await cookie.GetStringAsync(url));
        Assert.Contains("Allocation journalière du proche aidant (AJPA)", page, StringComparison.Ordinal);
        Assert.Contains("3 mois, renouvelable une fois", page, StringComparison.Ordinal);
        Assert.Contains("vérifiée le 30/11/2026", page, StringComparison.Ordinal);
        var posted = await cookie.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "caregiver", ["__RequestVerificationToken"] = Token(page), ["Carer.Name"] = "Paul Aidant", ["Carer.Relationship"] = "fils",
            ["Carer.Phone"] = "06 12 34 56 78", ["Carer.Trusted"] = "true",
        }));
        Assert.True(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.Redirect, posted.StatusCode.ToString());
        var carer = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/palliative")).GetProperty("caregivers").EnumerateArray());
        Assert.Equal(("Paul Aidant", true), (carer.GetProperty("name").GetString(), carer.GetProperty("isTrustedPerson").GetBoolean()));
        page = WebUtility.HtmlDecode(await cookie.GetStringAsync(url));
        Assert.Contains("Paul Aidant", page, StringComparison.Ordinal);
        // A form posted with a bad field says which.
        var bad = WebUtility.HtmlDecode(await (await cookie.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "caregiver", ["__RequestVerificationToken"] = Token(page), ["Carer.Name"] = "Sans Contact", ["Carer.Relationship"] = "ami",
        }))).Content.ReadAsStringAsync());
        Assert.Contains("Donnez au moins un moyen de joindre l'aidant", bad, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    private static string Token(string page) => System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
}

[Collection("sqlite")]
public sealed class PalliativeSqliteTests(SqliteRelaisFactory factory) : PalliativeTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PalliativePostgresTests(PostgresRelaisFactory factory) : PalliativeTests(factory), IClassFixture<PostgresRelaisFactory>;
