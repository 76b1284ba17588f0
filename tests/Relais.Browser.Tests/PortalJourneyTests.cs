using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Web.Tests.Features.Portal;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 11, "Done when": a team member opens a portal account for a new patient whose PPS was issued before; the
/// invitation reaches the SMTP sink; the patient activates it (birth date, password, TOTP) and sees the PPS; the patient
/// delegates the carnet to a caregiver, who activates their own account, sees the carnet and is refused the documents.
/// </summary>
[Collection("browser")]
public sealed class PortalJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ThePatientActivatesTheAccount_SeesThePpsIssuedBefore_AndDelegatesTheCarnetToACaregiver()
    {
        var patientId = await (await OncologistApiAsync()).PatientWithPpsAsync();

        // The team: the PPS waits for the patient; the account is opened from the record.
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync($"/patients/{patientId}");
        var panel = oncologist.GetByRole(AriaRole.Region, new() { Name = "Compte du patient sur le portail" });
        await Assertions.Expect(panel).ToContainTextAsync("Pas encore reçu par le patient");
        await Assertions.Expect(panel).ToContainTextAsync("C5");
        await panel.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le compte du patient" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Compte du patient sur le portail", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        var email = Accounts.NewEmail("patiente");
        await oncologist.GetByLabel("Adresse électronique du patient").FillAsync(email);
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation envoyée");
        await oncologist.Context.CloseAsync();

        // The patient: the invitation reaches the SMTP sink; birth date, password, TOTP; the PPS issued before is there.
        var token = await browser.Factory.MailedTokenAsync(await browser.Factory.UserIdAsync(email));
        var patient = await NewPageAsync();
        var key = await ActivateAsync(patient, token, PortalPatients.BirthDate);
        await SignInAsync(patient, email, key);
        await Assertions.Expect(patient).ToHaveURLAsync(new Regex("/mon-dossier"));
        await patient.GetByRole(AriaRole.Link, new() { Name = "Mon programme de soins" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Programme personnalisé de soins", Level = 1, Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(patient.GetByText("Tumorectomie et ganglion sentinelle").First).ToBeVisibleAsync();

        // The patient delegates the carnet, and only the carnet, to her son.
        await patient.GotoAsync("/mon-dossier");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Mes aidants : qui peut voir mon dossier" }).ClickAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(patient));
        var caregiverEmail = Accounts.NewEmail("fils");
        await patient.GetByLabel("Prénom").FillAsync("Hugo");
        await patient.GetByLabel("Nom", new() { Exact = true }).FillAsync("Delorme");
        await patient.GetByLabel("Adresse électronique").FillAsync(caregiverEmail);
        await patient.GetByLabel("Votre lien avec cette personne (fille, conjoint, ami...)").FillAsync("fils");
        await patient.GetByLabel("Rendez-vous et carnet de suivi").CheckAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Donner accès" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Status)).ToContainTextAsync("Accès accordé");
        await Assertions.Expect(patient.GetByRole(AriaRole.Row).Filter(new() { HasText = caregiverEmail })).ToContainTextAsync("Rendez-vous et carnet de suivi");
        await patient.Context.CloseAsync();

        // The caregiver: their own account, the carnet of that patient, and nothing else.
        var caregiverToken = await browser.Factory.MailedTokenAsync(await browser.Factory.UserIdAsync(caregiverEmail));
        var caregiver = await NewPageAsync();
        var caregiverKey = await ActivateAsync(caregiver, caregiverToken, null);
        await SignInAsync(caregiver, caregiverEmail, caregiverKey);
        await Assertions.Expect(caregiver.GetByRole(AriaRole.Heading, new() { Name = "Espace aidant", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(caregiver));
        await caregiver.GetByRole(AriaRole.Link, new() { Name = "Rendez-vous et carnet de suivi" }).ClickAsync();
        await Assertions.Expect(caregiver.GetByRole(AriaRole.Heading, new() { Name = "Carnet de surveillance alternée", Level = 1, Exact = false })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(caregiver));
        var documents = await caregiver.GotoAsync($"/api/patients/{patientId}/documents");
        Assert.Equal(403, documents!.Status);
        await caregiver.GotoAsync($"/patients/{patientId}");
        await Assertions.Expect(caregiver).ToHaveURLAsync(new Regex("/acces-refuse"));
        await caregiver.Context.CloseAsync();
    }

    [Fact]
    public async Task TheActivationLetter_AndTheLetterActivationPage_HaveNoAxeViolation()
    {
        var patientId = await (await OncologistApiAsync()).PatientWithPpsAsync();
        var team = await browser.SignedInPageAsync(Api.Oncologist);
        await team.GotoAsync($"/patients/{patientId}/compte-patient");
        await team.GetByRole(AriaRole.Button, new() { Name = "Préparer le courrier d'activation" }).ClickAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Name = "Votre compte Relais", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(team.Locator("strong.code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        Assert.Empty(await AccessibilityTests.ViolationsAsync(team));
        await team.Context.CloseAsync();
        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync("/compte/activation-courrier");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(anonymous));
        await anonymous.GetByLabel("Identifiant de connexion").FillAsync("personne@sans-courriel.invalid");
        await anonymous.GetByLabel("Code d'activation").FillAsync("AAAA-BBBB-CCCC");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(anonymous.GetByText("Identifiant ou code incorrect.")).ToBeVisibleAsync();
        await anonymous.Context.CloseAsync();
    }

    /// <summary>A bearer client of the oncologist on the app's real port (the browser's app runs on Kestrel).</summary>
    private async Task<HttpClient> OncologistApiAsync()
    {
        var client = await browser.SignedInApiAsync(Api.Oncologist);
        return client;
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR" });
        return await context.NewPageAsync();
    }

    private static async Task<string> ActivateAsync(IPage page, string token, string? birthDate)
    {
        await page.GotoAsync($"/compte/activation?jeton={token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activer votre compte", Level = 1 })).ToBeVisibleAsync();
        if (birthDate is not null)
        {
            Assert.Empty(await AccessibilityTests.ViolationsAsync(page));
            await page.GetByLabel("Votre date de naissance").FillAsync(birthDate);
        }
        var key = (await page.Locator("code.key").GetAttributeAsync("data-key"))!;
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Accounts.NewPassword);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(Accounts.NewPassword);
        await page.GetByLabel("Code à 6 chiffres").FillAsync(Accounts.TotpNow(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre compte est activé");
        return key;
    }

    private static async Task SignInAsync(IPage page, string email, string key)
    {
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Double authentification", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpNow(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
    }
}
