using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 16, "Done when": a hereditary suspicion opens an oncogenetics referral that stays on the worklist until its
/// result is recorded; a BRCA result adds its module to the carnet.
/// </summary>
[Collection("browser")]
public sealed class HeredityJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AHereditarySuspicion_StaysOnTheWorklistUntilItsResult_AndABrcaResultAddsItsModuleToTheCarnet()
    {
        var api = await ApiAsync(Api.Oncologist);
        var (patientId, episodeId) = await api.PatientInTreatmentAsync(browser.Factory.Services);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);
        var page = await browser.SignedInPageAsync(Api.Oncologist);
        var onWorklist = page.Locator($"tr:has(a[href='/patients/{patientId}'])");

        // The suspicion, with the guide's criteria, opens the referral.
        await page.GotoAsync($"/patients/{patientId}/oncogenetique");
        await page.GetByLabel("Plusieurs cas de cancer dans une même branche parentale (paternelle ou maternelle)").CheckAsync();
        await page.GetByLabel("Survenue précoce du cancer").CheckAsync();
        await page.GetByLabel("Antécédents familiaux et personnels").FillAsync("Mère et tante maternelle : cancer du sein avant 45 ans");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la demande d'oncogénétique" }).ClickAsync();
        await Assertions.Expect(page.Locator(".referral-status")).ToHaveTextAsync("en attente de la consultation");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Oncogénétique et cancers rares" }).ClickAsync();
        await Assertions.Expect(onWorklist).ToContainTextAsync("Consultation d'oncogénétique");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));

        // The consultation: the referral now waits for its result, still on the worklist.
        await onWorklist.GetByRole(AriaRole.Link, new() { Name = "Consultation d'oncogénétique" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la consultation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".referral-status")).ToHaveTextAsync("en attente du résultat");
        await page.GotoAsync("/expertises");
        await Assertions.Expect(onWorklist).ToContainTextAsync("Résultat de l'analyse génétique");

        // The BRCA1 result: off the worklist, and its module in the carnet.
        await page.GotoAsync($"/patients/{patientId}/oncogenetique");
        await page.GetByLabel("Résultat de l'analyse génétique").SelectOptionAsync("brca1");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le résultat" }).ClickAsync();
        await Assertions.Expect(page.Locator(".referral-status")).ToHaveTextAsync("résultat enregistré");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Consigner l'information des apparentés" })).ToBeVisibleAsync();
        await page.GotoAsync("/expertises");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oncogénétique et cancers rares : ce qui est attendu" })).ToBeVisibleAsync();
        await Assertions.Expect(onWorklist).ToHaveCountAsync(0);

        await page.GotoAsync($"/patients/{patientId}/suivi");
        var mri = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "IRM mammaire" });
        await Assertions.Expect(mri.First).ToContainTextAsync("module : Surveillance des porteuses d'une mutation BRCA1 ou BRCA2 (version 1)");
        await page.Context.CloseAsync();
    }

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = await browser.SignedInApiAsync(email);
        return client;
    }
}
