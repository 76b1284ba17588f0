using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>Registering a case: a G8 before an over-75 case, paediatric cases discussed, the GP invited (C6); the page's recurrence path.</summary>
public abstract class RegisterCaseTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnOver75Case_NeedsAG8_ThenIsRegistered_AndTheGpIsInvited()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1948-03-02");
        var meeting = await RcpTestData.BreastMeetingAsync(oncologist);
        var body = new { meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Stratégie thérapeutique ?", kind = "discussed" };
        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("G8", (await refused.JsonAsync()).GetProperty("errors").GetProperty("g8")[0].GetString());

        var g8 = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/g8", new
        {
            foodIntake = 1, weightLoss = 2, mobility = 2, neuropsychological = 2, bodyMassIndex = 20.5, moreThanThreeMedications = true, selfRatedHealth = 1,
        })).JsonAsync();
        // 1 + 2 + 2 + 2 + 1 (BMI 20.5) + 0 (> 3 drugs) + 1 (as good) + 2 (78, under 80) = 11
        Assert.Equal(11m, g8.GetProperty("score").GetDecimal());
        Assert.True(g8.GetProperty("fullAssessmentRecommended").GetBoolean());

        var registered = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", body);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var c6 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c6");
        Assert.Contains("RCP Sénologie", c6.GetProperty("title").GetString());
        Assert.Equal("general-practitioner", c6.GetProperty("recipients")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task APaediatricCase_CannotBeRegisteredOnly()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("2010-06-01");
        var meeting = await RcpTestData.BreastMeetingAsync(oncologist);
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/tumor-board-cases", new
        {
            meetingId = meeting.GetProperty("id").GetGuid(), episodeId, question = "Traitement standard ?", kind = "registered-only", registeredOnlyReason = "validated-guideline",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheOneClickPathFromAnEarlyReturn_OpensTheCaseFormAsARecurrence()
    {
        var (_, patientId, _) = await factory.NewPatientAsync("1960-07-07");
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(Api.Oncologist, cookies: true)).StatusCode);
        var plain = await browser.GetStringAsync($"/patients/{patientId}/rcp");
        var recurrence = await browser.GetStringAsync($"/patients/{patientId}/rcp?recidive=1");
        static bool Checked(string html) => System.Text.RegularExpressions.Regex.IsMatch(html, "<input[^>]*id=\"case-recurrence\"[^>]*checked");
        Assert.False(Checked(plain));
        Assert.True(Checked(recurrence));
    }
}

[Collection("sqlite")]
public sealed class RegisterCaseSqliteTests(SqliteRelaisFactory factory) : RegisterCaseTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RegisterCasePostgresTests(PostgresRelaisFactory factory) : RegisterCaseTests(factory), IClassFixture<PostgresRelaisFactory>;
