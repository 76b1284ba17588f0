using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Notifications;

/// <summary>Issue 14, point 3: a language choice (French / English) that persists for the account, and the portal installable (web app manifest).</summary>
public abstract class LanguageTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheLanguageChosen_IsSetInThisBrowser_AndFollowsTheAccountToANewSignIn()
    {
        // The account's language is changed: an app of its own, so that the other tests read the patient's pages in French.
        await using var app = factory.Fresh();
        var api = await app.ClientAsAsync(Api.PatientAccount);
        var chosen = await api.PutAsJsonAsync("/api/me/language", new { language = "en" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("en", (await chosen.JsonAsync()).GetProperty("language").GetString());
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));

        // Another device: a new sign-in, no culture cookie — the account's choice applies.
        var other = await app.CookieClientAsync(Api.PatientAccount);
        var html = WebUtility.HtmlDecode(await other.GetStringAsync("/mon-dossier"));
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("My record", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/me/language", new { language = "fr" })).StatusCode);
        var third = await app.CookieClientAsync(Api.PatientAccount);
        Assert.Contains("<html lang=\"fr\"", await third.GetStringAsync("/mon-dossier"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData(null)]
    public async Task AnUnknownLanguage_IsRefused_NamingTheField(string? language)
    {
        var client = await factory.ClientAsAsync(Api.Nurse);
        var response = await client.PutAsJsonAsync("/api/me/language", new { language });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("language", out _));
    }

    [Fact]
    public async Task ThePortal_IsInstallable_ItsManifestAndIconsAreServed_AndEveryPageLinksTheManifest()
    {
        var client = factory.CreateClient();
        var manifest = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        var json = await manifest.JsonAsync();
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        Assert.Equal("/mon-dossier", json.GetProperty("start_url").GetString());
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            var image = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains(json.GetProperty("icons").EnumerateArray(), i => i.GetProperty("sizes").GetString() == "512x512");
        var patient = await factory.CookieClientAsync(Api.PatientAccount);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\"", await patient.GetStringAsync("/mon-dossier"), StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class LanguageSqliteTests(SqliteRelaisFactory factory) : LanguageTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class LanguagePostgresTests(PostgresRelaisFactory factory) : LanguageTests(factory), IClassFixture<PostgresRelaisFactory>;
