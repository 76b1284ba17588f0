using System.Net;
using Relais.Web.Tests.Features.Portal;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Programmes;

/// <summary>Issue 14 §3: the PPS printable with English labels, the clinical content as written, the French document the reference.</summary>
public abstract class PrintWithEnglishLabelsTests(RelaisFactory factory)
{
    [Fact]
    public async Task ThePps_PrintsWithEnglishHeadings_TheContentAsWritten_AndTheFrenchDocumentAsTheReference()
    {
        var (oncologist, patientId) = await factory.PatientWithPpsAsync();
        var pps = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray().First(p => p.GetProperty("kind").GetString() == "pps");
        var url = $"/api/patients/{patientId}/programmes/{pps.GetProperty("id").GetGuid()}/document";

        var english = WebUtility.HtmlDecode(await oncologist.GetStringAsync($"{url}?lang=en"));
        Assert.Contains("Personalised care programme (PPS)", english);
        Assert.Contains("The steps of your treatment", english);
        Assert.Contains("Surgery", english);
        Assert.Contains("Tumorectomie et ganglion sentinelle", english);
        Assert.Contains("The French document is the reference.", english);
        Assert.Contains("lang=\"en\"", english);
        Assert.DoesNotContain("Les étapes de votre traitement", english);

        var french = WebUtility.HtmlDecode(await oncologist.GetStringAsync($"{url}?lang=fr"));
        Assert.Contains("Programme personnalisé de soins (PPS)", french);
        Assert.Contains("Les étapes de votre traitement", french);
        Assert.DoesNotContain("The French document is the reference.", french);

        var bad = await oncologist.GetAsync($"{url}?lang=de");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("lang", out _));
    }
}

[Collection("sqlite")]
public sealed class PrintWithEnglishLabelsSqliteTests(SqliteRelaisFactory factory) : PrintWithEnglishLabelsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PrintWithEnglishLabelsPostgresTests(PostgresRelaisFactory factory) : PrintWithEnglishLabelsTests(factory), IClassFixture<PostgresRelaisFactory>;
