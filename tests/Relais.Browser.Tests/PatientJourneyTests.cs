using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

[Collection("browser")]
public sealed class PatientJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task Gp_SignsIn_SeesMyPatients_AndOpensAPatientsTimeline()
    {
        var page = await browser.SignedInPageAsync(Api.Gp);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes patients" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByLabel("Rechercher par nom, INS ou date de naissance (JJ/MM/AAAA)").FillAsync("durand marie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DURAND Marie" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DURAND Marie", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Parcours" })).ToBeVisibleAsync();
        var steps = page.GetByRole(AriaRole.List, new() { Name = "Étapes du parcours" }).GetByRole(AriaRole.Listitem);
        Assert.True(await steps.CountAsync() >= 8, "the timeline should show every step up to shared follow-up");
        await Assertions.Expect(steps.Last).ToContainTextAsync("Suivi partagé");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Diagnostic → RCP" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Équipe de soins" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task GpOutsideTheTeam_SeesNotFound_AsForAnUnknownRecord()
    {
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync("/patients?q=durand");
        await gp.GetByRole(AriaRole.Link, new() { Name = "DURAND Marie" }).ClickAsync();
        var url = gp.Url;
        await gp.Context.CloseAsync();

        var outsider = await browser.SignedInPageAsync(Api.OtherGp);
        var response = await outsider.GotoAsync(url);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Introuvable" })).ToBeVisibleAsync();
        var unknown = await outsider.GotoAsync($"/patients/{Guid.NewGuid()}");
        Assert.Equal(404, unknown!.Status);
        await outsider.Context.CloseAsync();
    }

    [Fact]
    public async Task Oncologist_CreatesAPatient_AWrongInsKeyIsNamedInFrench_ThenTheRecordOpens()
    {
        var page = await browser.SignedInPageAsync(Api.Oncologist);
        await page.GotoAsync("/patients/nouveau");
        await page.GetByLabel("Matricule INS (15 caractères)").FillAsync("2 70 01 76 543 210 99");
        await page.GetByLabel("Nom de naissance").FillAsync("Navarre");
        await page.GetByLabel("Prénom(s)").FillAsync("Odile");
        await page.GetByLabel("Date de naissance").FillAsync("1970-01-15");
        // No sex is pre-selected: it is chosen explicitly (identity vigilance).
        await page.GetByLabel("Sexe").SelectOptionAsync("Female");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#err-ins")).ToContainTextAsync("clé");

        await page.GetByLabel("Matricule INS (15 caractères)").FillAsync(Api.Ins("2700176543210"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "NAVARRE Odile", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel épisode" }).ClickAsync();
        await page.GetByLabel("Localisation (CIM-10, ex. C50.4)").FillAsync("C50.9");
        await page.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Sein");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sein (C50.9)" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Patient_SeesOwnRecord_AndWhoAccessedIt()
    {
        var page = await browser.SignedInPageAsync(Api.PatientAccount);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon dossier" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Qui a consulté mon dossier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Qui a consulté ce dossier" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "consultation" }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
