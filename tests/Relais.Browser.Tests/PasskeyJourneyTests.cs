using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 11: passkeys beside passwords. A professional adds one from the account page, signs out, and signs in with it
/// alone, which counts as the second factor (SECURITY.md promise 6). Chromium's virtual authenticator plays the device.
/// </summary>
[Collection("browser")]
public sealed class PasskeyJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AProfessionalAddsAPasskey_ThenSignsInWithItAlone_AsASecondFactor()
    {
        // WebAuthn needs a domain, not an IP address: the same server, named localhost.
        var page = await browser.SignedInPageAsync("apa@relais.demo", browser.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync("/compte/securite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une clé d'accès" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Clé d'accès enregistrée");
        await Assertions.Expect(page.Locator("[data-passkey-count]")).ToHaveTextAsync("1");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/connexion"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Connexion par clé d'accès" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/connexion|/compte/securite"));

        // No password, no code: the passkey was the second factor, so the pages of a professional open.
        await page.GotoAsync("/patients");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/patients$"));
        await page.Context.CloseAsync();
    }
}
