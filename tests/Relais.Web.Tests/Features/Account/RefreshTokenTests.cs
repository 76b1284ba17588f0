using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

/// <summary>
/// Refresh tokens rotate and are single-use; a reused one revokes its whole family (SECURITY.md promise 2;
/// security review H3: the same refresh token gave a new access token every time it was presented).
/// </summary>
public abstract class RefreshTokenTests(RelaisFactory factory)
{
    private const string Who = "chirurgien@relais.demo";

    [Fact]
    public async Task EachRefreshTokenServesOnce_AndTheChainGoesOn()
    {
        var anonymous = factory.CreateClient();
        var first = await SignInAsync(anonymous);
        var second = await RefreshAsync(anonymous, first);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first.Refresh, second.Refresh);
        var third = await RefreshAsync(anonymous, second);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(third.Access));
        // The JSON shape of the framework's answer is kept.
        Assert.Equal("Bearer", third.Body.GetProperty("tokenType").GetString());
        Assert.True(third.Body.GetProperty("expiresIn").GetInt32() > 0);
    }

    [Fact]
    public async Task AReusedRefreshToken_IsRefused_AndRevokesItsWholeFamily_ButNotOtherSignIns()
    {
        var anonymous = factory.CreateClient();
        var stolen = await SignInAsync(anonymous);
        var other = await SignInAsync(anonymous);
        var legitimate = await RefreshAsync(anonymous, stolen);
        Assert.Equal(HttpStatusCode.OK, legitimate.Status);

        // The copy is presented after the legitimate client used it: refused...
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(anonymous, stolen)).Status);
        // ...and the family is revoked: the legitimate client's new refresh and access tokens stop working too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(anonymous, legitimate)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(legitimate.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(stolen.Access));

        // Another sign-in of the same account is another family: untouched.
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(other.Access));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(anonymous, other)).Status);
    }

    [Fact]
    public async Task TwoConcurrentUsesOfOneRefreshToken_GiveAtMostOneNewToken()
    {
        var anonymous = factory.CreateClient();
        var signedIn = await SignInAsync(anonymous);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(factory.CreateClient(), signedIn)));
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) <= 1, string.Join(", ", answers.Select(a => a.Status)));
    }

    [Fact]
    public async Task SigningOut_RevokesTheRefreshToken()
    {
        var anonymous = factory.CreateClient();
        var signedIn = await SignInAsync(anonymous);
        var refreshed = await RefreshAsync(anonymous, signedIn);
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.Access);
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(anonymous, refreshed)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(refreshed.Access));
    }

    private sealed record Tokens(HttpStatusCode Status, string? Access, string? Refresh, JsonElement Body);

    private static async Task<Tokens> SignInAsync(HttpClient client)
    {
        var response = await client.LoginAsync(Who);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TokensAsync(response);
    }

    private static async Task<Tokens> RefreshAsync(HttpClient client, Tokens from) =>
        await TokensAsync(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = from.Refresh }));

    private static async Task<Tokens> TokensAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK) return new Tokens(response.StatusCode, null, null, default);
        var body = await response.JsonAsync();
        return new Tokens(response.StatusCode, body.GetProperty("accessToken").GetString(), body.GetProperty("refreshToken").GetString(), body);
    }

    private async Task<HttpStatusCode> ReadAsync(string? access)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return (await client.GetAsync("/api/inbox")).StatusCode;
    }
}

[Collection("sqlite")]
public sealed class RefreshTokenSqliteTests(SqliteRelaisFactory factory) : RefreshTokenTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RefreshTokenPostgresTests(PostgresRelaisFactory factory) : RefreshTokenTests(factory), IClassFixture<PostgresRelaisFactory>;
