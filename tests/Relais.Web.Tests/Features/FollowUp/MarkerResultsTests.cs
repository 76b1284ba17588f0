using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>The marker charts of the carnet page draw the enrolled protocol version's rule.</summary>
public abstract class MarkerResultsTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AfterRadiotherapy_ThePsaChart_DrawsNadirPlus2_NotTheProstatectomyThreshold_AndProposesPsa()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync("C61");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-03-01", protocol = "prostate-radiotherapy", radiotherapy = true })).StatusCode);
        foreach (var (value, on) in new[] { (0.5m, "2026-06-01"), (1.1m, "2026-10-01") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/observations",
                new { code = "psa", value, unit = "ng/mL", effective = on, laboratory = "Laboratoire Bio-Normandie" })).StatusCode);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(Api.Oncologist, cookies: true)).StatusCode);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/patients/{patientId}/suivi"));

        Assert.Contains("seuil de Phoenix, nadir + 2 : 2,5 ng/mL", page);
        Assert.DoesNotContain("0,2 ng/mL", page);
        Assert.Matches("<option value=\"psa\"[^>]*selected", page);
    }
}

[Collection("sqlite")]
public sealed class MarkerResultsSqliteTests(SqliteRelaisFactory factory) : MarkerResultsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MarkerResultsPostgresTests(PostgresRelaisFactory factory) : MarkerResultsTests(factory), IClassFixture<PostgresRelaisFactory>;
