using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Relais served by Kestrel on a loopback port (SQLite, demo data), driven by Debian's Chromium
/// through Playwright (RELAIS_CHROMIUM, default /usr/bin/chromium; no browser download).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public SqliteRelaisFactory Factory { get; } = new();
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The browser tests run beside the web tests (scripts/test.sh, waves): on a busy machine a page may take
        // longer than Playwright's default 5 s to show what it will show. A wrong page still fails, later.
        Assertions.SetDefaultExpectTimeout(15_000);
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RELAIS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>An API client signed in as <paramref name="email"/> (bearer token), at the app's real address.</summary>
    public async Task<HttpClient> SignedInApiAsync(string email)
    {
        var api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var login = await api.LoginAsync(email);
        login.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());
        return api;
    }

    public async Task<IPage> SignedInPageAsync(string email, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl ?? BaseUrl, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Api.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // A professional then gives the code of the demo authenticator (Api.LoginAsync); a patient goes straight in.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/connexion([?#]|$)"));
        if (page.Url.Contains("/connexion/2fa", StringComparison.Ordinal))
        {
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpNow(Relais.Web.Demo.DemoData.AuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        }
        // Poll the address and the page's own landmark rather than waiting for a "load" event:
        // Playwright can miss a load that completes while it is attaching to the new document.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/connexion"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xUnit's collection fixtures are named after what they are: a test collection.")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
