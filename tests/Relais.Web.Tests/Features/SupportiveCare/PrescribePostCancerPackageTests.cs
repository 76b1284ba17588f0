using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>
/// The post-cancer package prescribed (décret 2020-1665): by a cancer specialist or the treating GP, for a patient in ALD, within twelve
/// months of the end of active treatment, to a structure that accepts it — which receives it directly as a referral.
/// </summary>
public abstract class PrescribePostCancerPackageTests(RelaisFactory factory)
{
    [Fact]
    public async Task ThePrescription_Answers201WithTheWholeBudget_AndReachesTheStructureDirectly()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var providerId = await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace);

        var created = await oncologist.PrescribeAsync(patientId, "2026-07-01", providerId);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.NotEqual(Guid.Empty, body.GetProperty("id").GetGuid());
        Assert.Equal(180m, body.GetProperty("remainingEur").GetDecimal());
        Assert.Equal(6, body.GetProperty("remainingConsultations").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("deliverBy").ValueKind);

        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        var referral = Assert.Single((await psychologist.GetJsonAsync("/api/supportive-care/my-referrals")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("referral").GetProperty("patientId").GetGuid() == patientId).GetProperty("referral");
        Assert.Equal(body.GetProperty("referralId").GetGuid(), referral.GetProperty("id").GetGuid());
        Assert.Equal("psychology", referral.GetProperty("service").GetString());
        var package = Assert.Single((await psychologist.GetJsonAsync($"/api/patients/{patientId}/post-cancer-package")).GetProperty("items").EnumerateArray());
        Assert.Equal(180m, package.GetProperty("remainingEur").GetDecimal());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.PatientId == patientId && m.Kind == OutboxKind.SupportiveCareReferral));
    }

    [Fact]
    public async Task TheTreatingGp_Prescribes_ButNotTheNurse()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var nurseId = (await oncologist.GetJsonAsync("/api/professionals?search=Moreau"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = nurseId, role = "nurse-coordinator" })).StatusCode);
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var providerId = await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace);

        var refused = await nurse.PrescribeAsync(patientId, "2026-07-01", providerId);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("prescribe-post-cancer-package", (await refused.JsonAsync()).GetProperty("capability").GetString());

        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Created, (await gp.PrescribeAsync(patientId, "2026-07-01", providerId)).StatusCode);
    }

    [Fact]
    public async Task APathologist_OfTheTeam_DoesNotPrescribe()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var pathologistId = (await oncologist.GetJsonAsync("/api/professionals?search=Lambert"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = pathologistId, role = "pathologist" })).StatusCode);
        var pathologist = await factory.ClientAsAsync(Api.Pathologist);

        var refused = await pathologist.PrescribeAsync(patientId, "2026-07-01", await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace));

        await PostCancerPackagePatients.AssertRefusedAsync(refused, "prescriber", "médecin traitant");
    }

    [Fact]
    public async Task APatientNotInAld_IsRefused()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync(inAld: false);

        var refused = await oncologist.PrescribeAsync(patientId, "2026-07-01", await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace));

        await PostCancerPackagePatients.AssertRefusedAsync(refused, "ald", "ALD");
    }

    [Theory]
    [InlineData("2026-06-29", "à partir de la fin des traitements actifs")] // the day before the end of active treatment
    [InlineData("2026-11-24", "demain")]                                    // tomorrow
    public async Task APrescriptionOutsideTheWindow_IsRefused(string prescribedOn, string reason)
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();

        var refused = await oncologist.PrescribeAsync(patientId, prescribedOn, await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace));

        await PostCancerPackagePatients.AssertRefusedAsync(refused, "prescribedOn", reason);
    }

    [Fact]
    public async Task AStructureThatDoesNotAcceptThePackage_IsRefused()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();

        var refused = await oncologist.PrescribeAsync(patientId, "2026-07-01", await oncologist.ProviderIdAsync("psychology", PostCancerPackagePatients.NotAccepting));

        await PostCancerPackagePatients.AssertRefusedAsync(refused, "providerId", "n'accepte pas le forfait");
        Assert.Empty((await oncologist.GetJsonAsync($"/api/patients/{patientId}/supportive-care")).GetProperty("referrals").EnumerateArray());
    }

    [Fact]
    public async Task ADuplicateSubmission_GivesTheSamePackage_AndASecondPackageTheSameYearIsRefused()
    {
        var (oncologist, patientId) = await factory.PackagePatientAsync();
        var providerId = await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace);
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{patientId}/post-cancer-package")
            {
                Content = JsonContent.Create(new { prescribedOn = "2026-07-01", providerId }),
            };
            request.Headers.Add("Idempotency-Key", $"forfait-{patientId}");
            return await oncologist.SendAsync(request);
        }

        var first = await SendAsync();
        var again = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetGuid(), (await again.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/post-cancer-package")).GetProperty("items").EnumerateArray());
        Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/supportive-care")).GetProperty("referrals").EnumerateArray());
        await PostCancerPackagePatients.AssertRefusedAsync(await oncologist.PrescribeAsync(patientId, "2026-08-01", providerId), "prescribedOn", "un seul forfait par an");
    }
}

[Collection("sqlite")]
public sealed class PrescribePostCancerPackageSqliteTests(SqliteRelaisFactory factory) : PrescribePostCancerPackageTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PrescribePostCancerPackagePostgresTests(PostgresRelaisFactory factory) : PrescribePostCancerPackageTests(factory), IClassFixture<PostgresRelaisFactory>;
