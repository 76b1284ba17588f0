using System.Net;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>Issue 14 §3: the carnet printable with English labels as well, the content as written, the French document the reference; a link from the portal.</summary>
public abstract class PrintCarnetTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheCarnet_PrintsInFrench_AndWithEnglishLabels_TheFrenchDocumentBeingTheReference()
    {
        var marie = await factory.MarieDurandAsync();
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var url = $"/api/patients/{marie}/carnet/document";

        var english = WebUtility.HtmlDecode(await patient.GetStringAsync($"{url}?lang=en"));
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Alternating surveillance notebook", english, StringComparison.Ordinal);
        Assert.Contains("Year 1 after the end of treatment", english, StringComparison.Ordinal);
        Assert.Contains("Clinical examination", english, StringComparison.Ordinal);
        Assert.Contains("End of active treatment (D0)", english, StringComparison.Ordinal);
        Assert.Contains("The French document is the reference.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Examen clinique", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Année 1 après la fin du traitement", english, StringComparison.Ordinal);

        var french = WebUtility.HtmlDecode(await patient.GetStringAsync($"{url}?lang=fr"));
        Assert.Contains("lang=\"fr\"", french, StringComparison.Ordinal);
        Assert.Contains("Carnet de surveillance alternée", french, StringComparison.Ordinal);
        Assert.Contains("Année 1 après la fin du traitement", french, StringComparison.Ordinal);
        Assert.Contains("Examen clinique", french, StringComparison.Ordinal);
        Assert.DoesNotContain("The French document is the reference.", french, StringComparison.Ordinal);

        var bad = await patient.GetAsync($"{url}?lang=de");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task ThePortal_LinksToThePrintWithEnglishLabels_AndTheCarnetPageOffersBothPrints()
    {
        var marie = await factory.MarieDurandAsync();
        var cookie = await factory.CookieClientAsync(Api.PatientAccount);
        var portal = WebUtility.HtmlDecode(await cookie.GetStringAsync("/mon-dossier"));
        Assert.Contains($"/api/patients/{marie}/carnet/document?lang=en", portal, StringComparison.Ordinal);
        Assert.Contains("Mon carnet à imprimer avec les intitulés en anglais (le document français fait foi)", portal, StringComparison.Ordinal);
        var carnet = WebUtility.HtmlDecode(await cookie.GetStringAsync($"/patients/{marie}/suivi"));
        Assert.Contains($"/api/patients/{marie}/carnet/document?lang=fr", carnet, StringComparison.Ordinal);
        Assert.Contains($"/api/patients/{marie}/carnet/document?lang=en", carnet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrint_FollowsTheAccessRule_AndAPatientWithoutCarnetHasNone()
    {
        var marie = await factory.MarieDurandAsync();
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{marie}/carnet/document?lang=en")).StatusCode);
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.OK, (await gp.GetAsync($"/api/patients/{marie}/carnet/document")).StatusCode);

        var (oncologist, patientId, _) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await oncologist.GetAsync($"/api/patients/{patientId}/carnet/document?lang=en")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class PrintCarnetSqliteTests(SqliteRelaisFactory factory) : PrintCarnetTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PrintCarnetPostgresTests(PostgresRelaisFactory factory) : PrintCarnetTests(factory), IClassFixture<PostgresRelaisFactory>;
