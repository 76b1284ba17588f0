using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.ContinuingTreatments;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>
/// Treatments that continue after the end of active treatment (issue 16 point 1) and the monitoring modules they add
/// to the carnet (point 2): recorded at the end of treatment or later, reported on by the patient, the GP or the
/// pharmacist — an intolerance or a stop is an early return [B] —, stopped, and the PPAC re-issued with each change.
/// </summary>
public abstract class ContinuingTreatmentsTests(RelaisFactory factory)
{
    private static object Letrozole(string startedOn = "2026-11-20") =>
        new { drug = "Létrozole", @class = "aromatase-inhibitor", startedOn, plannedMonths = 60, prescriber = "Dr Claire Martin" };

    private static List<JsonElement> Items(JsonElement carnet) => [.. carnet.GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> PpacInForceAsync(HttpClient client, Guid patientId) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "ppac").OrderByDescending(p => p.GetProperty("version").GetInt32()).First();

    private static async Task<List<Guid>> C14IdsAsync(HttpClient client, Guid patientId) =>
        [.. (await client.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray()
            .Where(t => t.GetProperty("obligation").GetString() == "c14").Select(t => t.GetProperty("id").GetGuid())];

    [Fact]
    public async Task EndOfTreatment_WithLetrozoleForFiveYears_PlansTheBoneModule_NamesItInTheCarnet_AndThePpacCarriesTheTreatment()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();

        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24, continuingTreatments = new[] { Letrozole() },
        });

        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        Assert.Single((await ended.JsonAsync()).GetProperty("continuingTreatmentIds").EnumerateArray());
        var carnet = await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet");
        var bone = Items(carnet).Where(i => i.GetProperty("kind").GetString() == "bone-densitometry").ToList();
        // The module's months 1, 24 and 48 from the start (20 November 2026), within the five planned years.
        Assert.Equal(["2026-12-20", "2028-11-20", "2030-11-20"], bone.Select(i => i.GetProperty("due").GetString()));
        Assert.All(bone, i =>
        {
            Assert.Equal("module-aromatase-inhibitor", i.GetProperty("module").GetString());
            Assert.Equal(1, i.GetProperty("moduleVersion").GetInt32());
            Assert.Equal("Suivi osseux sous inhibiteur de l'aromatase", i.GetProperty("moduleTitle").GetString());
        });
        Assert.All(Items(carnet).Where(i => i.GetProperty("kind").GetString() != "bone-densitometry"), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("module").ValueKind));

        var treatment = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/continuing-treatments")).EnumerateArray());
        Assert.Equal("2031-11-20", treatment.GetProperty("plannedStopOn").GetString());
        Assert.Equal("module-aromatase-inhibitor", treatment.GetProperty("module").GetString());
        var ppac = await PpacInForceAsync(oncologist, patientId);
        Assert.Contains(ppac.GetProperty("content").GetProperty("afterCancer").GetProperty("continuingTreatments").EnumerateArray(),
            l => l.GetString()!.StartsWith("Létrozole (inhibiteur de l'aromatase)", StringComparison.Ordinal) && l.GetString()!.Contains("arrêt prévu le 20/11/2031", StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients/{patientId}/suivi"));
        Assert.Contains("module : Suivi osseux sous inhibiteur de l'aromatase (version 1)", page);
    }

    [Fact]
    public async Task TheGp_ReportsMissedDoses_NothingIsRaised_ThenAnIntolerance_IsAnEarlyReturnC14()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var ended = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24, continuingTreatments = new[] { Letrozole() },
        })).JsonAsync();
        var treatmentId = ended.GetProperty("continuingTreatmentIds")[0].GetGuid();
        var gp = await factory.ClientAsAsync(Api.Gp);

        var missed = await gp.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/reports", new { adherence = "doses-missed", sideEffects = "Bouffées de chaleur" });
        Assert.Equal(HttpStatusCode.Created, missed.StatusCode);
        var missedReport = await missed.JsonAsync();
        Assert.False(missedReport.GetProperty("earlyReturn").GetBoolean());
        Assert.Equal("general-practitioner", missedReport.GetProperty("reporter").GetString());
        Assert.DoesNotContain((await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray(), t => t.GetProperty("obligation").GetString() == "c14");

        var noEffects = await gp.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/reports", new { adherence = "as-prescribed", intolerance = true });
        Assert.Equal(HttpStatusCode.BadRequest, noEffects.StatusCode);
        Assert.True((await noEffects.JsonAsync()).GetProperty("errors").TryGetProperty("sideEffects", out _));

        var intolerance = await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/reports",
            new { adherence = "as-prescribed", sideEffects = "Arthralgies invalidantes", intolerance = true })).JsonAsync();
        Assert.True(intolerance.GetProperty("earlyReturn").GetBoolean());
        var alertId = intolerance.GetProperty("alertId").GetGuid();
        var alert = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == alertId);
        Assert.Contains("Létrozole", alert.GetProperty("explanation").GetString());
        var c14 = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray(), t => t.GetProperty("obligation").GetString() == "c14");
        Assert.True(c14.GetProperty("urgent").GetBoolean());
        var reports = Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/continuing-treatments")).EnumerateArray()).GetProperty("reports");
        Assert.Equal(2, reports.GetArrayLength());
    }

    [Fact]
    public async Task ThePatient_ReportsStoppingForJointPain_TheTeamQueueHasTheSignal_TheGpIsCopied_TheStopReissuesThePpac()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var patientId = (await patient.GetJsonAsync("/api/me")).GetProperty("patientId").GetGuid();
        var before = (await PpacInForceAsync(oncologist, patientId)).GetProperty("version").GetInt32();

        // Recorded after the end of treatment: a new PPAC version, the module in the carnet.
        var recorded = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments", Letrozole("2026-11-23"));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var body = await recorded.JsonAsync();
        Assert.Equal("module-aromatase-inhibitor", body.GetProperty("module").GetString());
        Assert.Equal(before + 1, body.GetProperty("ppacVersion").GetInt32());
        var treatmentId = body.GetProperty("id").GetGuid();

        var c14Before = await C14IdsAsync(oncologist, patientId);
        var reported = await patient.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/reports",
            new { adherence = "stopped", sideEffects = "Douleurs articulaires des mains", observedOn = "2026-11-23" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var report = await reported.JsonAsync();
        Assert.Equal("patient", report.GetProperty("reporter").GetString());
        Assert.True(report.GetProperty("earlyReturn").GetBoolean());
        var alertId = report.GetProperty("alertId").GetGuid();
        var alert = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == alertId);
        Assert.Contains("Douleurs articulaires des mains", alert.GetProperty("explanation").GetString());
        var transmissionId = Assert.Single((await C14IdsAsync(oncologist, patientId)).Except(c14Before));
        var c14 = await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions/{transmissionId}");
        Assert.Equal("c14", c14.GetProperty("obligation").GetString());
        Assert.Contains(c14.GetProperty("recipients").EnumerateArray(), r => r.GetProperty("kind").GetString() == "general-practitioner-copy");
        Assert.Contains(c14.GetProperty("recipients").EnumerateArray(), r => r.GetProperty("kind").GetString() == "specialist-team");
        Assert.Contains((await oncologist.GetJsonAsync("/api/team-queue")).GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);

        // The patient may not record or stop a treatment; the stop by the oncologist re-issues the PPAC.
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/stop",
            new { stoppedOn = "2026-11-23", reason = "x" })).StatusCode);
        var stale = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/stop",
            new { stoppedOn = "2026-11-23", reason = "Arthralgies", revision = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stopped = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments/{treatmentId}/stop",
            new { stoppedOn = "2026-11-23", reason = "Arthralgies sous létrozole", revision = 0 });
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var stop = await stopped.JsonAsync();
        Assert.Equal(before + 2, stop.GetProperty("ppacVersion").GetInt32());
        // The bone module watched the drug while it was taken: its items after the stop are cancelled.
        Assert.Equal(3, stop.GetProperty("cancelledItems").GetInt32());
        var ppac = await PpacInForceAsync(oncologist, patientId);
        Assert.Contains(ppac.GetProperty("content").GetProperty("afterCancer").GetProperty("continuingTreatments").EnumerateArray(),
            l => l.GetString()!.Contains("arrêté le 23/11/2026 : Arthralgies sous létrozole", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recording_AsksTheCapability_AValidClass_AndFollowUp_AndAModuleIsNotTheCancersProtocol()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var beforeFollowUp = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments", Letrozole());
        Assert.True((await beforeFollowUp.JsonAsync()).GetProperty("errors").TryGetProperty("patientId", out _));
        var module = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-11-20", protocol = "module-tamoxifen" });
        Assert.True((await module.JsonAsync()).GetProperty("errors").TryGetProperty("protocol", out _));
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 12 })).StatusCode);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var byGp = await gp.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments", Letrozole());
        Assert.Equal(HttpStatusCode.Forbidden, byGp.StatusCode);
        Assert.Equal("record-continuing-treatment", (await byGp.JsonAsync()).GetProperty("capability").GetString());
        var unknownClass = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments",
            new { drug = "Létrozole", @class = "hormone", startedOn = "2026-11-20", prescriber = "Dr Martin" });
        Assert.True((await unknownClass.JsonAsync()).GetProperty("errors").TryGetProperty("class", out _));
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/continuing-treatments")).StatusCode);

        // Androgen deprivation adds no module: no carnet item, the PPAC is re-issued all the same.
        var adt = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments",
            new { drug = "Leuproréline", @class = "androgen-deprivation", startedOn = "2026-11-20", plannedMonths = 24, prescriber = "Dr Martin" })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, adt.GetProperty("module").ValueKind);
        Assert.Equal(0, adt.GetProperty("items").GetInt32());
        Assert.Equal(2, adt.GetProperty("ppacVersion").GetInt32());
    }

    [Fact]
    public async Task ThePlannedStopDate_IsRemindedToTheGpAndTheReferringPhysician_Once()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 12 });
        // Twelve months from 10 December 2025: the stop falls on 10 December 2026, within 30 days of 23 November.
        var soon = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments",
            new { drug = "Trastuzumab", @class = "other", startedOn = "2025-12-10", plannedMonths = 12, prescriber = "Dr Martin" })).JsonAsync();
        var later = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/continuing-treatments",
            new { drug = "Tamoxifène", @class = "other", startedOn = "2026-11-20", plannedMonths = 60, prescriber = "Dr Martin" })).JsonAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindPlannedStops>().HandleAsync(default);
        await scope.ServiceProvider.GetRequiredService<RemindPlannedStops>().HandleAsync(default);

        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var soonId = soon.GetProperty("id").GetGuid();
        var reminded = await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.TreatmentPlannedStop && r.SubjectId == soonId).Select(r => r.RecipientUserId).ToListAsync();
        var gpId = await db.Users.Where(u => u.Email == Api.Gp).Select(u => u.Id).SingleAsync();
        var oncologistId = await db.Users.Where(u => u.Email == Api.Oncologist).Select(u => u.Id).SingleAsync();
        Assert.Equal(new[] { gpId, oncologistId }.Order(), reminded.Order());
        var laterId = later.GetProperty("id").GetGuid();
        Assert.False(await db.Reminders.AnyAsync(r => r.SubjectId == laterId));
        Assert.DoesNotContain("Trastuzumab", (await db.Reminders.AsNoTracking().FirstAsync(r => r.SubjectId == soonId)).Title, StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class ContinuingTreatmentsSqliteTests(SqliteRelaisFactory factory) : ContinuingTreatmentsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ContinuingTreatmentsPostgresTests(PostgresRelaisFactory factory) : ContinuingTreatmentsTests(factory), IClassFixture<PostgresRelaisFactory>;
