using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Professionals;
using Relais.Web.Identity;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

/// <summary>
/// A second factor is required of professionals (SECURITY.md promise 6; security review: no professional account
/// required one), by a setting on by default which these tests leave on, as every other test does.
/// </summary>
public abstract partial class SecondFactorRequirementTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AProfessionalWithoutASecondFactor_GetsNoToken_AndIsSentToEnrolOne_BeforeAnythingElse()
    {
        var email = await ProfessionalWithPasswordOnlyAsync(factory);
        var anonymous = factory.CreateClient();
        var token = await anonymous.LoginAsync(email, Accounts.NewPassword);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Equal("second-factor-required", (await token.JsonAsync()).GetProperty("code").GetString());
        // A wrong password still gets the answer every failed sign-in gets: the clear problem comes after the password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.LoginAsync(email, "Mauvais-Mot-de-passe-1!")).StatusCode);

        // In the browser, the session opens the enrolment page and nothing else.
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(email, Accounts.NewPassword, cookies: true)).StatusCode);
        var page = await browser.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/compte/securite?obligatoire=1", page.Headers.Location?.OriginalString);
        var api = await browser.GetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("second-factor-required", (await api.JsonAsync()).GetProperty("code").GetString());

        var securityPage = await browser.GetAsync("/compte/securite?obligatoire=1");
        var security = await securityPage.Content.ReadAsStringAsync();
        Assert.True(securityPage.IsSuccessStatusCode, $"{(int)securityPage.StatusCode}");
        Assert.Contains("doit être protégé par une double authentification", WebUtility.HtmlDecode(security));
        var key = KeyOf().Match(security).Groups[1].Value;
        var enrolled = await browser.PostAsync("/compte/securite?obligatoire=1", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "enable-2fa", ["__RequestVerificationToken"] = AntiforgeryOf().Match(security).Groups[1].Value, ["Code"] = Accounts.TotpNow(key),
        }));
        Assert.True(enrolled.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)enrolled.StatusCode}");

        // Enrolled: this session goes on, and the API's sign-in now asks for the code and then gives a token.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/patients")).StatusCode);
        Assert.Equal("RequiresTwoFactor", (await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.NewPassword })).JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.LoginAsync(email, Accounts.NewPassword, authenticatorKey: key)).StatusCode);
    }

    [Fact]
    public async Task PatientsAndCaregivers_AreNotForced()
    {
        foreach (var email in new[] { Api.PatientAccount, "aidant@relais.demo" })
        {
            var client = factory.CreateClient();
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Api.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AProfessional_DoesNotTurnTheSecondFactorOff()
    {
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        foreach (var body in new object[] { new { enable = false }, new { resetSharedKey = true } })
        {
            var refused = await nurse.PostAsJsonAsync("/api/auth/manage/2fa", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("enable", out _));
        }
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = Api.Nurse, password = Api.Password });
        Assert.Equal("RequiresTwoFactor", (await signIn.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TurnedOff_ByItsSetting_APasswordIsEnough()
    {
        await using var app = factory.Sibling();
        app.Settings[SecondFactorGate.Setting] = "false";
        var email = await ProfessionalWithPasswordOnlyAsync(app);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.NewPassword })).StatusCode);
    }

    /// <summary>An account made before the requirement, with a password and no second factor.</summary>
    private static async Task<string> ProfessionalWithPasswordOnlyAsync(RelaisFactory app)
    {
        var email = Accounts.NewEmail("mt.sans2fa");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RelaisUser>>();
        var user = new RelaisUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Paul", LastName = "Sansfacteur", Specialty = Specialty.GeneralPractice };
        Assert.True((await users.CreateAsync(user, Accounts.NewPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.GeneralPractitioner)).Succeeded);
        return email;
    }

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyOf();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryOf();
}

[Collection("sqlite")]
public sealed class SecondFactorRequirementSqliteTests(SqliteRelaisFactory factory) : SecondFactorRequirementTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SecondFactorRequirementPostgresTests(PostgresRelaisFactory factory) : SecondFactorRequirementTests(factory), IClassFixture<PostgresRelaisFactory>;
