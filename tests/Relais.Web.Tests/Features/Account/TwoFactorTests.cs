using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

public abstract class TwoFactorTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AnyAccountCanTurnOnTotp_ThenSignInNeedsTheCode()
    {
        // A patient: the professionals have it on already (SecondFactorTests), the patients choose.
        var client = await factory.ClientAsAsync(Api.PatientAccount);
        var setup = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).JsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        // The code is computed on the machine's clock, not the app's fake one, because that is the clock
        // ASP.NET Core Identity checks TOTP against: in .NET 10 its Rfc6238 service and lockout read
        // DateTimeOffset.UtcNow and ignore the injected TimeProvider. If a later Identity takes the
        // TimeProvider, this must become factory.Time.GetUtcNow(). scripts/test.sh also runs this class
        // under faketime a year on and a year back: both clocks then move together.
        var enabled = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Accounts.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.True((await enabled.JsonAsync()).GetProperty("isTwoFactorEnabled").GetBoolean());

        var anonymous = factory.CreateClient();
        var withoutCode = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = Api.PatientAccount, password = Api.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("RequiresTwoFactor", (await withoutCode.JsonAsync()).GetProperty("detail").GetString());
        var withCode = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = Api.PatientAccount, password = Api.Password, twoFactorCode = Accounts.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class TwoFactorSqliteTests(SqliteRelaisFactory factory) : TwoFactorTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class TwoFactorPostgresTests(PostgresRelaisFactory factory) : TwoFactorTests(factory), IClassFixture<PostgresRelaisFactory>;

/// <summary>Pro Santé Connect is off by default and appears when configured.</summary>
public sealed class ProSanteConnectTests
{
    [Fact]
    public async Task OffByDefault_OnWhenAnAuthorityIsConfigured()
    {
        await using var plain = new SqliteRelaisFactory();
        var schemes = plain.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync("ProSanteConnect"));
        Assert.DoesNotContain("Pro Sant", await plain.CreateClient().GetStringAsync("/connexion"));

        await using var configured = new SqliteRelaisFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:ProSanteConnect:Authority", "https://auth.esante.gouv.fr/auth/realms/esante-wallet");
            b.UseSetting("Authentication:ProSanteConnect:ClientId", "relais-test");
            b.UseSetting("Authentication:ProSanteConnect:ClientSecret", "secret");
        });
        Assert.NotNull(await configured.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("ProSanteConnect"));
        Assert.Contains("Pro Sant", await configured.CreateClient().GetStringAsync("/connexion"));
    }
}
