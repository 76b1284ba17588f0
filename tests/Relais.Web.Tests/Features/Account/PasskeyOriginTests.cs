using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Relais.Web.Identity;

namespace Relais.Web.Tests.Features.Account;

/// <summary>
/// Passkeys are posted under <c>Referrer-Policy: no-referrer</c>, so the browser's Origin header is "null": the
/// ceremony's signed origin is compared with this site as the request addressed it, and anything else is refused.
/// </summary>
public sealed class PasskeyOriginTests
{
    [Theory]
    [InlineData("https://relais.example", false, true)]
    [InlineData("https://RELAIS.example", false, true)]
    [InlineData("https://relais.example", true, false)]
    [InlineData("http://relais.example", false, false)]
    [InlineData("https://relais.example:8443", false, false)]
    [InlineData("https://evil.example", false, false)]
    [InlineData("https://relais.example.evil.example", false, false)]
    [InlineData("null", false, false)]
    [InlineData("", false, false)]
    public async Task AcceptsOnlyThisSitesOwnOrigin(string origin, bool crossOrigin, bool accepted)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("relais.example");
        http.Request.Headers.Origin = "null";
        var context = new PasskeyOriginValidationContext { HttpContext = http, Origin = origin, CrossOrigin = crossOrigin };

        Assert.Equal(accepted, await PasskeyOrigin.IsThisSite(context));
    }
}
