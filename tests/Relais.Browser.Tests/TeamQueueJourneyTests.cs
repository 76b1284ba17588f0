using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

[Collection("browser")]
public sealed class TeamQueueJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AGpsEvent_LandsInTheTeamQueueWithItsOwner_WhoHandsItOnToTheOncologist()
    {
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync("/patients?q=durand%20marie");
        await gp.GetByRole(AriaRole.Link, new() { Name = "DURAND Marie" }).ClickAsync();
        await gp.GetByRole(AriaRole.Link, new() { Name = "Signaler un événement" }).ClickAsync();
        await gp.GetByLabel("Événement pendant le suivi (C13)").CheckAsync();
        await gp.GetByLabel("2 — modéré").CheckAsync();
        await gp.GetByLabel("Description", new() { Exact = true }).FillAsync("Douleurs lombaires persistantes depuis trois semaines.");
        await gp.GetByRole(AriaRole.Button, new() { Name = "Transmettre à l'équipe" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Événement transmis" })).ToBeVisibleAsync();
        await gp.Context.CloseAsync();

        var nurse = await browser.SignedInPageAsync(Api.Nurse);
        await nurse.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "File de l'équipe" }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "File de l'équipe", Level = 1 })).ToBeVisibleAsync();
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Dont je suis responsable" }).ClickAsync();
        var row = nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = "DURAND Marie" }).Filter(new() { HasText = "C13" }).First;
        await Assertions.Expect(row).ToContainTextAsync("Isabelle MOREAU");
        await row.GetByRole(AriaRole.Link, new() { Name = "Événement pendant le suivi (grade 2)" }).ClickAsync();
        await Assertions.Expect(nurse.GetByText("Signal de la file de l'équipe ; responsable : Isabelle MOREAU.")).ToBeVisibleAsync();

        await nurse.GetByRole(AriaRole.Link, new() { Name = "Confier à un autre membre de l'équipe" }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "Confier le signal à un autre membre de l'équipe", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));
        await nurse.GetByLabel("Nouveau responsable").SelectOptionAsync(new SelectOptionValue { Label = "Claire MARTIN — Oncologue référent" });
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Confier", Exact = true }).ClickAsync();
        await Assertions.Expect(nurse.GetByText("Signal de la file de l'équipe ; responsable : Claire MARTIN.")).ToBeVisibleAsync();
        await nurse.Context.CloseAsync();
    }

    [Fact]
    public async Task TheTeamChoosesTheOwnerOfItsSignals()
    {
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync("/patients?q=durand%20marie");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "DURAND Marie" }).ClickAsync();
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Responsable des signaux entrants de l'équipe" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Responsable des signaux entrants", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(oncologist.GetByText("Responsable actuel : Isabelle MOREAU (Infirmier(e) de coordination), par défaut.")).ToBeVisibleAsync();
        await oncologist.GetByLabel("Responsable choisi").SelectOptionAsync(new SelectOptionValue { Label = "Claire MARTIN — Oncologue référent" });
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByText("Responsable actuel : Claire MARTIN (Oncologue référent), choisi par l'équipe.")).ToBeVisibleAsync();
        await oncologist.GetByLabel("Responsable choisi").SelectOptionAsync(new SelectOptionValue { Label = "Ordre par défaut" });
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByText("Responsable actuel : Isabelle MOREAU (Infirmier(e) de coordination), par défaut.")).ToBeVisibleAsync();
        await oncologist.Context.CloseAsync();
    }
}
