using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// The walk of issue 10 ("The loop exact"): each treatment phase that starts informs the GP, and the pharmacist
/// for the drugs he dispenses (C8); a laboratory feed's CA 15-3 rise, confirmed by its control, is one alert
/// escalated to an early return, owned in the team's queue and shown to the GP. The treatment is started on a
/// demo patient whose PPS was just handed over; the results arrive for a patient in shared follow-up since
/// February (the app's clock is fixed: a treatment starting today has no results after it yet).
/// </summary>
[Collection("browser")]
public sealed class LoopJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task EachPhaseStart_InformsTheGp_AndThePharmacistForTheChemotherapy()
    {
        var (patientId, name) = await BreastCancerAtPpsAsync();

        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync($"/patients/{patientId}");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "PPS : programme personnalisé de soins" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        var phases = oncologist.GetByRole(AriaRole.Row);
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Démarrer l'étape 1 : Tumorectomie et ganglion sentinelle" }).ClickAsync();
        await Assertions.Expect(phases.Filter(new() { HasText = "Tumorectomie et ganglion sentinelle" })).ToContainTextAsync("23/11/2026");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Démarrer l'étape 2 : Chimiothérapie adjuvante (4 EC puis 12 paclitaxel)" }).ClickAsync();
        await Assertions.Expect(phases.Filter(new() { HasText = "Chimiothérapie adjuvante" })).ToContainTextAsync("23/11/2026");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        await oncologist.Context.CloseAsync();

        // The GP has a C8 for each phase; the pharmacist only for the chemotherapy he dispenses.
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" }).ClickAsync();
        var gpC8 = gp.GetByRole(AriaRole.Region, new() { Name = name }).GetByRole(AriaRole.Row).Filter(new() { HasText = "C8" });
        await Assertions.Expect(gpC8).ToHaveCountAsync(2);
        await Assertions.Expect(gpC8.Filter(new() { HasText = "Début du traitement (Chirurgie)" })).ToHaveCountAsync(1);
        await Assertions.Expect(gpC8.Filter(new() { HasText = "Début du traitement (Chimiothérapie)" })).ToHaveCountAsync(1);
        Assert.Empty(await AccessibilityTests.ViolationsAsync(gp));
        await gp.Context.CloseAsync();

        var pharmacist = await browser.SignedInPageAsync(Api.Pharmacist);
        await pharmacist.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" }).ClickAsync();
        var pharmacistC8 = pharmacist.GetByRole(AriaRole.Region, new() { Name = name }).GetByRole(AriaRole.Row).Filter(new() { HasText = "C8" });
        await Assertions.Expect(pharmacistC8).ToHaveCountAsync(1);
        await Assertions.Expect(pharmacistC8).ToContainTextAsync("Début du traitement (Chimiothérapie)");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(pharmacist));
        await pharmacist.Context.CloseAsync();
    }

    [Fact]
    public async Task ALaboratoryFeedsConfirmedCa153Rise_IsOneEarlyReturn_OwnedInTheTeamQueue_AndShownToTheGp()
    {
        var oncologistApi = await ApiAsync(Api.Oncologist);
        var (patientId, episodeId) = await oncologistApi.PatientInTreatmentAsync(browser.Factory.Services);
        Assert.Equal(HttpStatusCode.Created, (await oncologistApi.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment",
            new { episodeId, endOfTreatment = "2026-02-15", protocol = "breast" })).StatusCode);
        var feed = await ApiAsync(Api.Gp);
        object Ca153(decimal value, string on) => new { patientId, code = "ca15-3", value, unit = "U/mL", effective = on, laboratory = "Laboratoire Bio-Normandie", upperLimit = 30m };
        Assert.Equal(HttpStatusCode.OK, (await feed.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(19m, "2026-03-01"), Ca153(36m, "2026-08-01") } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await feed.PostAsJsonAsync("/api/observations/batch", new { results = new[] { Ca153(38m, "2026-09-15") } })).StatusCode);

        // The early return is one item of the team's queue, with its named owner (the nurse coordinator is not in this team: the referring oncologist).
        var owner = await browser.SignedInPageAsync(Api.Oncologist);
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "File de l'équipe" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "Dont je suis responsable" }).ClickAsync();
        var items = owner.Locator($"tr:has(a[href='/patients/{patientId}'])");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items).ToContainTextAsync("C14");
        await Assertions.Expect(items).ToContainTextAsync("Claire MARTIN");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(owner));
        await owner.Context.CloseAsync();

        // The GP sees the escalated alert on the patient's follow-up, urgent, with the early return.
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync($"/patients/{patientId}/suivi");
        var alerts = gp.GetByRole(AriaRole.Article).Filter(new() { HasText = "CA 15-3" });
        await Assertions.Expect(alerts).ToHaveCountAsync(1);
        await Assertions.Expect(alerts).ToContainTextAsync("Urgent");
        await Assertions.Expect(alerts).ToContainTextAsync("38 U/mL");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(gp));
        await gp.Context.CloseAsync();
    }

    /// <summary>A client of the API served to the browser (the factory's own clients do not reach Kestrel).</summary>
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = await browser.SignedInApiAsync(email);
        return client;
    }

    /// <summary>The demo's breast cancer whose PPS was just handed over, her treatment not yet started (GP Jean Dubois, the pharmacist in her team).</summary>
    private async Task<(Guid PatientId, string Name)> BreastCancerAtPpsAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.Phase == PathwayPhase.CareProgramme && e.PrimarySite.StartsWith("C50")).ToListAsync();
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.Kind == ProgrammeKind.Pps).ToListAsync();
        var episode = episodes.First(e => programmes.Any(p => p.EpisodeId == e.Id && p.Content.Phases.Count > 1 && p.Content.Phases.All(x => x.StartedOn is null)));
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == episode.PatientId);
        return (patient.Id, patient.DisplayName);
    }
}
