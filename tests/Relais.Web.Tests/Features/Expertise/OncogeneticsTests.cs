using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Expertise;

/// <summary>
/// Heredity tracked to completion (issue 16 point 3): a hereditary suspicion with its [G] §1.1 criteria opens an
/// oncogenetics referral that stays on the team's worklist until its result; a BRCA or Lynch result adds its module to
/// the carnet; the information of the relatives is recorded.
/// </summary>
public abstract class OncogeneticsTests(RelaisFactory factory)
{
    private static readonly string[] FamilyAndEarly = ["several-cases-in-one-parental-branch", "early-onset"];
    private static readonly string[] EarlyOnset = ["early-onset"];
    private static async Task<List<JsonElement>> WorklistAsync(HttpClient client, Guid patientId) =>
        [.. (await client.GetJsonAsync("/api/expertise/worklist")).EnumerateArray().Where(l => l.GetProperty("patientId").GetGuid() == patientId)];

    private static async Task<(Guid Id, int Revision)> OpenAsync(HttpClient client, Guid patientId)
    {
        var opened = await client.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics",
            new { criteria = FamilyAndEarly, note = "Mère et tante maternelle : cancer du sein avant 45 ans", referredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var body = await opened.JsonAsync();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("revision").GetInt32());
    }

    private async Task<(HttpClient Oncologist, Guid PatientId)> InFollowUpAsync()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 });
        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        return (oncologist, patientId);
    }

    [Fact]
    public async Task Suspicion_StaysOnTheWorklistUntilItsResult_AndABrcaResultAddsItsModuleToTheCarnet()
    {
        var (oncologist, patientId) = await InFollowUpAsync();
        var gp = await factory.ClientAsAsync(Api.Gp);

        var (referralId, revision) = await OpenAsync(gp, patientId);
        var awaiting = Assert.Single(await WorklistAsync(oncologist, patientId));
        Assert.Equal(("oncogenetics", "consultation"), (awaiting.GetProperty("kind").GetString(), awaiting.GetProperty("missing").GetString()));
        Assert.Contains("branche parentale", awaiting.GetProperty("label").GetString());

        var seen = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/consultation", new { consultationOn = "2026-11-22", revision });
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        revision = (await seen.JsonAsync()).GetProperty("revision").GetInt32();
        Assert.Equal("result", Assert.Single(await WorklistAsync(gp, patientId)).GetProperty("missing").GetString());

        var result = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/result", new { result = "brca1", resultOn = "2026-11-23", revision });
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var recorded = await result.JsonAsync();
        Assert.Equal("module-brca", recorded.GetProperty("module").GetString());
        Assert.Empty(await WorklistAsync(oncologist, patientId));

        var carnet = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("module").ValueKind == JsonValueKind.String && i.GetProperty("module").GetString() == "module-brca").ToList();
        Assert.Equal(recorded.GetProperty("items").GetInt32(), carnet.Count);
        // Counted from the result (23 November 2026): the first breast MRI a year on.
        Assert.Equal("2027-11-23", carnet.First(i => i.GetProperty("kind").GetString() == "breast-mri").GetProperty("due").GetString());
        Assert.Contains(carnet, i => i.GetProperty("kind").GetString() == "clinical-exam" && i.GetProperty("due").GetString() == "2027-05-23");

        var referral = Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/oncogenetics")).EnumerateArray());
        Assert.Equal("result-recorded", referral.GetProperty("status").GetString());
        var told = await gp.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/relatives",
            new { relativesInformedOn = "2026-11-23", relativesNote = "Sœur et fille informées par courrier remis à la patiente" });
        Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        Assert.Equal("2026-11-23", (await told.JsonAsync()).GetProperty("relativesInformedOn").GetString());
    }

    [Fact]
    public async Task SuspicionWithoutCriterion_ResultBeforeConsultation_AndRelativesAfterNoAlteration_AreRefusedNamingTheField()
    {
        var (oncologist, patientId, _) = await factory.PatientInTreatmentAsync();

        var none = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics", new { criteria = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.JsonAsync()).GetProperty("errors").TryGetProperty("criteria", out _));

        var (referralId, _) = await OpenAsync(oncologist, patientId);
        var early = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/result", new { result = "lynch", resultOn = "2026-11-23" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("consultationOn", out _));

        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/consultation", new { consultationOn = "2026-11-21" });
        var found = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/result", new { result = "none-found", resultOn = "2026-11-23" })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, found.GetProperty("module").ValueKind);
        var relatives = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/relatives", new { relativesInformedOn = "2026-11-23", relativesNote = "Fille" });
        Assert.Equal(HttpStatusCode.BadRequest, relatives.StatusCode);
        Assert.True((await relatives.JsonAsync()).GetProperty("errors").TryGetProperty("result", out _));
    }

    [Fact]
    public async Task LynchResult_BeforeTheEndOfTreatment_AddsItsColonoscopiesWithTheCarnet()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync("C18.7");
        var (referralId, _) = await OpenAsync(oncologist, patientId);
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/consultation", new { consultationOn = "2026-11-21" });

        var result = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics/{referralId}/result", new { result = "lynch", resultOn = "2026-11-23" })).JsonAsync();
        Assert.True(result.GetProperty("modulePendingEndOfTreatment").GetBoolean());
        Assert.Equal(0, result.GetProperty("items").GetInt32());

        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-11-23", protocol = "colorectal", horizonMonths = 24 });
        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        var lynch = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("module").ValueKind == JsonValueKind.String && i.GetProperty("module").GetString() == "module-lynch").ToList();
        Assert.Equal(["2028-11-23", "2030-11-23", "2032-11-23", "2034-11-23", "2036-11-23"], lynch.Select(i => i.GetProperty("due").GetString()));
        Assert.All(lynch, i => Assert.Equal("colonoscopy", i.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task ThePharmacist_NeitherReadsNorOpensAReferral_AndAnOutsiderGetsNotFound()
    {
        var (oncologist, patientId, _) = await factory.PatientInTreatmentAsync();
        await OpenAsync(oncologist, patientId);
        var pharmacist = await factory.ClientAsAsync(Api.Pharmacist);
        var pharmacistId = (await oncologist.GetJsonAsync("/api/professionals?search=Lemoine"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = pharmacistId, role = "pharmacist" })).StatusCode);

        var read = await pharmacist.GetAsync($"/api/patients/{patientId}/oncogenetics");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("read-pathology", (await read.JsonAsync()).GetProperty("capability").GetString());
        var open = await pharmacist.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics", new { criteria = EarlyOnset });
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);

        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/oncogenetics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{patientId}/oncogenetics", new { criteria = EarlyOnset })).StatusCode);
        Assert.Empty(await WorklistAsync(outsider, patientId));
    }

    [Fact]
    public async Task ThePage_OpensAReferralFromTheCriteria_InFrench()
    {
        var (_, patientId, _) = await factory.PatientInTreatmentAsync();
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients/{patientId}/oncogenetique"));

        Assert.Contains("Plusieurs cas de cancer dans une même branche parentale (paternelle ou maternelle)", page);
        Assert.Contains("Ouvrir la demande d'oncogénétique", page);
    }
}

[Collection("sqlite")]
public sealed class OncogeneticsSqliteTests(SqliteRelaisFactory factory) : OncogeneticsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OncogeneticsPostgresTests(PostgresRelaisFactory factory) : OncogeneticsTests(factory), IClassFixture<PostgresRelaisFactory>;
