using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>Clinical early-return criteria reported by the GP.</summary>
public abstract class ReportCriteriaTests(RelaisFactory factory)
{
    private static readonly string[] ChangeSeen = ["clinical-or-radiological-change"];
    private static readonly string[] MetastasisSuspected = ["suspected-metastasis"];

    [Fact]
    public async Task ClinicalWarningSigns_FromTheGp_ReferThePatientBack_C14_WithATaskForTheTeam()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-05-15", protocol = "breast" });
        var gp = await factory.ClientAsAsync(Api.Gp);
        var response = await gp.PostAsJsonAsync($"/api/patients/{patientId}/clinical-criteria", new { criteria = ChangeSeen, note = "Rétraction cutanée du sein traité" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = await response.JsonAsync();
        Assert.Equal("early-return", alert.GetProperty("action").GetString());
        var referralId = alert.GetProperty("referralId").GetGuid();
        var referrals = await oncologist.GetJsonAsync("/api/referrals");
        Assert.Contains(referrals.EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId);
        var c14 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c14");
        Assert.True(c14.GetProperty("urgent").GetBoolean());
    }

    [Fact]
    public async Task ASecondReport_WhileTheFirstIsOpen_UpdatesItsAlert_WithoutASecondC14()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-05-15", protocol = "breast" });
        var gp = await factory.ClientAsAsync(Api.Gp);
        var first = await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/clinical-criteria", new { criteria = ChangeSeen })).JsonAsync();
        var second = await (await gp.PostAsJsonAsync($"/api/patients/{patientId}/clinical-criteria", new { criteria = MetastasisSuspected, note = "Douleurs osseuses" })).JsonAsync();

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Contains("Douleurs osseuses", second.GetProperty("explanation").GetString());
        Assert.Equal(1, second.GetProperty("renotifications").GetInt32());
        Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/alerts")).GetProperty("items").EnumerateArray());
        Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray(), t => t.GetProperty("obligation").GetString() == "c14");
    }
}

[Collection("sqlite")]
public sealed class ReportCriteriaSqliteTests(SqliteRelaisFactory factory) : ReportCriteriaTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ReportCriteriaPostgresTests(PostgresRelaisFactory factory) : ReportCriteriaTests(factory), IClassFixture<PostgresRelaisFactory>;
