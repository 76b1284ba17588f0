using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Portal;

/// <summary>
/// Issue 14 §3: results, documents and alerts reach the portal only once a clinician released them, or after the
/// announcement consultation; a held item is not even hinted at beyond one sentence — on the pages and the API, for
/// the patient and for a caregiver.
/// </summary>
public abstract class ReleaseToPortalTests(RelaisFactory factory)
{
    private static readonly string[] DocumentsOnly = ["documents"];
    private const string HeldSentence = "Un document vous sera présenté par votre équipe.";

    private static async Task<List<string>> TitlesAsync(HttpClient client, Guid patientId) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/documents")).EnumerateArray().Select(d => d.GetProperty("title").GetString()!).ToList();

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task APathologyReport_IsHeldFromThePatientAndTheCaregiver_UntilAClinicianReleasesIt()
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var title = $"Compte rendu d'examen {Guid.NewGuid():N}";
        var report = await oncologist.UploadAsync(marie, "exam-result", title, sign: false);
        var reportId = report.GetProperty("id").GetGuid();

        // The caregiver Marie delegates her documents to.
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var email = Accounts.NewEmail("aidant-release");
        var delegated = await (await patient.PostAsJsonAsync("/api/me/delegations", new { email, firstName = "Paul", lastName = "Durand", relationship = "fils", sections = DocumentsOnly })).JsonAsync();
        var key = await factory.CreateClient().ActivateAsync(await factory.MailedTokenAsync(delegated.GetProperty("caregiverId").GetGuid()));
        var caregiver = await factory.SignInWithTotpAsync(email, key);

        foreach (var reader in new[] { patient, caregiver })
        {
            Assert.DoesNotContain(title, await TitlesAsync(reader, marie));
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/patients/{marie}/documents/{reportId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/patients/{marie}/documents/{reportId}/content")).StatusCode);
            var fhir = await (await reader.GetAsync($"/fhir/DocumentReference?patient={marie}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(reportId.ToString(), fhir, StringComparison.OrdinalIgnoreCase);
        }
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.PatientAccount)).GetStringAsync($"/patients/{marie}"));
        Assert.DoesNotContain(title, page);
        Assert.Contains(HeldSentence, page);
        // The team sees it on its list, and the record as always.
        Assert.Contains(title, await TitlesAsync(oncologist, marie));
        var list = await oncologist.GetJsonAsync($"/api/patients/{marie}/portal-releases");
        Assert.Contains(list.GetProperty("held").EnumerateArray(), i => i.GetProperty("itemId").GetGuid() == reportId && i.GetProperty("kind").GetString() == "document");
        var teamPage = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients/{marie}/portail/a-communiquer"));
        Assert.Contains(title, teamPage);

        // The patient cannot release it to themselves, nor read the list.
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync($"/api/patients/{marie}/portal-releases", new { kind = "document", itemId = reportId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/api/patients/{marie}/portal-releases")).StatusCode);
        var bad = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/portal-releases", new { kind = "secret", itemId = reportId });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/portal-releases", new { kind = "document", itemId = Guid.NewGuid() })).StatusCode);

        var released = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/portal-releases", new { kind = "document", itemId = reportId });
        Assert.Equal(HttpStatusCode.Created, released.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/portal-releases", new { kind = "document", itemId = reportId })).StatusCode);
        foreach (var reader in new[] { patient, caregiver })
        {
            Assert.Contains(title, await TitlesAsync(reader, marie));
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/patients/{marie}/documents/{reportId}/content")).StatusCode);
        }
        var after = await oncologist.GetJsonAsync($"/api/patients/{marie}/portal-releases");
        Assert.DoesNotContain(after.GetProperty("held").EnumerateArray(), i => i.GetProperty("itemId").GetGuid() == reportId);
        var entry = Assert.Single(after.GetProperty("released").EnumerateArray(), i => i.GetProperty("itemId").GetGuid() == reportId);
        Assert.Equal("clinician", entry.GetProperty("basis").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("releasedBy").GetString()));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Relais.Web.Data.RelaisDb>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == marie && a.Resource == "portal-release" && a.Detail!.Contains(reportId.ToString())));
        }
    }

    [Fact]
    public async Task TheAnnouncementConsultation_ReleasesWhatWasKnownOnItsDay_AndThePpsIsThePatientsAtOnce()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var title = $"Compte rendu de biopsie {Guid.NewGuid():N}";
        var report = (await oncologist.UploadAsync(patientId, "pathology-report", title, sign: false)).GetProperty("id").GetGuid();
        var held = await oncologist.GetJsonAsync($"/api/patients/{patientId}/portal-releases");
        Assert.Contains(held.GetProperty("held").EnumerateArray(), i => i.GetProperty("itemId").GetGuid() == report);

        var today = DateOnly.FromDateTime(RelaisFactory.Start.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var medical = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/announcement/medical-time",
            new { on = today, explained = "Diagnostic, traitement proposé, bénéfices, effets indésirables." });
        Assert.True(medical.IsSuccessStatusCode, await medical.Content.ReadAsStringAsync());
        var after = await oncologist.GetJsonAsync($"/api/patients/{patientId}/portal-releases");
        Assert.DoesNotContain(after.GetProperty("held").EnumerateArray(), i => i.GetProperty("itemId").GetGuid() == report);
    }

    [Fact]
    public async Task AMarkerRiseAndItsAlert_AreHeldFromThePatient_UntilTheAlertIsReleased()
    {
        var marie = await factory.MarieDurandAsync();
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var gp = await factory.ClientAsAsync(Api.Gp);
        var before = (await patient.GetJsonAsync($"/api/patients/{marie}/alerts")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var teamBefore = (await oncologist.GetJsonAsync($"/api/patients/{marie}/alerts")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        // A result far above the last ones, from a laboratory of its own: an alert whatever Marie's series.
        var recorded = await (await gp.PostAsJsonAsync($"/api/patients/{marie}/observations",
            new { code = "ca15-3", value = 612.5m, unit = "U/mL", effective = "2026-11-22", laboratory = $"Laboratoire {Guid.NewGuid():N}" })).JsonAsync();
        var observationId = recorded.GetProperty("observation").GetProperty("id").GetGuid();
        var alerts = (await oncologist.GetJsonAsync($"/api/patients/{marie}/alerts")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("id").GetGuid()).Where(id => !teamBefore.Contains(id)).ToList();
        Assert.NotEmpty(alerts);

        var seen = (await patient.GetJsonAsync($"/api/patients/{marie}/alerts")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        Assert.DoesNotContain(alerts, seen.Contains);
        Assert.DoesNotContain((await patient.GetJsonAsync($"/api/patients/{marie}/observations")).EnumerateArray(), o => o.GetProperty("id").GetGuid() == observationId);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/fhir/Observation/{observationId}")).StatusCode);
        var carnet = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.PatientAccount)).GetStringAsync($"/patients/{marie}/suivi"));
        // The value as any culture writes it (not "612" alone: a GUID in the page may hold those digits).
        Assert.DoesNotContain("612,5", carnet);
        Assert.DoesNotContain("612.5", carnet);
        Assert.Contains(HeldSentence, carnet);

        foreach (var alert in alerts)
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/portal-releases", new { kind = "alert", itemId = alert })).StatusCode);
        var now = (await patient.GetJsonAsync($"/api/patients/{marie}/alerts")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        Assert.All(alerts, a => Assert.Contains(a, now));
        Assert.Contains((await patient.GetJsonAsync($"/api/patients/{marie}/observations")).EnumerateArray(), o => o.GetProperty("id").GetGuid() == observationId);
        Assert.True(before.IsSubsetOf(now));
    }
}

[Collection("sqlite")]
public sealed class ReleaseToPortalSqliteTests(SqliteRelaisFactory factory) : ReleaseToPortalTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ReleaseToPortalPostgresTests(PostgresRelaisFactory factory) : ReleaseToPortalTests(factory), IClassFixture<PostgresRelaisFactory>;
