using System.Net;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>A referral's status through the API: the domain's state machine, the renunciation's reason, the grant ended with the referral.</summary>
public abstract class ChangeReferralStatusTests(RelaisFactory factory)
{
    [Fact]
    public async Task Renouncing_WithoutAReason_IsRefusedNamingReason_WithDistance_IsRecorded_AndEndsTheProvidersAccess()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Renonce");
        var referralId = await oncologist.ReferToLigueAsync(patientId);

        await SupportiveCarePatients.AssertProblemAsync(await oncologist.StatusAsync(patientId, referralId, "renounced"), HttpStatusCode.BadRequest, "reason");
        await SupportiveCarePatients.AssertProblemAsync(await oncologist.StatusAsync(patientId, referralId, "renounced", "too-far"), HttpStatusCode.BadRequest, "reason");

        var renounced = await oncologist.StatusAsync(patientId, referralId, "renounced", "distance");
        Assert.Equal(HttpStatusCode.OK, renounced.StatusCode);
        Assert.Equal("renounced", (await renounced.JsonAsync()).GetProperty("status").GetString());
        var gp = await factory.ClientAsAsync(Api.Gp);
        var seen = await gp.ReferralAsync(patientId, referralId);
        Assert.Equal(("renounced", "distance"), (seen.GetProperty("status").GetString(), seen.GetProperty("reason").GetString()));

        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.GetAsync($"/api/patients/{patientId}")).StatusCode);
    }

    [Fact]
    public async Task AStepTheStateMachineRefuses_IsA400NamingStatus()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Saut");
        var referralId = await oncologist.ReferToLigueAsync(patientId);

        await SupportiveCarePatients.AssertProblemAsync(await oncologist.StatusAsync(patientId, referralId, "completed"), HttpStatusCode.BadRequest, "status");
        Assert.Equal(HttpStatusCode.OK, (await oncologist.StatusAsync(patientId, referralId, "accepted")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await oncologist.StatusAsync(patientId, referralId, "in-progress")).StatusCode);
        await SupportiveCarePatients.AssertProblemAsync(await oncologist.StatusAsync(patientId, referralId, "declined"), HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task TheProvider_DeclinesItsOwnReferral_ButAnotherProvidersIsMissing()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Decline");
        var ligue = await oncologist.ReferToLigueAsync(patientId);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);

        var providerId = await oncologist.ProviderIdAsync("psychology", "Cabinet de psychologie des Carmes (démo)");
        var other = await oncologist.PostAsync($"/api/patients/{patientId}/supportive-care/referrals",
            System.Net.Http.Json.JsonContent.Create(new { service = "psychology", providerId, need = "psychological" }));
        var otherId = (await other.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.StatusAsync(patientId, otherId, "declined")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await psychologist.StatusAsync(patientId, ligue, "declined")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await oncologist.StatusAsync(patientId, Guid.NewGuid(), "accepted")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class ChangeReferralStatusSqliteTests(SqliteRelaisFactory factory) : ChangeReferralStatusTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ChangeReferralStatusPostgresTests(PostgresRelaisFactory factory) : ChangeReferralStatusTests(factory), IClassFixture<PostgresRelaisFactory>;
