using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>
/// Needs and referrals (issue 13 point 2): a need becomes a referral the provider receives directly — in its list,
/// by secure e-mail, with a scoped grant of what the patient agreed to share — and the GP sees it.
/// </summary>
public abstract class ProposeReferralTests(RelaisFactory factory)
{
    private static readonly string[] SharedTreatment = ["treatment"];

    [Fact]
    public async Task ARecordedNeed_BecomesAReferral_TheProviderReceivesDirectly_AndTheGpSees()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Orientee");
        var need = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/needs",
            new { category = "psychological", severity = "moderate", moment = "end-of-treatment", note = "Anxiété" });
        Assert.Equal(HttpStatusCode.Created, need.StatusCode);
        var needId = (await need.JsonAsync()).GetProperty("id").GetGuid();
        var providerId = await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace);

        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals",
            new { service = "psychology", providerId, need = needId.ToString(), note = "Anxiété depuis la fin des traitements.", shared = SharedTreatment });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("proposed", body.GetProperty("status").GetString());
        var referralId = body.GetProperty("id").GetGuid();

        // The GP sees every referral of his patients, with the need it answers.
        var gp = await factory.ClientAsAsync(Api.Gp);
        var seen = await gp.ReferralAsync(patientId, referralId);
        Assert.Equal((needId, "psychology", SupportiveCarePatients.LigueSpace), (seen.GetProperty("needId").GetGuid(), seen.GetProperty("service").GetString(), seen.GetProperty("providerName").GetString()));
        Assert.Equal(["identity", "treatment", "supportive-care"], seen.GetProperty("shared").EnumerateArray().Select(s => s.GetString()));

        // The provider's psychologist: in her list, and the record opened to what was shared — not the labs.
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        var mine = await psychologist.GetJsonAsync("/api/supportive-care/my-referrals");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("referral").GetProperty("id").GetGuid() == referralId);
        Assert.Equal(HttpStatusCode.OK, (await psychologist.GetAsync($"/api/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await psychologist.GetAsync($"/api/patients/{patientId}/supportive-care")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await psychologist.GetAsync($"/api/patients/{patientId}/observations")).StatusCode);

        // The secure e-mail, a transmission of its own kind, to each account of the provider.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.PatientId == patientId && m.Kind == OutboxKind.SupportiveCareReferral).ToListAsync();
        Assert.Contains(mails, m => m.ToAddress == SupportiveCarePatients.Psychologist);
        Assert.Contains(mails, m => m.ToAddress == SupportiveCarePatients.Dietitian);
        Assert.All(mails, m => Assert.DoesNotContain("Anxiété", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheProvider_SeesOnlyItsReferralsPatients()
    {
        var (oncologist, referred) = await factory.PatientWithNurseAsync("Referee");
        var (_, other) = await factory.PatientWithNurseAsync("Autre");
        await oncologist.ReferToLigueAsync(referred);

        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        Assert.Equal(HttpStatusCode.OK, (await psychologist.GetAsync($"/api/patients/{referred}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.GetAsync($"/api/patients/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.GetAsync($"/api/patients/{other}/supportive-care")).StatusCode);
        var mine = await psychologist.GetJsonAsync("/api/supportive-care/my-referrals");
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("referral").GetProperty("patientId").GetGuid() == other);
    }

    [Fact]
    public async Task ANeedCategory_StandsForTheNeed_AndTheServiceMustBeTheProviders()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Categorie");
        var referralId = await oncologist.ReferToLigueAsync(patientId, need: "nutrition", service: "dietetics");
        var record = await oncologist.GetJsonAsync($"/api/patients/{patientId}/supportive-care");
        var need = Assert.Single(record.GetProperty("needs").EnumerateArray());
        Assert.Equal("nutrition", need.GetProperty("category").GetString());
        Assert.Equal(need.GetProperty("id").GetGuid(), (await oncologist.ReferralAsync(patientId, referralId)).GetProperty("needId").GetGuid());

        var providerId = await oncologist.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace);
        await SupportiveCarePatients.AssertProblemAsync(await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals",
            new { service = "pain", providerId, need = "pain" }), HttpStatusCode.BadRequest, "service");
        await SupportiveCarePatients.AssertProblemAsync(await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals",
            new { service = "psychology", providerId, need = "astrology" }), HttpStatusCode.BadRequest, "need");
        await SupportiveCarePatients.AssertProblemAsync(await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/needs",
            new { category = "psychological", severity = "unbearable" }), HttpStatusCode.BadRequest, "severity");
    }

    [Fact]
    public async Task AProvider_DoesNotReferItself_TheRefusalNamesTheCapability()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Capacite");
        await oncologist.ReferToLigueAsync(patientId);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);

        var refused = await psychologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/needs", new { category = "pain", severity = "mild" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("manage-supportive-care", (await refused.JsonAsync()).GetProperty("capability").GetString());
    }
}

[Collection("sqlite")]
public sealed class ProposeReferralSqliteTests(SqliteRelaisFactory factory) : ProposeReferralTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ProposeReferralPostgresTests(PostgresRelaisFactory factory) : ProposeReferralTests(factory), IClassFixture<PostgresRelaisFactory>;
