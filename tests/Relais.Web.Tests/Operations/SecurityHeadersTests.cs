using System.Net;
using System.Text.RegularExpressions;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// What the browser is told (SECURITY.md §7; security review L5: the CSP only set frame-ancestors; M7: API
/// answers carrying patient data had no Cache-Control): one policy on every answer, no-store on everything
/// but the static files, and pages that need no inline script or style, so that the policy can forbid them.
/// </summary>
public abstract partial class SecurityHeadersTests(RelaisFactory factory)
{
    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndAStrictPolicy()
    {
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        foreach (var response in new[]
        {
            await anonymous.GetAsync("/connexion"), await anonymous.GetAsync("/"), await anonymous.GetAsync("/api/patients"),
            await oncologist.GetAsync($"/api/patients/{marie}"), await oncologist.GetAsync("/api/inbox"),
        })
        {
            var url = response.RequestMessage!.RequestUri!.PathAndQuery;
            var policy = Directives(response);
            Assert.Equal("'self'", policy["default-src"]);
            Assert.Equal("'self'", policy["script-src"]);
            Assert.DoesNotContain("unsafe", policy["style-src"]);
            Assert.Equal("'self'", policy["frame-ancestors"]);
            Assert.Equal("'self'", policy["base-uri"]);
            Assert.Equal("'self'", policy["form-action"]);
            Assert.Equal("'none'", policy["object-src"]);
            Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
            Assert.Contains("camera=()", Single(response, "Permissions-Policy"));
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} should be no-store");
        }
    }

    [Fact]
    public async Task AnswersCarryingPatientData_AreNeverStored_ButStaticFilesAreCached()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var documents = await oncologist.GetJsonAsync($"/api/patients/{marie}/documents");
        Assert.True(documents.GetArrayLength() > 0, "the demo patient has documents");
        var document = documents[0].GetProperty("id").GetGuid();
        foreach (var url in new[]
        {
            $"/api/patients/{marie}", $"/api/patients?search=durand", $"/api/patients/{marie}/documents/{document}/content", $"/api/patients/{marie}/documents/{document}/content?inline=true",
        })
        {
            var response = await oncologist.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} should be no-store");
        }

        var page = await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync("/");
        var stylesheet = StylesheetLink().Match(page).Groups[1].Value;
        var css = await factory.CreateClient().GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore == true, "the fingerprinted stylesheet may be cached");
    }

    [Fact]
    public async Task ThePages_HaveNoInlineScriptEventHandlerOrStyleAttribute()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var inline = new List<string>();
        foreach (var (who, urls) in new[]
        {
            (Api.Oncologist, new[] { "/", "/patients", $"/patients/{marie}", $"/patients/{marie}/suivi", $"/patients/{marie}/rcp", $"/patients/{marie}/pps" }),
            (Api.Quality, new[] { "/" }),
            (Api.Gp, new[] { "/", $"/patients/{marie}/suivi" }),
        })
        {
            var browser = await factory.CookieClientAsync(who);
            foreach (var url in urls)
            {
                var html = await browser.GetStringAsync(url);
                inline.AddRange(InlineCode().Matches(html).Select(m => $"{who} {url}: {m.Value}"));
            }
        }
        Assert.True(inline.Count == 0, string.Join("\n", inline));
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Single(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);

    /// <summary>An inline script element, an event-handler attribute, a style attribute or a javascript: address.</summary>
    [GeneratedRegex("""<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}

[Collection("sqlite")]
public sealed class SecurityHeadersSqliteTests(SqliteRelaisFactory factory) : SecurityHeadersTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SecurityHeadersPostgresTests(PostgresRelaisFactory factory) : SecurityHeadersTests(factory), IClassFixture<PostgresRelaisFactory>;
