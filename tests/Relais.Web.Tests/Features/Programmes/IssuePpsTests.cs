using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Programmes;

/// <summary>Issuing the PPS: a PDF with its phases and contacts sent to the GP (C5), revised as version 2, handed over, its first phase starting (C8).</summary>
public abstract class IssuePpsTests(RelaisFactory factory)
{
    [Fact]
    public async Task ThePps_IsAPdfWithItsPhasesAndContacts_ARevisionIsVersion2AndANewTransmission_TheFirstPhaseStartFiresC8()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1962-02-20");
        // The PPS follows the announcement and the RCP.
        foreach (var (to, on) in new[] { ("announcement", "2026-11-16"), ("tumor-board", "2026-11-19") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        var body = new
        {
            episodeId,
            phases = new object[]
            {
                new { order = 1, kind = "surgery", description = "Tumorectomie et ganglion sentinelle", plannedStart = "2026-12-07", place = "Hôpital Saint-Relais", expectedStayDays = 1 },
                new { order = 2, kind = "radiotherapy", description = "Radiothérapie du sein, 20 séances", plannedStart = "2027-01-11", plannedEnd = "2027-02-05", place = "Centre de radiothérapie", expectedStayDays = 0,
                      frequentComplications = "Érythème cutané, fatigue", advice = "Hydrater la peau, éviter le soleil" },
            },
            assessments = new[] { new { what = "Mammographie", frequency = "annuelle" } },
            supportiveCare = "Consultation diététique proposée.",
        };
        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pps = await created.JsonAsync();
        Assert.Equal(1, pps.GetProperty("version").GetInt32());
        Assert.Contains(pps.GetProperty("content").GetProperty("contacts").EnumerateArray(), c => c.GetProperty("role").GetString() == "Médecin traitant");

        var pdf = await (await oncologist.GetAsync($"/api/patients/{patientId}/documents/{pps.GetProperty("documentId").GetGuid()}/content")).Content.ReadAsByteArrayAsync();
        var text = await Pdf.TextAsync(pdf);
        Assert.Contains("Programme personnalisé de soins", text);
        Assert.Contains("Tumorectomie et ganglion sentinelle", text);
        Assert.Contains("Radiothérapie du sein", text);
        Assert.Contains("Médecin traitant", text);
        Assert.Contains("Jean Dubois", text, StringComparison.OrdinalIgnoreCase);

        var revised = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", new
        {
            episodeId, previousVersionId = pps.GetProperty("id").GetGuid(), phases = body.phases, assessments = body.assessments, supportiveCare = "Soutien psychologique ajouté.",
        })).JsonAsync();
        Assert.Equal(2, revised.GetProperty("version").GetInt32());
        // A second revision of version 1, made from a page opened before the first: 409, nothing sent.
        var concurrent = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", new
        {
            episodeId, previousVersionId = pps.GetProperty("id").GetGuid(), phases = body.phases, assessments = body.assessments, supportiveCare = "Autre révision.",
        });
        Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
        Assert.Equal("previousVersionId", (await concurrent.JsonAsync()).GetProperty("field").GetString());
        var c5 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Where(t => t.GetProperty("obligation").GetString() == "c5").ToList();
        Assert.Equal(2, c5.Count);
        Assert.Contains(c5, t => t.GetProperty("title").GetString()!.Contains("version 2"));

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{revised.GetProperty("id").GetGuid()}/handed", new { on = "2026-11-23" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{revised.GetProperty("id").GetGuid()}/phases/1/start", new { on = "2026-11-23" })).StatusCode);
        var c8 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c8");
        Assert.Contains("Tumorectomie", c8.GetProperty("message").GetString());
        var timeline = await oncologist.GetJsonAsync($"/api/patients/{patientId}/timeline");
        Assert.Equal("active-treatment", timeline[0].GetProperty("phase").GetString());
    }
}

[Collection("sqlite")]
public sealed class IssuePpsSqliteTests(SqliteRelaisFactory factory) : IssuePpsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class IssuePpsPostgresTests(PostgresRelaisFactory factory) : IssuePpsTests(factory), IClassFixture<PostgresRelaisFactory>;
