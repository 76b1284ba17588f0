using System.Net;
using System.Net.Http.Json;
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
        Assert.Equal("LockedOut", (await locked.JsonAsync()).GetProperty("detail").GetString());
    }
}

[Collection("sqlite")]
public sealed class SignInSqliteTests(SqliteRelaisFactory factory) : SignInTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SignInPostgresTests(PostgresRelaisFactory factory) : SignInTests(factory), IClassFixture<PostgresRelaisFactory>;
