using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

/// <summary>Password reset by e-mail, with an answer that tells nobody who has an account; sign-out revokes.</summary>
public abstract class PasswordResetTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheResetAnswer_IsTheSameWhateverTheAddress_AndOnlyAnAccountGetsAnEmail()
    {
        var anonymous = factory.CreateClient();
        var outboxBefore = await AccountMailsAsync();
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "personne@nulle-part.test" });
        var known = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "anapath@relais.demo" });
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal(outboxBefore + 1, await AccountMailsAsync());

        var page = factory.CreateClient();
        var html = await page.GetStringAsync("/connexion");
        Assert.Contains("/connexion/mot-de-passe-oublie", html);
    }

    [Fact]
    public async Task TheLink_SetsANewPasswordOnce_AndEndsTheSessionsOpenedBefore()
    {
        const string who = "chirurgien@relais.demo";
        var before = await factory.ClientAsAsync(who);
        var anonymous = factory.CreateClient();
        await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = who });
        var id = await UserIdAsync(who);
        var token = await factory.MailedTokenAsync(id);

        var mismatch = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = Accounts.NewPassword, confirmation = "autre" });
        Assert.True((await mismatch.JsonAsync()).GetProperty("errors").TryGetProperty("confirmation", out _));
        var weak = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = "court", confirmation = "court" });
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));

        var reset = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = Accounts.NewPassword, confirmation = Accounts.NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.LoginAsync(who)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.LoginAsync(who, Accounts.NewPassword)).StatusCode);

        var reused = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = "Encore-Un-Autre-2026!", confirmation = "Encore-Un-Autre-2026!" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.True((await reused.JsonAsync()).GetProperty("errors").TryGetProperty("token", out _));
        Assert.Equal(["password-reset-requested", "password-reset"], await factory.AccountEventsAsync(id));
    }

    [Fact]
    public async Task SigningOut_RevokesTheAccessAndRefreshTokens()
    {
        const string who = "oncologue2@relais.demo";
        var anonymous = factory.CreateClient();
        var login = await (await anonymous.LoginAsync(who)).JsonAsync();
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var refresh = login.GetProperty("refreshToken").GetString();
        var cookie = await factory.CookieClientAsync(who);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsAsync(who)).GetAsync("/api/patients")).StatusCode);
    }

    private async Task<int> AccountMailsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Account);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}

[Collection("sqlite")]
public sealed class PasswordResetSqliteTests(SqliteRelaisFactory factory) : PasswordResetTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PasswordResetPostgresTests(PostgresRelaisFactory factory) : PasswordResetTests(factory), IClassFixture<PostgresRelaisFactory>;
