using Microsoft.Playwright;
using Relais.Web.Demo;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

[Collection("browser")]
public sealed class CoordinationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignedPathologyReport_ReachesTheGpsInbox_WhoReadsItAndAcknowledgesIt()
    {
        var title = $"Compte rendu anatomopathologique — reprise {Guid.NewGuid().ToString()[..6]}";
        var file = Path.Combine(Path.GetTempPath(), $"relais-cr-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, DemoPdf.Create(title, "Patient : DURAND Marie", "Conclusion : carcinome canalaire infiltrant, marges saines.", "Document de test, fictif."));
        try
        {
            // Issue 11: the pathology report is signed by the pathologist of the team (the oncologist signed it here before):
            // the oncologist adds Dr Lambert to the team, and she files and signs her report.
            var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
            await OpenDurandMarieAsync(oncologist);
            await oncologist.GotoAsync(new Uri(oncologist.Url).AbsolutePath + "/equipe/ajouter");
            var lambert = await oncologist.Locator("#pro option", new() { HasText = "Camille LAMBERT" }).GetAttributeAsync("value");
            await oncologist.Locator("#pro").SelectOptionAsync(lambert!);
            await oncologist.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Anatomopathologiste" });
            await oncologist.GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
            await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "DURAND Marie", Level = 1 })).ToBeVisibleAsync();
            await oncologist.Context.CloseAsync();

            oncologist = await browser.SignedInPageAsync(Api.Pathologist);
            await OpenDurandMarieAsync(oncologist);
            await oncologist.GetByRole(AriaRole.Link, new() { Name = "Ajouter un document" }).ClickAsync();
            await oncologist.GetByLabel("Type de document").SelectOptionAsync(new SelectOptionValue { Label = "Compte rendu anatomopathologique" });
            await oncologist.GetByLabel("Titre", new() { Exact = true }).FillAsync(title);
            await oncologist.GetByLabel("Fichier").SetInputFilesAsync(file);
            await oncologist.GetByLabel("Signer et transmettre après relecture").CheckAsync();
            await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le document" }).ClickAsync();
            // Issue 11: a signature sends the report, so it is read as it will leave and confirmed, not sent in one click.
            var preview = oncologist.GetByRole(AriaRole.Region, new() { Name = $"Avant de signer : {title}" });
            await Assertions.Expect(preview.Locator("iframe.document-preview")).ToBeVisibleAsync();
            await preview.GetByRole(AriaRole.Button, new() { Name = "Confirmer : signer et transmettre" }).ClickAsync();

            await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "DURAND Marie", Level = 1 })).ToBeVisibleAsync();
            var documents = oncologist.GetByRole(AriaRole.Region, new() { Name = "Documents" });
            await Assertions.Expect(documents.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("Camille LAMBERT");
            var transmissions = oncologist.GetByRole(AriaRole.Region, new() { Name = "Transmissions" });
            await Assertions.Expect(transmissions.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("C2");
            await oncologist.Context.CloseAsync();

            var gp = await browser.SignedInPageAsync(Api.Gp);
            await gp.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" }).ClickAsync();
            await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Boîte de réception", Level = 1 })).ToBeVisibleAsync();
            // The shared database delivers many items at the same fake instant: the GP pages through his inbox to the patient's row.
            var item = await InboxPages.RowAsync(gp, "DURAND Marie", title);
            await Assertions.Expect(item).ToContainTextAsync("C2");
            await Assertions.Expect(item).ToContainTextAsync("Reçu");
            await Assertions.Expect(item).ToHaveClassAsync("unread");
            await item.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

            await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(gp.GetByText("Compte rendu d'anatomocytopathologie signé")).ToBeVisibleAsync();
            var viewer = gp.Locator("iframe.viewer");
            await Assertions.Expect(viewer).ToBeVisibleAsync();
            var source = await viewer.GetAttributeAsync("src");
            Assert.EndsWith("/content?inline=true", source);
            // The viewer's source is the API's content endpoint, served to the browser's own session cookie.
            var content = await gp.APIRequest.GetAsync(source!);
            Assert.Equal(200, content.Status);
            Assert.Equal("application/pdf", content.Headers["content-type"]);

            await gp.GetByRole(AriaRole.Button, new() { Name = "J'ai pris connaissance" }).ClickAsync();
            await Assertions.Expect(gp.GetByRole(AriaRole.Status).Filter(new() { HasText = "Pris connaissance le" })).ToBeVisibleAsync();
            await Assertions.Expect(gp.GetByRole(AriaRole.Button, new() { Name = "J'ai pris connaissance" })).ToHaveCountAsync(0);

            var done = await InboxPages.RowAsync(gp, "DURAND Marie", title);
            await Assertions.Expect(done).ToContainTextAsync("Pris connaissance");
            await gp.Context.CloseAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task GpReportsASevereEventWithASuspectedDrug_AndIsPromptedToDeclareItToPharmacovigilance()
    {
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await OpenDurandMarieAsync(gp);
        await gp.GetByRole(AriaRole.Link, new() { Name = "Signaler un événement" }).ClickAsync();
        await gp.GetByLabel("Événement pendant le suivi (C13)").CheckAsync();
        await gp.GetByLabel("3 — sévère").CheckAsync();
        await gp.GetByLabel("Description", new() { Exact = true }).FillAsync("Éruption cutanée étendue avec fièvre.\nAdmise aux urgences.");
        await gp.GetByLabel("Traitements administrés (facultatif)").FillAsync("Arrêt du traitement, antihistaminique.");
        await gp.GetByLabel("Médicament suspecté (facultatif)").FillAsync("Létrozole");
        await gp.GetByRole(AriaRole.Button, new() { Name = "Transmettre à l'équipe" }).ClickAsync();

        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Événement transmis" })).ToBeVisibleAsync();
        var prompt = gp.GetByRole(AriaRole.Region, new() { Name = "Déclaration de pharmacovigilance" });
        await Assertions.Expect(prompt).ToBeVisibleAsync();
        var link = prompt.GetByRole(AriaRole.Link);
        Assert.StartsWith("https://signalement.social-sante.gouv.fr", await link.GetAttributeAsync("href"));
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Déclaration faite" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Region, new() { Name = "Déclaration de pharmacovigilance" })).ToContainTextAsync("Déclaration faite, enregistrée le");
        await gp.Context.CloseAsync();
    }

    private static async Task OpenDurandMarieAsync(IPage page)
    {
        await page.GotoAsync("/patients?q=durand%20marie");
        await page.GetByRole(AriaRole.Link, new() { Name = "DURAND Marie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DURAND Marie", Level = 1 })).ToBeVisibleAsync();
    }
}
