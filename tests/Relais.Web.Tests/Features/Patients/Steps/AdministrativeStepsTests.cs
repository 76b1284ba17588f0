using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Patients.Steps;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.Steps;

/// <summary>
/// Issue 15 point 3, the administrative and social steps ([G] §1.4, §1.3, §2.7): the occupational-disease chain from the
/// systematic search to the patient's two-year deadline, the enteral-nutrition renewals from the hospital to the GP, the
/// work and social steps in the PPAC, the clinical trials on the record and in the programmes, each owner reminded once.
/// </summary>
public abstract class AdministrativeStepsTests(RelaisFactory factory)
{
    private async Task<int> RemindAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindSteps>().HandleAsync(CancellationToken.None);
    }

    private static async Task<JsonElement> StepsAsync(HttpClient client, Guid patientId) => await client.GetJsonAsync($"/api/patients/{patientId}/steps");

    [Fact]
    public async Task ALungCancer_CallsForTheSearch_ADoubtForTheCertificate_AndTheCertificateForThePatientsTwoYearDeadline()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        await An.Episode().Site("C34.1", "Lobe supérieur du poumon").DiagnosedOn(2026, 10, 5).CreateAsync(oncologist, patientId);

        var site = Assert.Single((await StepsAsync(oncologist, patientId)).GetProperty("occupationalSites").EnumerateArray());
        Assert.Contains("amiante", site.GetProperty("agents").GetString(), StringComparison.Ordinal);
        Assert.False(site.GetProperty("searched").GetBoolean());

        var search = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps", new { kind = "occupational-exposure-search", dueOn = "2026-12-15" })).JsonAsync();
        Assert.Equal("hospital-team", search.GetProperty("owner").GetString());
        var searched = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps/{search.GetProperty("id").GetGuid()}/done",
            new { doneOn = "2026-11-20", exposureSuspected = true, version = 1 });
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var certificate = (await searched.JsonAsync()).GetProperty("next");
        Assert.Equal("occupational-certificate", certificate.GetProperty("kind").GetString());
        Assert.Equal("gp", certificate.GetProperty("owner").GetString());
        Assert.Equal("2026-12-20", certificate.GetProperty("dueOn").GetString());

        var gp = await factory.ClientAsAsync(Api.Gp);
        var written = await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/steps/{certificate.GetProperty("id").GetGuid()}/done",
            new { doneOn = "2026-11-23", note = "Certificat médical initial remis au patient" })).JsonAsync();
        var declaration = written.GetProperty("next");
        Assert.Equal("occupational-declaration", declaration.GetProperty("kind").GetString());
        Assert.Equal("patient", declaration.GetProperty("owner").GetString());
        Assert.Equal("2028-11-22", declaration.GetProperty("dueOn").GetString());
        Assert.Equal("2028-08-24", declaration.GetProperty("remindOn").GetString());
        Assert.True(Assert.Single((await StepsAsync(gp, patientId)).GetProperty("occupationalSites").EnumerateArray()).GetProperty("searched").GetBoolean());

        // Done twice: the second is refused and nothing more is planned.
        var again = await gp.PostAsJsonAsync($"/api/patients/{patientId}/steps/{certificate.GetProperty("id").GetGuid()}/done", new { doneOn = "2026-11-23" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(3, (await StepsAsync(gp, patientId)).GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task EnteralNutrition_IsRenewedFirstByTheHospital_ThenByTheGp_EachReminded()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var first = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/enteral-nutrition", new { firstPrescriptionOn = "2026-11-12" })).JsonAsync();
        Assert.Equal("enteral-nutrition-first-renewal", first.GetProperty("kind").GetString());
        Assert.Equal("hospital-team", first.GetProperty("owner").GetString());
        Assert.Equal("2026-11-26", first.GetProperty("dueOn").GetString());

        // Due in three days: the hospital team is reminded, once (by this scan or the dispatcher's, whichever runs first).
        await RemindAsync();
        await RemindAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var id = first.GetProperty("id").GetGuid();
            var oncologistId = await db.Users.Where(u => u.Email == Api.Oncologist).Select(u => u.Id).SingleAsync();
            var reminder = Assert.Single(await db.Reminders.AsNoTracking().Where(r => r.SubjectId == id && r.RecipientUserId == oncologistId).ToListAsync());
            Assert.Equal(ReminderKind.AdministrativeStep, reminder.Kind);
        }
        var shown = (await oncologist.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "administrative-step");
        Assert.Contains("26/11/2026", shown.GetProperty("title").GetString(), StringComparison.Ordinal);

        var renewed = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps/{first.GetProperty("id").GetGuid()}/done", new { doneOn = "2026-11-23" })).JsonAsync();
        var byGp = renewed.GetProperty("next");
        Assert.Equal(("enteral-nutrition-renewal", "gp", "2027-02-23"), (byGp.GetProperty("kind").GetString(), byGp.GetProperty("owner").GetString(), byGp.GetProperty("dueOn").GetString()));
        var yearly = await (await (await factory.ClientAsAsync(Api.Gp)).PostAsJsonAsync($"/api/patients/{patientId}/steps/{byGp.GetProperty("id").GetGuid()}/done",
            new { doneOn = "2026-11-23" })).JsonAsync();
        Assert.Equal("2027-11-23", yearly.GetProperty("next").GetProperty("dueOn").GetString());
        // Once done, the reminder no longer shows.
        Assert.DoesNotContain((await oncologist.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("kind").GetString() == "administrative-step");
    }

    [Fact]
    public async Task TheGpsWorklist_HoldsTheStepsThatAreTheirs_DueWithinAMonthOrLate()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Démarches", "Odile").CreateAsync(oncologist);
        var soon = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps", new { kind = "sick-leave-end", dueOn = "2026-12-10" })).JsonAsync();
        var later = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps", new { kind = "invalidity", dueOn = "2027-06-01" })).JsonAsync();
        var late = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps", new { kind = "redeployment", dueOn = "2026-11-01" })).JsonAsync();

        var items = (await (await factory.ClientAsAsync(Api.Gp)).GetJsonAsync("/api/worklists/steps")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("patientId").GetGuid() == patientId).ToList();
        Assert.Equal([late.GetProperty("id").GetGuid(), soon.GetProperty("id").GetGuid()], items.Select(i => i.GetProperty("stepId").GetGuid()));
        Assert.True(items[0].GetProperty("late").GetBoolean());
        Assert.DoesNotContain(items, i => i.GetProperty("stepId").GetGuid() == later.GetProperty("id").GetGuid());
        // Paged: the count late is that of the whole list, whatever the page shows.
        var gp = await factory.ClientAsAsync(Api.Gp);
        var whole = await gp.GetJsonAsync("/api/worklists/steps?pageSize=100");
        var firstOnly = await gp.GetJsonAsync("/api/worklists/steps?pageSize=1");
        Assert.Single(firstOnly.GetProperty("items").EnumerateArray());
        Assert.Equal(whole.GetProperty("total").GetInt32(), firstOnly.GetProperty("total").GetInt32());
        Assert.Equal(whole.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("late").GetBoolean()), firstOnly.GetProperty("late").GetInt32());
        Assert.Equal(whole.GetProperty("items").EnumerateArray().Skip(1).First().GetProperty("stepId").GetGuid(),
            (await gp.GetJsonAsync("/api/worklists/steps?page=2&pageSize=1")).GetProperty("items")[0].GetProperty("stepId").GetGuid());
        Assert.DoesNotContain((await oncologist.GetJsonAsync("/api/worklists/steps")).GetProperty("items").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId);
        Assert.DoesNotContain((await (await factory.ClientAsAsync(Api.OtherGp)).GetJsonAsync("/api/worklists/steps")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("patientId").GetGuid() == patientId);
    }

    [Fact]
    public async Task ATrial_IsShownOnTheRecordAndInThePpac_WithTheWorkSteps_AndThePatientMayWithdraw()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var trial = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/trials",
            new { title = "Désescalade de l'hormonothérapie", registration = "NCT01234567", informedOn = "2026-11-02" })).JsonAsync();
        var id = trial.GetProperty("id").GetGuid();
        var early = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/trials/{id}/decision", new { decision = "consent", on = "2026-10-30", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("consentSignedOn", out _));
        var consented = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/trials/{id}/decision", new { decision = "consent", on = "2026-11-09", version = 1 })).JsonAsync();
        Assert.Equal("consented", consented.GetProperty("status").GetString());
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/steps", new { kind = "therapeutic-part-time", dueOn = "2027-01-04", note = "mi-temps trois mois" });

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Gp)).GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("Essai « Désescalade de l'hormonothérapie » : inclus(e), consentement signé le 09/11/2026", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);
        var ppac = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "ppac");
        var content = ppac.GetProperty("content");
        Assert.Contains("NCT01234567", Assert.Single(content.GetProperty("trials").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal("Temps partiel thérapeutique : échéance le 04/01/2027 (mi-temps trois mois)", Assert.Single(content.GetProperty("socialSteps").EnumerateArray()).GetString());

        var withdrawn = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/trials/{id}/withdrawal", new { withdrawnOn = "2026-11-23" })).JsonAsync();
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Gp)).GetStringAsync($"/patients/{patientId}"));
        Assert.DoesNotContain("Essai clinique en cours", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steps", """{"kind":"occupational-declaration","dueOn":"2027-01-01"}""", "kind")]
    [InlineData("steps", """{"kind":"invalidity"}""", "dueOn")]
    [InlineData("steps", """{"kind":"invalidity","dueOn":"2027-01-01","owner":"nobody"}""", "owner")]
    [InlineData("enteral-nutrition", """{"firstPrescriptionOn":"2027-01-01"}""", "firstPrescriptionOn")]
    [InlineData("trials", """{"informedOn":"2026-11-01"}""", "title")]
    [InlineData("trials", """{"title":"Essai","informedOn":"2026-12-01"}""", "informedOn")]
    public async Task BadInput_IsRefusedNamingTheField_AndNothingIsWritten(string path, string body, string field)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var response = await oncologist.PostAsync($"/api/patients/{patientId}/{path}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        var steps = await StepsAsync(oncologist, patientId);
        Assert.Equal(0, steps.GetProperty("steps").GetArrayLength() + steps.GetProperty("trials").GetArrayLength());
    }

    [Fact]
    public async Task AnOutsider_GetsNotFound_AndAGpCannotRecordATrial()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{patientId}/steps", new { kind = "invalidity", dueOn = "2027-01-01" })).StatusCode);
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.PostAsJsonAsync($"/api/patients/{patientId}/trials", new { title = "Essai", informedOn = "2026-11-01" })).StatusCode);
    }

    [Fact]
    public async Task ThePage_PlansAStep_AndMarksItDone()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        await An.Episode().Site("C67.2", "Paroi latérale de la vessie").DiagnosedOn(2026, 10, 5).CreateAsync(oncologist, patientId);
        var cookie = await factory.CookieClientAsync(Api.Gp);
        var page = WebUtility.HtmlDecode(await cookie.GetStringAsync($"/patients/{patientId}/demarches"));
        Assert.Contains("une exposition professionnelle doit être recherchée systématiquement — amines aromatiques", page, StringComparison.Ordinal);

        var url = $"/patients/{patientId}/demarches";
        await cookie.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "plan-step", ["__RequestVerificationToken"] = Token(page), ["Plan.Kind"] = "loan-insurance", ["Plan.DueOn"] = "2027-03-01", ["Plan.Note"] = "Prêt immobilier",
        }));
        var step = Assert.Single((await StepsAsync(oncologist, patientId)).GetProperty("steps").EnumerateArray());
        Assert.Equal(("loan-insurance", "patient"), (step.GetProperty("kind").GetString(), step.GetProperty("owner").GetString()));
        page = WebUtility.HtmlDecode(await cookie.GetStringAsync(url));
        Assert.Contains("Assurance d'un prêt (convention AERAS, droit à l'oubli)", page, StringComparison.Ordinal);
        await cookie.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"done-{step.GetProperty("id").GetGuid()}", ["__RequestVerificationToken"] = Token(page), ["Done.On"] = "2026-11-22",
        }));
        Assert.Equal("done", Assert.Single((await StepsAsync(oncologist, patientId)).GetProperty("steps").EnumerateArray()).GetProperty("status").GetString());
    }

    private static string Token(string page) => System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
}

[Collection("sqlite")]
public sealed class AdministrativeStepsSqliteTests(SqliteRelaisFactory factory) : AdministrativeStepsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AdministrativeStepsPostgresTests(PostgresRelaisFactory factory) : AdministrativeStepsTests(factory), IClassFixture<PostgresRelaisFactory>;
