using System.Net;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>
/// The structure records the package's acts (décret 2020-1665, amounts of the arrêté of 24 December 2020): 45 EUR an assessment, 22.50 EUR a
/// follow-up consultation, at most six of them, at most 180 EUR, within twelve months of the first assessment — each refusal names its limit.
/// </summary>
public abstract class RecordPackageActTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnAssessmentAndTwoConsultations_Leave90EurAndFourConsultations_ForTheStructureTheOncologistAndTheGp()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var packageId = await oncologist.PrescribeToLigueAsync(patientId);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);

        var assessed = await psychologist.ActedAsync(patientId, packageId, "assessment", "psychology", "2026-09-01");
        Assert.Equal(135m, assessed.GetProperty("remainingEur").GetDecimal());
        Assert.Equal("2027-09-01", assessed.GetProperty("deliverBy").GetString());
        await psychologist.ActedAsync(patientId, packageId, "consultation", "psychology", "2026-09-15");
        var last = await psychologist.ActedAsync(patientId, packageId, "consultation", "psychology", "2026-10-01");

        Assert.Equal(90m, last.GetProperty("remainingEur").GetDecimal());
        Assert.Equal(4, last.GetProperty("remainingConsultations").GetInt32());
        foreach (var reader in new[] { oncologist, await factory.ClientAsAsync(Api.Gp) })
        {
            var package = Assert.Single((await reader.GetJsonAsync($"/api/patients/{patientId}/post-cancer-package")).GetProperty("items").EnumerateArray());
            Assert.Equal(90m, package.GetProperty("remainingEur").GetDecimal());
            Assert.Equal(4, package.GetProperty("remainingConsultations").GetInt32());
            Assert.Equal(3, package.GetProperty("acts").GetArrayLength());
        }
    }

    [Fact]
    public async Task TheSeventhConsultation_IsRefused_NamingTheCap()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var packageId = await oncologist.PrescribeToLigueAsync(patientId);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        await psychologist.ActedAsync(patientId, packageId, "assessment", "psychology", "2026-07-06");
        for (var i = 0; i < 6; i++) await psychologist.ActedAsync(patientId, packageId, "consultation", "psychology", $"2026-08-{10 + i}");

        await PostCancerPackagePatients.AssertRefusedAsync(await psychologist.ActAsync(patientId, packageId, "consultation", "psychology", "2026-09-01"),
            "kind", "6 consultations de suivi");
    }

    [Fact]
    public async Task AnActBeyondTheCeiling_IsRefused_NamingIt()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var packageId = await oncologist.PrescribeToLigueAsync(patientId);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        await psychologist.ActedAsync(patientId, packageId, "assessment", "psychology", "2026-07-06");
        await psychologist.ActedAsync(patientId, packageId, "assessment", "dietetics", "2026-07-07");
        for (var i = 0; i < 3; i++) await psychologist.ActedAsync(patientId, packageId, "consultation", "dietetics", $"2026-08-{10 + i}");
        var left = await psychologist.ActedAsync(patientId, packageId, "consultation", "psychology", "2026-08-20");
        Assert.Equal(0m, left.GetProperty("remainingEur").GetDecimal());
        Assert.Equal(2, left.GetProperty("remainingConsultations").GetInt32());

        await PostCancerPackagePatients.AssertRefusedAsync(await psychologist.ActAsync(patientId, packageId, "assessment", "adapted-physical-activity", "2026-09-01"),
            "kind", "plafond");
    }

    [Fact]
    public async Task AnActAfterTwelveMonthsFromTheFirstAssessment_IsRefused_NamingTheDeadline()
    {
        await using var app = factory.Fresh();
        var (oncologist, patientId) = await app.PackagePatientAsync();
        var packageId = await oncologist.PrescribeToLigueAsync(patientId);
        var psychologist = await app.ClientAsAsync(SupportiveCarePatients.Psychologist);
        await psychologist.ActedAsync(patientId, packageId, "assessment", "psychology", "2026-07-02");

        app.Time.Advance(TimeSpan.FromDays(400));
        var later = await app.ClientAsAsync(SupportiveCarePatients.Psychologist);

        await PostCancerPackagePatients.AssertRefusedAsync(await later.ActAsync(patientId, packageId, "consultation", "psychology", "2027-07-03"), "on", "02/07/2027");
        Assert.Equal(HttpStatusCode.Created, (await later.ActAsync(patientId, packageId, "consultation", "psychology", "2027-07-02")).StatusCode);
    }

    [Fact]
    public async Task TheLimits_AreConfiguration()
    {
        await using var app = factory.Fresh();
        app.Settings["Relais:PostCancerPackage:MaxConsultations"] = "1";
        var (oncologist, patientId) = await app.PackagePatientAsync();
        var packageId = await oncologist.PrescribeToLigueAsync(patientId);
        var psychologist = await app.ClientAsAsync(SupportiveCarePatients.Psychologist);
        await psychologist.ActedAsync(patientId, packageId, "assessment", "psychology", "2026-07-06");
        await psychologist.ActedAsync(patientId, packageId, "consultation", "psychology", "2026-07-20");

        await PostCancerPackagePatients.AssertRefusedAsync(await psychologist.ActAsync(patientId, packageId, "consultation", "psychology", "2026-08-01"),
            "kind", "1 consultations de suivi");
    }

    [Fact]
    public async Task OnlyTheNamedStructure_RecordsActs()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var packageId = await oncologist.PrescribeToLigueAsync(patientId);

        var refused = await oncologist.ActAsync(patientId, packageId, "assessment", "psychology", "2026-09-01");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("record-post-cancer-package-act", (await refused.JsonAsync()).GetProperty("capability").GetString());
    }
}

[Collection("sqlite")]
public sealed class RecordPackageActSqliteTests(SqliteRelaisFactory factory) : RecordPackageActTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordPackageActPostgresTests(PostgresRelaisFactory factory) : RecordPackageActTests(factory), IClassFixture<PostgresRelaisFactory>;
