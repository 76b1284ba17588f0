using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>
/// Second-cancer prevention and the global medical approach (issue 16 point 4, [G] §3.6–3.7): tobacco, alcohol, weight
/// and activity kept up after treatment with the support offered, in the PPAC; the organised screenings that continue as
/// carnet items for the GP, on the GP's worklist.
/// </summary>
public abstract class PreventionTests(RelaisFactory factory)
{
    private async Task<(HttpClient Oncologist, Guid PatientId)> InFollowUpAsync()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);
        return (oncologist, patientId);
    }

    private static async Task<JsonElement> PpacInForceAsync(HttpClient client, Guid patientId) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "ppac").OrderByDescending(p => p.GetProperty("version").GetInt32()).First();

    [Fact]
    public async Task ASmokerWithObesity_IsOfferedCessationWeightAndActivity_AndThePpacCarriesTheReview()
    {
        var (oncologist, patientId) = await InFollowUpAsync();
        var gp = await factory.ClientAsAsync(Api.Gp);
        var before = (await PpacInForceAsync(oncologist, patientId)).GetProperty("version").GetInt32();

        var recorded = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/prevention",
            new { tobacco = "current", alcohol = "within-guidelines", weightKg = 87.0, heightCm = 170, activity = "insufficient" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var body = await recorded.JsonAsync();
        Assert.Equal(["tobacco-cessation-support", "weight-management", "adapted-physical-activity"], body.GetProperty("toOffer").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(before + 1, body.GetProperty("ppacVersion").GetInt32());
        var prevention = await oncologist.GetJsonAsync($"/api/patients/{patientId}/prevention");
        Assert.Equal(30.1m, prevention.GetProperty("status").GetProperty("bmi").GetDecimal());
        Assert.Contains("accompagnement à l'arrêt doit être proposé systématiquement", prevention.GetProperty("toOffer")[0].GetProperty("source").GetString());
        var lines = (await PpacInForceAsync(oncologist, patientId)).GetProperty("content").GetProperty("afterCancer").GetProperty("prevention").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains(lines, l => l.Contains("tabac : fumeur", StringComparison.Ordinal) && l.Contains("IMC 30,1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Proposer un accompagnement à l'arrêt du tabac", StringComparison.Ordinal));

        // Support offered at the GP's next review: nothing left to offer about tobacco. The GP does not sign the PPAC
        // ([G] 2.3): the review waits for its next revision.
        var next = await gp.PostAsJsonAsync($"/api/patients/{patientId}/prevention",
            new { tobacco = "current", cessationSupportOffered = true, alcohol = "none", activity = "sufficient" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var nextBody = await next.JsonAsync();
        Assert.Empty(nextBody.GetProperty("toOffer").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, nextBody.GetProperty("ppacVersion").ValueKind);
        Assert.Equal(before + 1, (await PpacInForceAsync(oncologist, patientId)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task TheOrganisedScreenings_JoinTheCarnetForTheGp_OnceEach_AndReachTheGpsWorklist()
    {
        // A woman born in June 1961, after a breast cancer: the colorectal test to 74 and the cervical test to 65, not the screening mammography.
        var (oncologist, patientId) = await InFollowUpAsync();
        var due = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/prevention")).GetProperty("screenings").EnumerateArray().ToList();
        Assert.Equal(["colorectal", "cervical"], due.Select(s => s.GetProperty("programme").GetString()));

        var planned = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/prevention/screenings", new { })).JsonAsync();
        Assert.Equal(6, planned.GetProperty("items").GetInt32());
        var carnet = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray().ToList();
        var colorectal = carnet.Where(i => i.GetProperty("kind").GetString() == "colorectal-screening-test").ToList();
        Assert.Equal(["2026-11-23", "2028-11-23", "2030-11-23", "2032-11-23", "2034-11-23"], colorectal.Select(i => i.GetProperty("due").GetString()));
        Assert.All(colorectal, i => Assert.Equal("gp", i.GetProperty("performer").GetString()));
        Assert.Single(carnet, i => i.GetProperty("kind").GetString() == "cervical-screening");
        Assert.DoesNotContain(carnet, i => i.GetProperty("kind").GetString() == "screening-mammography");

        Assert.Equal(0, (await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/prevention/screenings", new { })).JsonAsync()).GetProperty("items").GetInt32());
        var worklist = await (await factory.ClientAsAsync(Api.Gp)).GetJsonAsync("/api/follow-up/worklist?days=30");
        Assert.Contains(worklist.GetProperty("upcoming").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId && i.GetProperty("due").GetString() == "2026-11-23");
    }

    [Fact]
    public async Task AnUnknownStatusOrAnImpossibleWeight_IsRefusedNamingTheField_ThePharmacistReadsButDoesNotRecord_AndAnOutsiderGetsNotFound()
    {
        var (oncologist, patientId) = await InFollowUpAsync();

        var unknown = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/prevention", new { tobacco = "sometimes", alcohol = "none", activity = "sufficient" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("tobacco", out _));
        var weight = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/prevention", new { tobacco = "never", alcohol = "none", activity = "sufficient", weightKg = 10 });
        Assert.True((await weight.JsonAsync()).GetProperty("errors").TryGetProperty("weightKg", out _));

        var pharmacistId = (await oncologist.GetJsonAsync("/api/professionals?search=Lemoine"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = pharmacistId, role = "pharmacist" })).StatusCode);
        var pharmacist = await factory.ClientAsAsync(Api.Pharmacist);
        Assert.Equal(HttpStatusCode.OK, (await pharmacist.GetAsync($"/api/patients/{patientId}/prevention")).StatusCode);
        var refused = await pharmacist.PostAsJsonAsync($"/api/patients/{patientId}/prevention", new { tobacco = "never", alcohol = "none", activity = "sufficient" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("manage-prevention", (await refused.JsonAsync()).GetProperty("capability").GetString());

        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/prevention")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{patientId}/prevention/screenings", new { })).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsTheScreeningsAndTheReviewForm_InFrench()
    {
        var (_, patientId) = await InFollowUpAsync();

        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Gp)).GetStringAsync($"/patients/{patientId}/prevention"));

        Assert.Contains("Test immunologique de recherche de sang dans les selles", page);
        Assert.Contains("Ajouter les dépistages au carnet", page);
        Assert.Contains("Accompagnement à l'arrêt du tabac proposé", page);
    }
}

[Collection("sqlite")]
public sealed class PreventionSqliteTests(SqliteRelaisFactory factory) : PreventionTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PreventionPostgresTests(PostgresRelaisFactory factory) : PreventionTests(factory), IClassFixture<PostgresRelaisFactory>;
