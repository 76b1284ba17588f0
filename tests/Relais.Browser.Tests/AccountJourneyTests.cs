using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>Issue 11, "Done when": the administrator invites a new GP from the UI, who activates the account and signs in.</summary>
[Collection("browser")]
public sealed class AccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheAdministratorInvitesAGp_WhoSetsPasswordAndTotp_SignsIn_AndSeesOnlyTheirPatients()
    {
        var email = Accounts.NewEmail("dr.lemaitre");
        var admin = await browser.SignedInPageAsync(Api.Admin);
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Utilisateurs", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Inviter un professionnel" }).ClickAsync();
        await admin.GetByLabel("Adresse électronique").FillAsync(email);
        await admin.GetByLabel("Prénom").FillAsync("Hélène");
        await admin.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lemaître");
        await admin.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Médecin généraliste" });
        await admin.GetByLabel("Spécialité ou profession").SelectOptionAsync(new SelectOptionValue { Label = "Médecine générale" });
        await admin.GetByLabel("Numéro RPPS ou ADELI", new() { Exact = false }).FillAsync(Accounts.NewRpps());
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Maison de santé des Tilleuls (démo)" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et envoyer l'invitation" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("L'invitation est partie");
        await admin.GetByLabel("Rechercher (nom, adresse électronique, RPPS ou ADELI)").FillAsync("lemaître");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Médecin généraliste");
        await Assertions.Expect(row).ToContainTextAsync("Invité");
        await admin.Context.CloseAsync();

        // The invitation reaches the SMTP sink; its link opens the activation page.
        var token = await browser.Factory.MailedTokenAsync(await browser.Factory.UserIdAsync(email));
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR" });
        var gp = await context.NewPageAsync();
        await gp.GotoAsync($"/compte/activation?jeton={token}");
        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Activer votre compte", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Img, new() { Name = "QR code de la clé d'authentification" })).ToBeVisibleAsync();
        var key = (await gp.Locator("code.key").GetAttributeAsync("data-key"))!;
        await gp.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Accounts.NewPassword);
        await gp.GetByLabel("Confirmez le mot de passe").FillAsync(Accounts.NewPassword);
        await gp.GetByLabel("Code à 6 chiffres").FillAsync(Accounts.TotpNow(key));
        await gp.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre compte est activé");

        await gp.GetByLabel("Adresse électronique").FillAsync(email);
        await gp.GetByLabel("Mot de passe").FillAsync(Accounts.NewPassword);
        await gp.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Double authentification", Level = 1 })).ToBeVisibleAsync();
        await gp.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpNow(key));
        await gp.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        await Assertions.Expect(gp).Not.ToHaveURLAsync(new Regex("/connexion"));

        // A new GP is in no care team: the patient list is empty, nobody else's patient shows.
        await gp.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();
        await Assertions.Expect(gp.GetByText("Aucun patient.")).ToBeVisibleAsync();

        // The link was good once.
        await gp.GotoAsync($"/compte/activation?jeton={token}");
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("déjà servi");
        await context.CloseAsync();
    }
}
