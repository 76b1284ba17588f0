using Microsoft.Net.Http.Headers;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// The cookie jar of a test client, kept at the app's time. The app under test runs on a fixed
/// <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>, so a persistent cookie it issues
/// expires at fake time + 8 h. <see cref="System.Net.CookieContainer"/> (the default jar of
/// WebApplicationFactory clients) compares that date with the machine's real clock and silently drops
/// the cookie a few hours after the fake date: the time bomb this class removes. Expiry here is read
/// from the same clock the app uses, as a browser living in the app's time would.
/// </summary>
/// <remarks>
/// Every test client talks to one host (localhost), so domain and path scoping are not needed:
/// the jar holds one value per cookie name.
/// </remarks>
public sealed class AppTimeCookies(TimeProvider appTime) : DelegatingHandler
{
    private readonly Dictionary<string, (string Value, DateTimeOffset? Expires)> jar = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = CookieHeader();
        if (header.Length > 0)
        {
            request.Headers.Remove(HeaderNames.Cookie);
            request.Headers.TryAddWithoutValidation(HeaderNames.Cookie, header);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            && SetCookieHeaderValue.TryParseList(values.ToList(), out var cookies))
        {
            lock (gate)
            {
                var now = appTime.GetUtcNow();
                foreach (var cookie in cookies)
                {
                    DateTimeOffset? expires = cookie.MaxAge is { } maxAge ? now + maxAge : cookie.Expires;
                    var name = cookie.Name.ToString();
                    if (expires is { } e && e <= now) jar.Remove(name);
                    else jar[name] = (cookie.Value.ToString(), expires);
                }
            }
        }
        return response;
    }

    private string CookieHeader()
    {
        lock (gate)
        {
            var now = appTime.GetUtcNow();
            foreach (var expired in jar.Where(c => c.Value.Expires is { } e && e <= now).Select(c => c.Key).ToList())
                jar.Remove(expired);
            return string.Join("; ", jar.Select(c => $"{c.Key}={c.Value.Value}"));
        }
    }
}
