using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Identity;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

/// <summary>Accounts are created by administrators; repeated wrong passwords lock an account.</summary>
public abstract class SignInTests(RelaisFactory factory)
{
    [Fact]
    public async Task SelfRegistrationIsClosed()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "intrus@example.org", password = "Un-Mot-De-Passe-1!" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "intrus@example.org", password = "Un-Mot-De-Passe-1!" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Secretary, password = "mauvais-mot-de-passe" })).StatusCode);
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Secretary, password = Api.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        // The right password is refused while the lock lasts, with the answer a wrong password gets: a locked
        // account is not told apart from an unknown one (security review M6; this answered "LockedOut" before).
        Assert.Equal("Failed", (await locked.JsonAsync()).GetProperty("detail").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RelaisUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(Api.Secretary))!));
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AnUnknownAddress_AWrongPassword_ALockedAndADeactivatedAccount_GetTheSameAnswer()
    {
        const string locked = "dieteticienne@relais.demo", deactivated = "apa@relais.demo";
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++) await client.PostAsJsonAsync("/api/auth/login", new { email = locked, password = "mauvais-mot-de-passe" });
        var admin = await factory.ClientAsAsync(Api.Admin);
        var id = (await admin.GetJsonAsync($"/api/admin/users?search={deactivated}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{id}/deactivate", null)).StatusCode);

        var answers = new List<string>();
        foreach (var (email, password) in new[]
        {
            ("personne.inconnue@relais.demo", Api.Password), ("psychologue@relais.demo", "mauvais-mot-de-passe"),
            (locked, Api.Password), (deactivated, Api.Password),
        })
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
            var body = await response.JsonAsync();
            answers.Add($"{(int)response.StatusCode} {body.GetProperty("title").GetString()} {body.GetProperty("detail").GetString()}");
        }
        Assert.Single(answers.Distinct());
        Assert.StartsWith("401 ", answers[0]);

        // And the sign-in form shows one message for all of them.
        var pages = new List<string>();
        foreach (var email in new[] { "personne.inconnue@relais.demo", locked, deactivated })
        {
            var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var page = await browser.GetStringAsync("/connexion");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var posted = await browser.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = Api.Password,
            }));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            pages.Add(Regex.Match(WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), "role=\"alert\">([^<]*)<").Groups[1].Value);
        }
        Assert.Single(pages.Distinct());
        Assert.Contains("incorrect", pages[0]);
    }

    [Theory]
    [InlineData("{\"email\":null,\"password\":\"x\"}")]
    [InlineData("{\"email\":\"medecin.traitant@relais.demo\",\"password\":null}")]
    [InlineData("{\"email\":\"\",\"password\":\"\"}")]
    public async Task MissingSignInFields_AreAFailedSignIn_NotAServerError(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
    }
}

[Collection("sqlite")]
public sealed class SignInSqliteTests(SqliteRelaisFactory factory) : SignInTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SignInPostgresTests(PostgresRelaisFactory factory) : SignInTests(factory), IClassFixture<PostgresRelaisFactory>;
