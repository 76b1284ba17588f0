using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// A cookie-authenticated API call that changes data carries an antiforgery token (SECURITY.md promise 7): the
/// browser sends the session cookie with a request another site makes it send, so without the token a forged
/// request is refused before any endpoint runs; with it, the call works; a bearer call needs none.
/// </summary>
public abstract class ApiAntiforgeryTests(RelaisFactory factory)
{
    private static object NewPatient(string birthName, string ins) => new
    {
        ins, birthName, firstNames = "Jeanne", birthDate = "1961-06-01", sex = "female",
    };

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ACookieCallWithoutTheToken_IsRefused_AndWritesNothing()
    {
        var browser = await factory.CookieClientAsync(Api.Oncologist);
        var name = "FORGEE" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        // As a page of another site would send it: the session cookie, another origin, no token.
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/patients") { Content = JsonContent.Create(NewPatient(name, A.Patient().NewIns())) };
        forged.Headers.Add("Origin", "https://site-malveillant.example");
        var refused = await browser.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("antiforgery-token-required", (await refused.JsonAsync()).GetProperty("code").GetString());
        // A token of another session is no better than none.
        var other = await factory.CookieClientAsync(Api.Nurse);
        var othersToken = (await other.GetJsonAsync("/api/antiforgery-token")).GetProperty("token").GetString();
        var borrowed = new HttpRequestMessage(HttpMethod.Post, "/api/patients") { Content = JsonContent.Create(NewPatient(name, A.Patient().NewIns())) };
        borrowed.Headers.Add("RequestVerificationToken", othersToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(borrowed)).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Relais.Web.Data.RelaisDb>();
        Assert.Equal(0, await db.Patients.CountAsync(p => p.BirthName == name));
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ACookieCallWithTheSessionsToken_Works()
    {
        var browser = await factory.CookieClientAsync(Api.Oncologist);
        var token = await browser.GetJsonAsync("/api/antiforgery-token");
        browser.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());

        var created = await browser.PostAsJsonAsync("/api/patients", NewPatient("Jetonvalide", A.Patient().NewIns()));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ABearerCall_NeedsNoToken()
    {
        var api = await factory.ClientAsAsync(Api.Oncologist);

        var created = await api.PostAsJsonAsync("/api/patients", NewPatient("Porteur", A.Patient().NewIns()));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class ApiAntiforgerySqliteTests(SqliteRelaisFactory factory) : ApiAntiforgeryTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ApiAntiforgeryPostgresTests(PostgresRelaisFactory factory) : ApiAntiforgeryTests(factory), IClassFixture<PostgresRelaisFactory>;
