using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

/// <summary>
/// Sign-in attempts are rate-limited per account and per client address (SECURITY.md promise 6; security
/// review M6: 60 attempts in 0.1 s, no 429). The test factory raises the limits for every other test;
/// here they are low, on an app of its own.
/// </summary>
public abstract class SignInLimitsTests(RelaisFactory factory)
{
    [Fact]
    public async Task AttemptsBeyondTheLimits_Get429WithRetryAfter_PerAccountThenPerClient()
    {
        await using var app = factory.Fresh();
        app.Settings["Security:SignInLimits:PerClientPerWindow"] = "7";
        app.Settings["Security:SignInLimits:PerAccountPerWindow"] = "3";
        app.Settings["Security:SignInLimits:WindowSeconds"] = "3600";
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Per account, whatever the address exists or not (no oracle), and whatever its spelling.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "personne.inconnue@relais.demo", password = "essai" })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = " PERSONNE.inconnue@relais.demo", password = "essai" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to come back");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.JsonAsync()).GetProperty("status").GetInt32());

        // Another account is still answered...
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Pharmacist, password = "essai" })).StatusCode);
        // ...through the sign-in form too; reading the form is never limited.
        var page = await client.GetStringAsync("/connexion");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string> { ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = Api.Pharmacist, ["Input.Password"] = "essai" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/connexion", new FormUrlEncodedContent(form))).StatusCode);
        // A few attempts on, the client's own limit is reached, and applies to every guarded endpoint.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3 && !answers.Contains(HttpStatusCode.TooManyRequests); i++)
            answers.Add((await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "inconnu" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/connexion", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Gp, password = Api.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "inconnu" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/password-reset", new { email = Api.Gp })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/activate", new { token = "inconnu" })).StatusCode);
        // Other requests are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task TheApiDocument_ListsThe429OfTheGuardedEndpoints()
    {
        var paths = (await factory.CreateClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/auth/login", "/api/auth/refresh", "/api/auth/password-reset", "/api/auth/activate" })
            Assert.True(paths.GetProperty(path).GetProperty("post").GetProperty("responses").TryGetProperty("429", out _), path);
        Assert.False(paths.GetProperty("/api/patients").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public void TheLimitsAreOnByDefault()
    {
        var defaults = new Relais.Web.Identity.SignInLimitOptions();
        Assert.True(defaults.Enabled);
        Assert.InRange(defaults.PerAccountPerWindow, 1, 20);
        Assert.InRange(defaults.PerClientPerWindow, 1, 100);
    }
}

[Collection("sqlite")]
public sealed class SignInLimitsSqliteTests(SqliteRelaisFactory factory) : SignInLimitsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SignInLimitsPostgresTests(PostgresRelaisFactory factory) : SignInLimitsTests(factory), IClassFixture<PostgresRelaisFactory>;
