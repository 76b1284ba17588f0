using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>End of active treatment through the API: shared follow-up, the carnet, the PPAC (C11) and the protocol (C12).</summary>
public abstract class EndTreatmentTests(RelaisFactory factory)
{
    [Fact]
    public async Task EndingTreatment_OpensSharedFollowUp_WithTheCarnet_ThePpacToGpAndPatient_AndTheProtocol()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-10-15", protocol = "breast", radiotherapy = true, gpAgreed = true,
            lateComplications = "Lymphœdème du membre supérieur, fibrose cutanée.",
        });
        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        var result = await ended.JsonAsync();
        Assert.True(result.GetProperty("items").GetInt32() > 20);

        var timeline = await oncologist.GetJsonAsync($"/api/patients/{patientId}/timeline");
        Assert.Equal("shared-follow-up", timeline[0].GetProperty("phase").GetString());
        var transmissions = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().ToList();
        var c11 = transmissions.Single(t => t.GetProperty("obligation").GetString() == "c11");
        // Issue 11: the patient has no portal account, and the PPAC to the patient waits for it instead of being dropped.
        Assert.Equal(["general-practitioner", "patient"], c11.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("kind").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.True(c11.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "patient").GetProperty("awaitingPortalAccount").GetBoolean());
        var c12 = transmissions.Single(t => t.GetProperty("obligation").GetString() == "c12");
        Assert.Contains("Lymphœdème", c12.GetProperty("message").GetString());
        // The radiotherapist's visits are read from the protocol's data, not written as fixed text.
        Assert.Contains("consultation du radiothérapeute aux mois 12, 24, 36, 48 et 60", c12.GetProperty("message").GetString());

        var pdf = await (await oncologist.GetAsync($"/api/patients/{patientId}/documents/{result.GetProperty("ppacDocumentId").GetGuid()}/content")).Content.ReadAsByteArrayAsync();
        var text = await Pdf.TextAsync(pdf);
        Assert.Contains("après-cancer", text);
        Assert.Contains("Votre calendrier de suivi", text);
        Assert.Contains("15/01/2027", text); // month 3 after 15 October 2026

        var carnet = await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet");
        Assert.Equal("breast", carnet.GetProperty("protocol").GetString());
        var first = carnet.GetProperty("items")[0];
        Assert.Equal("2027-01-15", first.GetProperty("due").GetString());
        var again = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-10-15", protocol = "breast" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class EndTreatmentSqliteTests(SqliteRelaisFactory factory) : EndTreatmentTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EndTreatmentPostgresTests(PostgresRelaisFactory factory) : EndTreatmentTests(factory), IClassFixture<PostgresRelaisFactory>;
