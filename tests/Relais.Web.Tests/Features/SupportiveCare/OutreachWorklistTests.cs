using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>The outreach worklist ([L] "aller-vers", issue 13 point 4): why each patient is there, and the next action.</summary>
public abstract class OutreachWorklistTests(RelaisFactory factory)
{
    private static IEnumerable<JsonElement> Lines(JsonElement list, Guid patientId) =>
        list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("patientId").GetGuid() == patientId);

    [Fact]
    public async Task ARenouncedReferral_AndAnOldNeedWithoutReferral_AreOnTheNursesList_WithWhyAndWhatNext()
    {
        var (oncologist, renouncing) = await factory.PatientWithNurseAsync("Distance");
        var referralId = await oncologist.ReferToLigueAsync(renouncing);
        Assert.Equal(HttpStatusCode.OK, (await oncologist.StatusAsync(renouncing, referralId, "renounced", "distance")).StatusCode);
        var (_, waiting) = await factory.PatientWithNurseAsync("Attente");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{waiting}/supportive-care/needs",
            new { category = "fatigue-physical-activity", severity = "severe", moment = "visit", assessedOn = "2026-11-01" })).StatusCode);
        var (_, recent) = await factory.PatientWithNurseAsync("Recent");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{recent}/supportive-care/needs",
            new { category = "pain", severity = "mild", assessedOn = "2026-11-20" })).StatusCode);

        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var list = await nurse.GetJsonAsync("/api/worklists/outreach");

        var gaveUp = Assert.Single(Lines(list, renouncing));
        Assert.Equal(("renounced", "distance"), (gaveUp.GetProperty("reason").GetString(), gaveUp.GetProperty("renunciationReason").GetString()));
        Assert.Contains("distance", gaveUp.GetProperty("detail").GetString());
        Assert.Equal($"/patients/{renouncing}/soins-de-support", gaveUp.GetProperty("nextAction").GetProperty("href").GetString());
        var need = Assert.Single(Lines(list, waiting));
        Assert.Equal(("need-without-referral", "adapted-physical-activity"), (need.GetProperty("reason").GetString(), need.GetProperty("service").GetString()));
        Assert.Empty(Lines(list, recent));
        var reasons = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reason").GetString()).ToList();
        Assert.True(reasons.IndexOf("renounced") < reasons.IndexOf("need-without-referral"));
        Assert.Equal(14, list.GetProperty("stalledReferralDays").GetInt32());
        Assert.True(list.GetProperty("total").GetInt32() >= 2);

        // The GP is no outreach coordinator.
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.GetAsync("/api/worklists/outreach")).StatusCode);
    }

    [Fact]
    public async Task AReferralWithoutFirstContact_IsStalledAfterTheDelay_ForTheNurseAndTheStructure()
    {
        await using var app = factory.Fresh();
        var (oncologist, patientId) = await app.PatientWithNurseAsync("Silence");
        var referralId = await oncologist.ReferToLigueAsync(patientId);
        var nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Empty(Lines(await nurse.GetJsonAsync("/api/worklists/outreach"), patientId));

        app.Time.Advance(TimeSpan.FromDays(14));
        nurse = await app.ClientAsAsync(Api.Nurse);
        var stalled = Assert.Single(Lines(await nurse.GetJsonAsync("/api/worklists/outreach"), patientId));
        Assert.Equal(("stalled", referralId), (stalled.GetProperty("reason").GetString(), stalled.GetProperty("referralId").GetGuid()));

        var psychologist = await app.ClientAsAsync(SupportiveCarePatients.Psychologist);
        var structure = Assert.Single(Lines(await psychologist.GetJsonAsync("/api/worklists/outreach"), patientId));
        Assert.Equal("/soins-de-support/mes-orientations", structure.GetProperty("nextAction").GetProperty("href").GetString());

        await psychologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals/{referralId}/entries", new { kind = "first-contact" });
        Assert.Empty(Lines(await nurse.GetJsonAsync("/api/worklists/outreach"), patientId));
    }

    [Fact]
    public async Task APatientWhoDied_LeavesTheOutreachLists_OfTheNurseAndOfTheStructure()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Deces");
        var episodeId = await An.Episode().CreateAsync(oncologist, patientId);
        var referralId = await oncologist.ReferToLigueAsync(patientId);
        Assert.Equal(HttpStatusCode.OK, (await oncologist.StatusAsync(patientId, referralId, "renounced", "distance")).StatusCode);
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        Assert.Single(Lines(await nurse.GetJsonAsync("/api/worklists/outreach"), patientId));
        Assert.Single(Lines(await psychologist.GetJsonAsync("/api/worklists/outreach"), patientId));

        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions",
            new { to = "deceased", occurredOn = "2026-11-22" })).StatusCode);

        Assert.Empty(Lines(await nurse.GetJsonAsync("/api/worklists/outreach"), patientId));
        Assert.Empty(Lines(await psychologist.GetJsonAsync("/api/worklists/outreach"), patientId));
    }

    [Fact]
    public async Task AStructure_SeesOnlyThePatientsReferredToIt()
    {
        var (oncologist, patientId) = await factory.PatientWithNurseAsync("Ailleurs");
        var providerId = await oncologist.ProviderIdAsync("psychology", "Cabinet de psychologie des Carmes (démo)");
        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals", new { service = "psychology", providerId, need = "psychological" });
        var referralId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await oncologist.StatusAsync(patientId, referralId, "renounced", "financial")).StatusCode);

        var psychologist = await factory.ClientAsAsync(SupportiveCarePatients.Psychologist);
        Assert.Empty(Lines(await psychologist.GetJsonAsync("/api/worklists/outreach"), patientId));
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        Assert.Single(Lines(await nurse.GetJsonAsync("/api/worklists/outreach"), patientId));
    }
}

[Collection("sqlite")]
public sealed class OutreachWorklistSqliteTests(SqliteRelaisFactory factory) : OutreachWorklistTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OutreachWorklistPostgresTests(PostgresRelaisFactory factory) : OutreachWorklistTests(factory), IClassFixture<PostgresRelaisFactory>;
