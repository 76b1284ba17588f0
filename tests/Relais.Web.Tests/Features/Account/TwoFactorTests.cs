using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Account;

public abstract class TwoFactorTests(RelaisFactory factory)
{
    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        #pragma warning disable CA5350 // RFC 6238 TOTP is defined on HMAC-SHA1, which is what Identity's authenticator checks.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').ToUpperInvariant().Where(c => c != ' ').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    [Fact]

    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AnyAccountCanTurnOnTotp_ThenSignInNeedsTheCode()
    {
        var client = await factory.ClientAsAsync(Api.Nurse);
        var setup = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).JsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        // The code is computed on the machine's clock, not the app's fake one, because that is the clock
        // ASP.NET Core Identity checks TOTP against: in .NET 10 its Rfc6238 service and lockout read
        // DateTimeOffset.UtcNow and ignore the injected TimeProvider. If a later Identity takes the
        // TimeProvider, this must become factory.Time.GetUtcNow(). scripts/test.sh also runs this class
        // under faketime a year on and a year back: both clocks then move together.
        var enabled = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.True((await enabled.JsonAsync()).GetProperty("isTwoFactorEnabled").GetBoolean());

        var anonymous = factory.CreateClient();
        var withoutCode = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = Api.Nurse, password = Api.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("RequiresTwoFactor", (await withoutCode.JsonAsync()).GetProperty("detail").GetString());
        var withCode = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = Api.Nurse, password = Api.Password, twoFactorCode = Totp(key, DateTimeOffset.UtcNow) });
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
