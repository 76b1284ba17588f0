using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>
/// Revocation is immediate, on the next request, for cookies, bearer tokens and refresh tokens alike (SECURITY.md
/// promise 2; security review H3 and M4). Deactivation (AccountLifecycleTests), a reused refresh token
/// (RefreshTokenTests) and signing out through the API (PasswordResetTests) are proven beside their use cases; here
/// the rest: signing out in the browser, a cookie replayed after it, the end of a care-team membership and the end
/// of a break-the-glass window, each against sessions opened before.
/// </summary>
public abstract class RevocationTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task SigningOutInTheBrowser_EndsThatCookieEvenReplayed_AndTheAccountsTokens()
    {
        const string who = "radiotherapeute@relais.demo";
        var tokens = await SignInAsync(factory.CreateClient(), who);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookieLogin = await browser.LoginAsync(who, cookies: true);
        var cookie = string.Join("; ", cookieLogin.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(browser, HttpMethod.Get, "/api/inbox", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(browser, HttpMethod.Post, "/deconnexion", cookie)).StatusCode);

        // The same cookie, kept by whoever copied it, opens nothing any more: neither the API nor the pages.
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(browser, HttpMethod.Get, "/api/inbox", cookie)).StatusCode);
        var page = await WithCookieAsync(browser, HttpMethod.Get, "/patients", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        // Signing out ends every session of the account: its bearer and refresh tokens too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReadAsync("/api/inbox", tokens.Access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh })).StatusCode);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task EndingAMembership_ClosesTheRecord_AtOnce_ToTheMembersCookie_Bearer_AndRefreshedTokens()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1966, 2, 14).CreateAsync(oncologist);
        var surgeonId = (await oncologist.GetJsonAsync("/api/professionals?search=Lef")).EnumerateArray().First().GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(RelaisFactory.Start.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var memberId = (await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team", new { professionalId = surgeonId, role = "surgeon", from = today })).JsonAsync()).GetProperty("id").GetGuid();
        var tokens = await SignInAsync(factory.CreateClient(), "chirurgien@relais.demo");
        var cookie = await factory.CookieClientAsync("chirurgien@relais.demo");
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync($"/api/patients/{id}", tokens.Access)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync($"/patients/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team/{memberId}/end", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync($"/api/patients/{id}", tokens.Access)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.GetAsync($"/patients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.GetAsync($"/api/patients/{id}")).StatusCode);
        var refreshed = await RefreshAsync(factory.CreateClient(), tokens.Refresh);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync($"/api/patients/{id}", refreshed.Access)).StatusCode);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheEndOfABreakGlassWindow_ClosesTheRecord_ToTheSessionsOpenedDuringIt()
    {
        // This test moves the clock: it runs on an app of its own, whose access tokens outlive the window, so that the
        // refusal is the window's and not the token's expiry.
        await using var app = factory.Fresh();
        app.Settings["Security:AccessTokenMinutes"] = "600";
        var patientId = await (await app.ClientAsAsync(Api.PatientAccount)).FirstPatientIdAsync();
        var tokens = await SignInAsync(app.CreateClient(), Api.OtherGp);
        var cookie = await app.CookieClientAsync(Api.OtherGp);
        var bearer = Bearer(app, tokens.Access);
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsJsonAsync("/api/break-glass", new { patientId, reason = "Patiente inconsciente aux urgences de Dieppe" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync($"/api/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync($"/patients/{patientId}")).StatusCode);

        app.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, (await bearer.GetAsync($"/api/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.GetAsync($"/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.GetAsync($"/api/patients/{patientId}")).StatusCode);
        var refreshed = await RefreshAsync(app.CreateClient(), tokens.Refresh);
        Assert.Equal(HttpStatusCode.NotFound, (await Bearer(app, refreshed.Access).GetAsync($"/api/patients/{patientId}")).StatusCode);
        // The sessions themselves go on: only the record closed.
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/inbox")).StatusCode);
    }

    private sealed record Tokens(string Access, string Refresh);

    private static async Task<Tokens> SignInAsync(HttpClient client, string email)
    {
        var response = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return new Tokens(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private static async Task<Tokens> RefreshAsync(HttpClient client, string refreshToken)
    {
        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return new Tokens(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private static HttpClient Bearer(RelaisFactory app, string access)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return client;
    }

    private Task<HttpResponseMessage> ReadAsync(string url, string access) => Bearer(factory, access).GetAsync(url);

    private static Task<HttpResponseMessage> WithCookieAsync(HttpClient client, HttpMethod method, string url, string cookie)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}

[Collection("sqlite")]
public sealed class RevocationSqliteTests(SqliteRelaisFactory factory) : RevocationTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RevocationPostgresTests(PostgresRelaisFactory factory) : RevocationTests(factory), IClassFixture<PostgresRelaisFactory>;
