using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 16 point 4 in the browser: after a breast cancer, the oncologist records the tobacco, alcohol, weight and activity
/// review (what it calls for is listed, and the PPAC is re-issued with it) and adds the organised screenings that continue
/// to the carnet; the GP sees them in the carnet as theirs to prescribe.
/// </summary>
[Collection("browser")]
public sealed class PreventionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheReviewListsWhatToOffer_ReissuesThePpac_AndTheScreeningsReachTheGpsCarnet()
    {
        var api = await browser.SignedInApiAsync(Api.Oncologist);
        var (patientId, episodeId) = await api.PatientInTreatmentAsync(browser.Factory.Services);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-11-20", protocol = "breast", horizonMonths = 24 })).StatusCode);

        var page = await browser.SignedInPageAsync(Api.Oncologist);
        await page.GotoAsync($"/patients/{patientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prévention", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prévention du second cancer", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".prevention-status")).ToHaveTextAsync("Aucun point n'est encore enregistré.");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));

        // A smoker with obesity and too little activity: the three supports to offer, and a new PPAC version.
        await page.GetByLabel("Tabac", new() { Exact = true }).SelectOptionAsync("current");
        await page.GetByLabel("Alcool", new() { Exact = true }).SelectOptionAsync("within-guidelines");
        await page.GetByLabel("Poids (kg)").FillAsync("87");
        await page.GetByLabel("Taille (cm)").FillAsync("170");
        await page.GetByLabel("Activité physique").SelectOptionAsync("insufficient");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et rééditer le PPAC" }).ClickAsync();
        await Assertions.Expect(page.Locator(".prevention-status")).ToContainTextAsync("tabac : fumeur ; alcool : consommation modérée ; IMC 30,1 ; activité physique : insuffisante");
        var toOffer = page.Locator(".prevention-actions li");
        await Assertions.Expect(toOffer).ToHaveCountAsync(3);
        await Assertions.Expect(toOffer.First).ToHaveTextAsync("Proposer un accompagnement à l'arrêt du tabac (tabac-info-service.fr)");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));

        // The organised screenings of a woman born in 1961 after a breast cancer: colorectal and cervical, not the mammography.
        var screenings = page.Locator(".screenings li");
        await Assertions.Expect(screenings).ToHaveCountAsync(2);
        await Assertions.Expect(screenings.First).ToContainTextAsync("pas encore au carnet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter les dépistages au carnet" }).ClickAsync();
        await Assertions.Expect(screenings.First).ToContainTextAsync("5 au carnet");
        await Assertions.Expect(screenings.Nth(1)).ToContainTextAsync("1 au carnet");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter les dépistages au carnet" })).ToHaveCountAsync(0);

        // The PPAC in force carries the review: the end of treatment issued version 1, the review version 2, the screenings version 3.
        await page.GotoAsync($"/patients/{patientId}/ppac");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Version en cours : 3" })).ToBeVisibleAsync();
        var ppac = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/patients/{patientId}/programmes");
        var current = ppac.EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "ppac").MaxBy(p => p.GetProperty("version").GetInt32());
        Assert.Contains(current.GetProperty("content").GetProperty("afterCancer").GetProperty("prevention").EnumerateArray(),
            l => l.GetString()!.StartsWith("Proposer un accompagnement à l'arrêt du tabac", StringComparison.Ordinal));

        // The GP finds the screenings in the carnet, as theirs.
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync($"/patients/{patientId}/suivi");
        var colorectal = gp.GetByRole(AriaRole.Row).Filter(new() { HasText = "Test de dépistage du cancer colorectal" });
        await Assertions.Expect(colorectal).ToHaveCountAsync(5);
        await Assertions.Expect(colorectal.First).ToContainTextAsync("Médecin traitant");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(gp));
        await gp.GotoAsync($"/patients/{patientId}/prevention");
        await Assertions.Expect(gp.Locator(".prevention-status")).ToContainTextAsync("tabac : fumeur");
        await page.Context.CloseAsync();
        await gp.Context.CloseAsync();
    }
}
