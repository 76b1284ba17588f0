using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.Vaccination;

/// <summary>
/// Issue 15 point 3, the live-vaccine warning [G] §1.4: on the record during chemotherapy and at least 6 months after
/// its end, then until the oncology team lifts it — never by the calendar alone.
/// </summary>
public abstract class LiveVaccineWarningTests(RelaisFactory factory)
{
    /// <summary>A PPS whose chemotherapy started on 9 February 2026, written in the domain (its use case dates it today).</summary>
    public static async Task ChemotherapyStartedAsync(IServiceProvider services, Guid patientId, Guid episodeId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var clock = scope.ServiceProvider.GetRequiredService<Clock>();
        var oncologistId = await db.Users.Where(u => u.Email == Api.Oncologist).Select(u => u.Id).SingleAsync();
        var content = new ProgrammeContent(
            [new TreatmentPhase(1, TreatmentKind.Chemotherapy, "EC puis paclitaxel", new DateOnly(2026, 2, 9), null, null, null, null, null, null)],
            [], null, null, [new ProgrammeContact("Dr Claire Martin", "Oncologue", null, null)]);
        var pps = CareProgramme.Draft(patientId, episodeId, ProgrammeKind.Pps, null, content, oncologistId, clock.Now);
        pps.StartPhase(1, new DateOnly(2026, 2, 9), clock.Today);
        db.Programmes.Add(pps);
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> WarningAsync(HttpClient client, Guid patientId) =>
        await client.GetJsonAsync($"/api/patients/{patientId}/live-vaccine-warning");

    private static void AssertShown(JsonElement warning, string state)
    {
        Assert.True(warning.GetProperty("shown").GetBoolean());
        Assert.Equal(state, warning.GetProperty("state").GetString());
    }

    [Fact]
    public async Task DuringChemotherapy_ThenSixMonths_ThenUntilTheOncologistLiftsIt_NeverByTheCalendar()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var (oncologist, patientId, episodeId) = await app.PatientInTreatmentAsync();
        Assert.False((await WarningAsync(oncologist, patientId)).GetProperty("shown").GetBoolean());
        await ChemotherapyStartedAsync(app.Services, patientId, episodeId);
        var during = await WarningAsync(oncologist, patientId);
        AssertShown(during, "during-treatment");
        Assert.Equal(["Chimiothérapie"], during.GetProperty("treatments").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/live-vaccine-warning/lift", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24, continuingTreatments = Array.Empty<object>(),
        })).StatusCode);
        var after = await WarningAsync(oncologist, patientId);
        AssertShown(after, "within-six-months");
        Assert.Equal("2027-05-20", after.GetProperty("liftableFrom").GetString());

        // The day before six months after the end: still shown, and the lift is refused.
        app.Time.SetUtcNow(new DateTimeOffset(2027, 5, 19, 9, 0, 0, TimeSpan.Zero));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        AssertShown(await WarningAsync(oncologist, patientId), "within-six-months");
        var early = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/live-vaccine-warning/lift", new { });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("state", out _));

        // Six months and a year later: the calendar alone lifts nothing.
        app.Time.SetUtcNow(new DateTimeOffset(2027, 5, 20, 9, 0, 0, TimeSpan.Zero));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        AssertShown(await WarningAsync(oncologist, patientId), "until-lifted");
        app.Time.SetUtcNow(new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        var gp = await app.ClientAsAsync(Api.Gp);
        AssertShown(await WarningAsync(gp, patientId), "until-lifted");
        var gpPage = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Api.Gp)).GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("Vaccins vivants contre-indiqués", gpPage, StringComparison.Ordinal);

        // The GP may not lift it; the oncologist does, and who and when are kept.
        var refused = await gp.PostAsJsonAsync($"/api/patients/{patientId}/live-vaccine-warning/lift", new { note = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("lift-live-vaccine-warning", (await refused.JsonAsync()).GetProperty("capability").GetString());
        var lifted = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/live-vaccine-warning/lift", new { note = "Avis oncologique : vaccination possible" });
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        var body = await lifted.JsonAsync();
        Assert.False(body.GetProperty("shown").GetBoolean());
        Assert.Equal("lifted", body.GetProperty("state").GetString());
        Assert.Equal(new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero), body.GetProperty("lift").GetProperty("liftedAt").GetDateTimeOffset());
        Assert.Equal("lifted", (await WarningAsync(gp, patientId)).GetProperty("state").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.Resource == "live-vaccine-warning-lifted"));
    }

    [Fact]
    public async Task AnOutsider_GetsNotFound()
    {
        var (_, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await ChemotherapyStartedAsync(factory.Services, patientId, episodeId);
        var outsider = await factory.ClientAsAsync(Api.OtherGp);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/live-vaccine-warning")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{patientId}/live-vaccine-warning/lift", new { })).StatusCode);
    }

    [Fact]
    public async Task ThePatient_SeesTheWarningOnTheirPortal()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var patientId = (await patient.GetJsonAsync("/api/me")).GetProperty("patientId").GetGuid();
        var episodeId = (await patient.GetJsonAsync($"/api/patients/{patientId}/episodes")).EnumerateArray().First().GetProperty("id").GetGuid();
        await ChemotherapyStartedAsync(factory.Services, patientId, episodeId);

        Assert.True((await WarningAsync(patient, patientId)).GetProperty("shown").GetBoolean());
        var portal = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.PatientAccount)).GetStringAsync("/mon-dossier"));
        Assert.Contains("Vaccins vivants contre-indiqués", portal, StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class LiveVaccineWarningSqliteTests(SqliteRelaisFactory factory) : LiveVaccineWarningTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class LiveVaccineWarningPostgresTests(PostgresRelaisFactory factory) : LiveVaccineWarningTests(factory), IClassFixture<PostgresRelaisFactory>;
