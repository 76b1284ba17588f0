using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.Coordination;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Accounts in tests: invite, read the e-mail the sink received, activate with a TOTP code.</summary>
public static partial class Accounts
{
    public const string NewPassword = "Nouveau-Mot-de-passe-2026!";

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
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

    /// <summary>
    /// The code now, on the machine's clock: ASP.NET Core Identity checks TOTP against DateTimeOffset.UtcNow,
    /// not the app's fake clock (see TwoFactorTests). Tests that use it carry the machine-clock trait.
    /// </summary>
    public static string TotpNow(string base32Key) => Totp(base32Key, DateTimeOffset.UtcNow);

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').ToUpperInvariant().Where(c => c != ' ').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    /// <summary>A unique address for a test's new account.</summary>
    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid().ToString("N")[..8]}@relais.test";

    public static async Task<Guid> InviteAsync(this HttpClient admin, string email, string role = "GeneralPractitioner", string specialty = "general-practice", string? rpps = null, string lastName = "Nouveau")
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, firstName = "Camille", lastName, role, specialty, rpps = rpps ?? NewRpps() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/admin/users answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.JsonAsync();
        Assert.Equal("invited", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A valid RPPS number no other account has: ten random digits and their Luhn check digit.</summary>
    public static string NewRpps()
    {
        var digits = "2" + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        return digits + Relais.Domain.Professionals.Luhn.CheckDigit(digits);
    }

    /// <summary>
    /// Sends what the outbox holds for the account, and returns the token of its link the account still accepts.
    /// The test clock is fixed, so several invitations share one instant: the live one is told by asking, not by order.
    /// </summary>
    public static async Task<string> MailedTokenAsync(this RelaisFactory factory, Guid userId, int expected = 1)
    {
        await factory.DispatchAsync();
        List<Guid> ids;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            ids = await db.OutboxMessages.Where(m => m.RecipientUserId == userId && m.Kind == OutboxKind.Account).OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync();
        }
        Assert.Equal(expected, ids.Count);
        var mails = await Mailbox.WaitForAsync(ids, expected);
        Assert.Equal(expected, mails.Count);
        var tokens = mails.Select(m => Link().Match(m.TextBody ?? "").Groups[1].Value).ToList();
        if (tokens.Count == 1) return tokens[0];
        using var anonymous = factory.CreateClient();
        var live = new List<string>();
        foreach (var token in tokens)
            if ((await anonymous.GetAsync($"/api/auth/activate?token={token}")).IsSuccessStatusCode) live.Add(token);
        return Assert.Single(live);
    }

    [GeneratedRegex("jeton=([A-Za-z0-9_-]+)")]
    private static partial Regex Link();

    /// <summary>Opens the invitation and activates it with a password and the TOTP code of its key; returns the key.</summary>
    public static async Task<string> ActivateAsync(this HttpClient anonymous, string token, string password = NewPassword)
    {
        var invitation = await anonymous.GetJsonAsync($"/api/auth/activate?token={token}");
        var key = invitation.GetProperty("authenticatorKey").GetString()!;
        var response = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password, confirmation = password, code = TotpNow(key) });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"POST /api/auth/activate answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return key;
    }

    /// <summary>The audited account events about one account, oldest first.</summary>
    public static async Task<List<string>> AccountEventsAsync(this RelaisFactory factory, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var detail = $"account {userId}";
        return await db.AuditEntries.Where(a => a.Detail == detail).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    public static async Task<Guid> UserIdAsync(this RelaisFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
