using Relais.Web.Features.Account;

namespace Relais.Web.Tests.Features.Account;

/// <summary>
/// Where sign-in returns to (review L1: <c>/connexion?retour=/été</c> answered 500, a Location header refusing
/// non-ASCII): a path of this site as a header can carry it, never another host.
/// </summary>
public sealed class SafeRedirectTests
{
    [Theory]
    [InlineData("/patients", "/patients")]
    [InlineData("/patients?q=a&b=c", "/patients?q=a&b=c")]
    [InlineData("/été", "/%C3%A9t%C3%A9")]
    [InlineData("/\u3002/evil", "/%E3%80%82/evil")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/ /evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void ReturnsAPathOfThisSiteInAscii(string? asked, string expected)
    {
        var target = SafeRedirect.Target(asked);
        Assert.Equal(expected, target);
        Assert.True(target.All(c => c is > ' ' and < (char)127));
    }
}
