using System.Net.Http.Json;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Announcements;

/// <summary>
/// Issue 13 point 2: the EPICES "orient to the social worker" is a real referral — a social-work need assessed at the announcement and a
/// referral to the social-work provider of the directory nearest the patient, which that provider receives; recorded twice, it refers once.
/// </summary>
public abstract class EpicesReferralTests(RelaisFactory factory)
{
    private static readonly bool[] Precarious = [true, false, false, false, true, false, false, false, false, false, false];

    [Fact]
    public async Task OrientingToTheSocialWorker_RecordsASocialWorkNeed_AndRefersToTheNearestSocialWorkProvider_Once()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Born(1990, 4, 4).LivingIn("27000", "Évreux").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C50.4", "Sein").CreateAsync(oncologist, patientId);
        var url = $"/api/patients/{patientId}/episodes/{episodeId}/announcement/epices";
        // From Évreux the nearest is the Eure's DAC in Vernon, not the first by name.
        var nearest = (await oncologist.GetJsonAsync($"/api/supportive-care/providers?service=social-work&postcode=27000"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        (await oncologist.PostAsJsonAsync(url, new { answers = Precarious, socialWorkerOriented = true })).EnsureSuccessStatusCode();
        (await oncologist.PostAsJsonAsync(url, new { answers = Precarious, socialWorkerOriented = true })).EnsureSuccessStatusCode();

        var section = await oncologist.GetJsonAsync($"/api/patients/{patientId}/supportive-care");
        var need = Assert.Single(section.GetProperty("needs").EnumerateArray());
        Assert.Equal("social-work", need.GetProperty("category").GetString());
        Assert.Equal("announcement", need.GetProperty("moment").GetString());
        var referral = Assert.Single(section.GetProperty("referrals").EnumerateArray());
        Assert.Equal("social-work", referral.GetProperty("service").GetString());
        Assert.Equal("proposed", referral.GetProperty("status").GetString());
        Assert.Equal(nearest, referral.GetProperty("providerId").GetGuid());
        Assert.Equal(need.GetProperty("id").GetGuid(), referral.GetProperty("needId").GetGuid());
    }

    [Fact]
    public async Task APatientNotOriented_GetsNoReferral()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1990-04-04");
        bool[] secure = [false, true, true, true, false, true, true, true, true, true, true];

        (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/announcement/epices", new { answers = secure, socialWorkerOriented = false }))
            .EnsureSuccessStatusCode();

        var section = await oncologist.GetJsonAsync($"/api/patients/{patientId}/supportive-care");
        Assert.Empty(section.GetProperty("needs").EnumerateArray());
        Assert.Empty(section.GetProperty("referrals").EnumerateArray());
    }
}

[Collection("sqlite")]
public sealed class EpicesReferralSqliteTests(SqliteRelaisFactory factory) : EpicesReferralTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EpicesReferralPostgresTests(PostgresRelaisFactory factory) : EpicesReferralTests(factory), IClassFixture<PostgresRelaisFactory>;
