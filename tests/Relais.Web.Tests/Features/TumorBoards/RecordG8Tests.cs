using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>The G8 form of the patient's RCP page: refused answers come back first on the page, kept, with the field named.</summary>
public abstract class RecordG8Tests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ARefusedG8_ComesBackBeforeTheRegistration_WithItsAnswersAndTheFieldNamed()
    {
        // 66 years old: no G8 due, so the registration form comes first until a G8 is refused.
        var (_, patientId, _) = await factory.NewPatientAsync("1960-03-03");
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(Api.Oncologist, cookies: true)).StatusCode);
        var url = $"/patients/{patientId}/rcp";
        var page = await browser.GetStringAsync(url);
        Assert.True(page.IndexOf("id=\"register-title\"", StringComparison.Ordinal) < page.IndexOf("id=\"g8-title\"", StringComparison.Ordinal));
        Assert.Contains("66 ans, soit 2 point(s)", System.Net.WebUtility.HtmlDecode(page));

        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "g8", ["__RequestVerificationToken"] = token,
            ["G8.FoodIntake"] = "1", ["G8.WeightLoss"] = "2", ["G8.Mobility"] = "2", ["G8.Neuropsychological"] = "2", ["G8.BodyMassIndex"] = "vingt",
            ["G8.MoreThanThreeMedications"] = "true", ["G8.SelfRatedHealth"] = "1", ["G8.AssessedOn"] = "2026-11-20",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var refused = await posted.Content.ReadAsStringAsync();
        Assert.True(refused.IndexOf("id=\"g8-title\"", StringComparison.Ordinal) < refused.IndexOf("id=\"register-title\"", StringComparison.Ordinal));
        Assert.Contains("id=\"err-bodyMassIndex\"", refused);
        Assert.Matches("<input[^>]*id=\"g8-FoodIntake-1\"[^>]*checked", refused);
        Assert.Contains("value=\"2026-11-20\"", refused);
    }
}

[Collection("sqlite")]
public sealed class RecordG8SqliteTests(SqliteRelaisFactory factory) : RecordG8Tests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordG8PostgresTests(PostgresRelaisFactory factory) : RecordG8Tests(factory), IClassFixture<PostgresRelaisFactory>;
