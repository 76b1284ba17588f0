using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>The provider writes back ([L]: no inverted circuit): first contact, sessions, report — seen by the GP on the record.</summary>
public abstract class WriteBackTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheProvider_RecordsFirstContactSessionAndReport_AndTheReferralFollows()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Seances");
        var referralId = await oncologist.ReferToLigueAsync(patientId);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        var url = $"/api/patients/{patientId}/supportive-care/referrals/{referralId}/entries";

        var contact = await psychologist.PostAsJsonAsync(url, new { kind = "first-contact", text = "Appel, rendez-vous fixé." });
        Assert.Equal("accepted", (await contact.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("in-progress", (await (await psychologist.PostAsJsonAsync(url, new { kind = "session" })).JsonAsync()).GetProperty("status").GetString());
        await SupportiveCarePatients.AssertProblemAsync(await psychologist.PostAsJsonAsync(url, new { kind = "report" }), HttpStatusCode.BadRequest, "text");
        Assert.Equal("completed", (await (await psychologist.PostAsJsonAsync(url, new { kind = "report", text = "Quatre séances ; anxiété apaisée." })).JsonAsync())
            .GetProperty("status").GetString());

        var gp = await factory.ClientAsAsync(Api.Gp);
        var seen = await gp.ReferralAsync(patientId, referralId);
        Assert.Equal(["first-contact", "session", "report"], seen.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("2026-11-23", seen.GetProperty("firstContactOn").GetString());
    }

    [Fact]
    public async Task TheTeam_DoesNotWriteTheProvidersEntries_TheRefusalNamesTheCapability()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Entrees");
        var referralId = await oncologist.ReferToLigueAsync(patientId);

        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals/{referralId}/entries", new { kind = "first-contact" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("follow-supportive-referral", (await refused.JsonAsync()).GetProperty("capability").GetString());
    }
}

[Collection("sqlite")]
public sealed class WriteBackSqliteTests(SqliteRelaisFactory factory) : WriteBackTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class WriteBackPostgresTests(PostgresRelaisFactory factory) : WriteBackTests(factory), IClassFixture<PostgresRelaisFactory>;
