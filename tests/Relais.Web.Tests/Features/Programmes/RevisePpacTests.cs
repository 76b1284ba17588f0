using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Programmes;

/// <summary>
/// The PPAC that lives (issue 13 point 5): the warning signs, late complications and calendar in the PPAC, the GP's
/// proposals and agreement, a revision that is version 2 and a new C11; and the preview before any signature (issue 11).
/// </summary>
public abstract class RevisePpacTests(RelaisFactory factory)
{
    private async Task<(HttpClient Oncologist, Guid PatientId, Guid EpisodeId, JsonElement Ppac)> EndedAsync()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-10-15", protocol = "breast", horizonMonths = 24, lateComplications = "Lymphœdème du membre supérieur.",
        })).StatusCode);
        var ppac = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "ppac");
        return (oncologist, patientId, episodeId, ppac);
    }

    private static async Task<int> CountAsync(HttpClient client, Guid patientId, string obligation) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Count(t => t.GetProperty("obligation").GetString() == obligation);

    [Fact]
    public async Task ThePpac_CarriesTheWarningSignsAndCalendar_TheGpProposes_TheRevisionIsVersion2AndANewC11_ThenTheGpAgrees()
    {
        var (oncologist, patientId, _, ppac) = await EndedAsync();
        var after = ppac.GetProperty("content").GetProperty("afterCancer");
        Assert.Contains(after.GetProperty("warningSigns").EnumerateArray(), s => s.GetString()!.Contains("boule", StringComparison.Ordinal));
        Assert.Contains(after.GetProperty("earlyReturnCriteria").EnumerateArray(), s => s.GetString()!.Contains("CA 15-3", StringComparison.Ordinal));
        Assert.Equal("Lymphœdème du membre supérieur.", after.GetProperty("lateComplications").GetString());
        var html = WebUtility.HtmlDecode(await oncologist.GetStringAsync($"/api/patients/{patientId}/programmes/{ppac.GetProperty("id").GetGuid()}/document"));
        Assert.Contains("Les signes qui doivent vous faire consulter", html);
        Assert.Contains("Votre calendrier de suivi", html); // the HTML view shows the calendar too
        Assert.Contains("15/01/2027", html);
        Assert.Contains("AERAS", html);

        // The patient's GP proposes; another GP of the region may not.
        var ppacId = ppac.GetProperty("id").GetGuid();
        var gp = await factory.ClientAsAsync(Api.Gp);
        var proposed = await gp.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{ppacId}/proposals", new { text = "Ajouter une orientation vers l'activité physique adaptée." });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var otherGp = await factory.ClientAsAsync(Api.OtherGp);
        var refused = await otherGp.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{ppacId}/proposals", new { text = "x" });
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.True((await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{ppacId}/proposals", new { text = " " })).JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));

        // The preview is the document as it will be sent, and writes nothing.
        var body = new
        {
            previousVersionId = ppacId, supportiveCare = "Activité physique adaptée : bilan proposé.", lateComplications = "Lymphœdème du membre supérieur.",
            returnToWork = "Reprise à mi-temps en janvier.", therapeuticPartTime = true, insurance = "Prêt immobilier en projet : convention AERAS expliquée.",
        };
        var preview = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/ppac/preview", body);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Reprise à mi-temps en janvier.", previewed);
        Assert.Contains("Temps partiel thérapeutique", previewed);
        Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray(), p => p.GetProperty("kind").GetString() == "ppac");
        Assert.Equal(1, await CountAsync(oncologist, patientId, "c11"));

        // Signing needs a hospital physician: the GP, a member of the team, is refused by capability.
        var byGp = await gp.PostAsJsonAsync($"/api/patients/{patientId}/programmes/ppac", body);
        Assert.Equal(HttpStatusCode.Forbidden, byGp.StatusCode);
        Assert.Equal("sign-programme", (await byGp.JsonAsync()).GetProperty("capability").GetString());

        var revised = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/ppac", body);
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var v2 = await revised.JsonAsync();
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.True(v2.GetProperty("content").GetProperty("afterCancer").GetProperty("therapeuticPartTime").GetBoolean());
        Assert.Equal(2, await CountAsync(oncologist, patientId, "c11"));
        var pdf = await Pdf.TextAsync(await (await oncologist.GetAsync($"/api/patients/{patientId}/documents/{v2.GetProperty("documentId").GetGuid()}/content")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Reprise à mi-temps en janvier.", pdf);
        var proposals = await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes/proposals");
        Assert.Equal(v2.GetProperty("id").GetGuid(), Assert.Single(proposals.EnumerateArray()).GetProperty("answeredByProgrammeId").GetGuid());

        // A second revision of version 1 is refused (409); the GP agrees on version 2, not on the replaced one.
        Assert.Equal(HttpStatusCode.Conflict, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/ppac", body)).StatusCode);
        var v2Id = v2.GetProperty("id").GetGuid();
        Assert.True((await (await gp.PostAsync($"/api/patients/{patientId}/programmes/{ppacId}/gp-agreement", null)).JsonAsync()).GetProperty("errors").TryGetProperty("programmeId", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await gp.PostAsync($"/api/patients/{patientId}/programmes/{v2Id}/gp-agreement", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await gp.PostAsync($"/api/patients/{patientId}/programmes/{v2Id}/gp-agreement", null)).StatusCode);
        var agreed = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == v2Id);
        Assert.True(agreed.GetProperty("gpAgreed").GetBoolean());
    }

    [Fact]
    public async Task ThePpacPage_ShowsTheRevisionBeforeSigningIt_AndSignsOnlyWhatWasRead()
    {
        var (_, patientId, _, ppac) = await EndedAsync();
        var browser = await factory.CookieClientAsync(Api.Oncologist);
        var url = $"/patients/{patientId}/ppac";
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(url));
        Assert.Contains("Réviser le PPAC (version 2)", page);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "ppac-revise", ["__RequestVerificationToken"] = Token(page), ["Ppac.PreviousVersionId"] = ppac.GetProperty("id").GetGuid().ToString(),
            ["Ppac.ReturnToWork"] = "Reprise en février.", ["Ppac.LateComplications"] = "Lymphœdème du membre supérieur.",
        };

        var previewed = WebUtility.HtmlDecode(await (await browser.PostAsync(url, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.Contains("Confirmer : signer et transmettre", previewed);
        Assert.Contains("srcdoc=", previewed);
        Assert.Contains("Reprise en février.", previewed);
        Assert.Single((await browser.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray(), p => p.GetProperty("kind").GetString() == "ppac");
        var digest = Regex.Match(previewed, "name=\"Ppac.PreviewedDigest\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        Assert.NotEmpty(digest);

        // Changed after the preview: shown again, not signed.
        fields["Ppac.PreviewedDigest"] = digest;
        fields["__RequestVerificationToken"] = Token(previewed);
        var changed = new Dictionary<string, string>(fields) { ["Ppac.ReturnToWork"] = "Reprise en mars." };
        var again = WebUtility.HtmlDecode(await (await browser.PostAsync(url, new FormUrlEncodedContent(changed))).Content.ReadAsStringAsync());
        Assert.Contains("Reprise en mars.", again);
        Assert.Single((await browser.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray(), p => p.GetProperty("kind").GetString() == "ppac");

        var signed = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains("version=", signed.Headers.Location!.ToString());
        var v2 = (await browser.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "ppac" && p.GetProperty("version").GetInt32() == 2);
        Assert.Equal("Reprise en février.", v2.GetProperty("content").GetProperty("afterCancer").GetProperty("returnToWork").GetString());

        // The patient's GP sees his own actions on the page; the oncologist does not.
        Assert.DoesNotContain("Votre contribution de médecin traitant", WebUtility.HtmlDecode(await browser.GetStringAsync(url)));
        var gpBrowser = await factory.CookieClientAsync(Api.Gp);
        var gpPage = WebUtility.HtmlDecode(await gpBrowser.GetStringAsync(url));
        Assert.Contains("Votre contribution de médecin traitant", gpPage);
        Assert.Contains("Donner mon accord sur la version 2", gpPage);
        Assert.DoesNotContain("Réviser le PPAC", gpPage);
    }

    [Fact]
    public async Task ThePpsPreview_IsTheDocumentAsItWillBeSent_AndWritesNothing()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var preview = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps/preview", new
        {
            episodeId, phases = new[] { new { order = 1, kind = "chemotherapy", description = "Six cures de chimiothérapie adjuvante" } },
        });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Six cures de chimiothérapie adjuvante", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
        Assert.Equal(0, (await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes")).GetArrayLength());
        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps/preview", new { episodeId, phases = Array.Empty<object>() });
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("phases", out _));
    }

    private static string Token(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
}

[Collection("sqlite")]
public sealed class RevisePpacSqliteTests(SqliteRelaisFactory factory) : RevisePpacTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RevisePpacPostgresTests(PostgresRelaisFactory factory) : RevisePpacTests(factory), IClassFixture<PostgresRelaisFactory>;
