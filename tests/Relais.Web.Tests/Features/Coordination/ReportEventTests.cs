using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Coordination.TransmissionAssertions;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>The GP reports an event to the team: C9, C13, and C14 with its referral task.</summary>
public abstract class ReportEventTests(RelaisFactory factory)
{
    [Theory]
    [InlineData("between-cycles", "c9", 3, true)]
    [InlineData("during-follow-up", "c13", 2, false)]
    public async Task C9_C13_AnEventReportedByTheGp_GoesToTheTeam_UrgentFromGrade3(string kind, string code, int grade, bool urgent)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var response = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new
        {
            kind, description = "Fièvre à 39 °C avec frissons", occurredOn = "2026-11-22", grade, treatmentsGiven = "Paracétamol", suspectedDrug = "Capécitabine",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evt = await response.JsonAsync();
        Assert.Equal(urgent, evt.GetProperty("urgent").GetBoolean());
        Assert.Equal(urgent, evt.GetProperty("pharmacovigilancePrompt").GetBoolean());
        var t = await gp.GetJsonAsync($"/api/patients/{marie}/transmissions/{evt.GetProperty("transmissionId").GetGuid()}");
        AssertTransmission(t, code, "specialist-team");
        Assert.Equal(urgent, t.GetProperty("urgent").GetBoolean());
    }

    [Fact]
    public async Task C14_ASuspectedRecurrence_CreatesTheTeamsReferralTask_WithItsDueDate()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var response = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new
        {
            kind = "suspected-recurrence", description = "Nodule palpable du sein controlatéral", occurredOn = "2026-11-21",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evt = await response.JsonAsync();
        var t = await gp.GetJsonAsync($"/api/patients/{marie}/transmissions/{evt.GetProperty("transmissionId").GetGuid()}");
        AssertTransmission(t, "c14", "specialist-team");
        Assert.True(t.GetProperty("urgent").GetBoolean());

        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var referrals = await oncologist.GetJsonAsync("/api/referrals");
        var referral = referrals.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == evt.GetProperty("referralId").GetGuid());
        var today = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(today.AddDays(7), DateOnly.Parse(referral.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsync($"/api/patients/{marie}/referrals/{referral.GetProperty("id").GetGuid()}/close", null)).StatusCode);
        Assert.DoesNotContain((await oncologist.GetJsonAsync("/api/referrals")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == referral.GetProperty("id").GetGuid());
    }
}

[Collection("sqlite")]
public sealed class ReportEventSqliteTests(SqliteRelaisFactory factory) : ReportEventTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ReportEventPostgresTests(PostgresRelaisFactory factory) : ReportEventTests(factory), IClassFixture<PostgresRelaisFactory>;
