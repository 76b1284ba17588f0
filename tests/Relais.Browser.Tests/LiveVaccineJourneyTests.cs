using Microsoft.Playwright;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Features.Patients.Vaccination;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>Issue 15 point 3: the live-vaccine warning on the patient page, seen by the GP, lifted by the oncologist.</summary>
[Collection("browser")]
public sealed class LiveVaccineJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheGpSeesTheWarning_TheOncologistLiftsIt()
    {
        var oncologistApi = await browser.SignedInApiAsync(Api.Oncologist);
        var (patientId, episodeId) = await oncologistApi.PatientInTreatmentAsync(browser.Factory.Services);
        await LiveVaccineWarningTests.ChemotherapyStartedAsync(browser.Factory.Services, patientId, episodeId);
        // Treatment ended on 1 May 2026: more than six months ago, the warning waits for the oncology team.
        await browser.Factory.Services.PastStepsAsync(episodeId, (PathwayPhase.EndOfTreatment, new DateOnly(2026, 5, 1)));

        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync($"/patients/{patientId}");
        var warning = gp.GetByRole(AriaRole.Note).Filter(new() { HasText = "Vaccins vivants contre-indiqués" });
        await Assertions.Expect(warning).ToContainTextAsync("jusqu'à la levée par l'équipe d'oncologie");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(gp));

        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync($"/patients/{patientId}");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Détails de l'alerte vaccins vivants" }).ClickAsync();
        await oncologist.GetByLabel("Note (facultative)").FillAsync("Vaccination possible, avis oncologique");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Lever l'alerte vaccins vivants" }).ClickAsync();
        await Assertions.Expect(oncologist.Locator("#live-vaccine-state")).ToContainTextAsync("levée par l'équipe d'oncologie");

        await gp.GotoAsync($"/patients/{patientId}");
        await Assertions.Expect(gp.GetByRole(AriaRole.Note).Filter(new() { HasText = "Vaccins vivants contre-indiqués" })).ToHaveCountAsync(0);
    }
}
