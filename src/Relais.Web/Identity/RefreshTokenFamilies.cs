using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Identity;

/// <summary>
/// Refresh tokens rotate and are single-use (SECURITY.md promise 2; security review H3: one refresh token
/// could be replayed for ever). Every token carries its family — the sign-in it descends from — and its own
/// id (<see cref="FamilyClaim"/>, <see cref="TokenClaim"/>). The family's only valid token is kept server-side,
/// as an Identity user token (AspNetUserTokens: provider <see cref="Provider"/>, name = family, value = the
/// current token id and when it was issued). A refresh must present that token and makes the new one current;
/// presenting any other token of the family — one already used, so copied by someone — revokes the family:
/// its refresh tokens and the access tokens issued from it stop working. A family is recorded at its first
/// refresh (a sign-in's first token is the only one of its family without a record), so a sign-in writes nothing.
/// </summary>
public sealed class RefreshTokenFamilies(RelaisDb db, TimeProvider time)
{
    public const string Provider = "relais:refresh";
    public const string FamilyClaim = "relais:family";
    public const string TokenClaim = "relais:token";
    /// <summary>The value of a revoked family starts with this mark (then when, so that the record is forgotten in time).</summary>
    public const string RevokedMark = "revoked";

    /// <summary>A new family and token id for a principal about to be signed in.</summary>
    public static void Stamp(ClaimsIdentity identity)
    {
        identity.AddClaim(new Claim(FamilyClaim, Guid.NewGuid().ToString("N")));
        identity.AddClaim(new Claim(TokenClaim, Guid.NewGuid().ToString("N")));
    }

    /// <summary>The refresh's new principal stays in the family of the token it replaces.</summary>
    public static void KeepFamily(ClaimsPrincipal principal, string family)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var claim in identity.FindAll(FamilyClaim).ToList()) identity.RemoveClaim(claim);
        identity.AddClaim(new Claim(FamilyClaim, family));
    }

    /// <summary>
    /// Makes <paramref name="next"/> the family's current token if <paramref name="presented"/> is; otherwise
    /// (a reuse, or a family already revoked) revokes the family and answers false.
    /// </summary>
    public async Task<bool> RotateAsync(Guid userId, string family, string presented, string next, DateTimeOffset oldest, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var record = await db.UserTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == family, ct);
        if (record is null)
        {
            await ForgetExpiredAsync(userId, oldest, ct);
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = Provider, Name = family, Value = Current(next, now) });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                // The same first token refreshed twice at once: one of the two is a copy.
                db.ChangeTracker.Clear();
                await RevokeAsync(userId, family, ct);
                return false;
            }
        }
        // The update is conditional on the value read, so of two concurrent uses of one token only one rotates.
        if (record.Value is { } value && !value.StartsWith(RevokedMark, StringComparison.Ordinal) && TokenOf(value) == presented
            && await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == family && t.Value == value)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, Current(next, now)), ct) == 1)
            return true;
        await RevokeAsync(userId, family, ct);
        return false;
    }

    /// <summary>Signing out ends every family of the account (their tokens are refused by the session check anyway).</summary>
    public static Task ForgetAllAsync(RelaisDb db, Guid userId, CancellationToken ct) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ExecuteDeleteAsync(ct);

    private Task<int> RevokeAsync(Guid userId, string family, CancellationToken ct) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == family)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, Current(RevokedMark, time.GetUtcNow())), ct);

    /// <summary>Families whose last token has expired can no longer be refreshed: their records go.</summary>
    private async Task ForgetExpiredAsync(Guid userId, DateTimeOffset oldest, CancellationToken ct)
    {
        var records = await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == Provider).Select(t => new { t.Name, t.Value }).ToListAsync(ct);
        var expired = records.Where(r => IssuedAt(r.Value) is { } at && at < oldest).Select(r => r.Name).ToList();
        if (expired.Count > 0)
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && expired.Contains(t.Name)).ExecuteDeleteAsync(ct);
    }

    private static string Current(string token, DateTimeOffset issued) =>
        string.Create(CultureInfo.InvariantCulture, $"{token}|{issued.ToUnixTimeSeconds()}");

    private static string TokenOf(string value) => value.Split('|')[0];

    private static DateTimeOffset? IssuedAt(string? value) =>
        value?.Split('|') is [_, var seconds] && long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : null;
}
