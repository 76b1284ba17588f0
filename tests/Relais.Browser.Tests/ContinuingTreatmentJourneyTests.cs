using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Features.Portal;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 16, "Done when": at the end of treatment of a breast cancer the oncologist records letrozole for 5 years; the
/// bone-density items appear in the carnet from the validated module; the patient reports joint pain and stopping the
/// drug → an early-return signal lands in the team queue and the GP is told; the PPAC is re-issued with the change.
/// </summary>
[Collection("browser")]
public sealed class ContinuingTreatmentJourneyTests(BrowserFixture browser)
{
    private const string Name = "LEROUX Agnès";
    private const string BirthDate = "1970-05-14";
    private static readonly PageAssertionsToHaveURLOptions SlowNavigation = new() { Timeout = 60_000 };

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task LetrozoleAtTheEndOfTreatment_AddsTheBoneModule_ThePatientsStopReachesTheTeamAndTheGp_AndThePpacIsReissued()
    {
        // The clock is Monday 23 November 2026; J0 and the start of letrozole are 20 November 2026.
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        var patientUrl = await CreatePatientInActiveTreatmentAsync(oncologist);
        await oncologist.GotoAsync($"{patientUrl}/fin-de-traitement");
        await oncologist.GetByLabel("Date de fin du traitement actif (J0)").FillAsync("2026-11-20");
        await oncologist.GetByLabel("Protocole de suivi").SelectOptionAsync("breast");
        await oncologist.GetByLabel("Médicament (DCI)").FillAsync("Létrozole");
        await oncologist.GetByLabel("Classe", new() { Exact = true }).SelectOptionAsync("aromatase-inhibitor");
        await oncologist.GetByLabel("Début du traitement").FillAsync("2026-11-20");
        await oncologist.GetByLabel("Durée prévue (mois)").FillAsync("60");
        await oncologist.GetByLabel("Prescripteur").FillAsync("Dr Claire Martin");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fin du traitement et créer le carnet" }).ClickAsync();
        await Assertions.Expect(oncologist).ToHaveURLAsync(new Regex(@"/suivi\?fin=1"), SlowNavigation);

        // The bone densitometry of the validated module, month 1 then every two years, each row naming its module.
        var bone = oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ostéodensitométrie" });
        await Assertions.Expect(bone).ToHaveCountAsync(3);
        await Assertions.Expect(bone.Filter(new() { HasText = "20/12/2026" })).ToContainTextAsync("module : Suivi osseux sous inhibiteur de l'aromatase (version 1)");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Traitements qui se poursuivent" }).First.ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Létrozole" })).ToBeVisibleAsync();
        await Assertions.Expect(oncologist.GetByText("60 mois, arrêt prévu le 20/11/2031")).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));

        // The patient, on the portal: joint pain, and she stopped the drug.
        var patient = await PatientPageAsync(patientUrl);
        await patient.GotoAsync($"{patientUrl}/traitements-poursuivis");
        await patient.GetByText("Signaler comment je prends ce traitement").ClickAsync();
        await patient.GetByLabel("J'ai arrêté ce traitement").CheckAsync();
        await patient.GetByLabel("Effets indésirables").FillAsync("Douleurs articulaires des mains et des genoux");
        await patient.GetByLabel("Le traitement est mal toléré").CheckAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(patient));
        await patient.GetByRole(AriaRole.Button, new() { Name = "Transmettre" }).ClickAsync();
        await Assertions.Expect(patient.GetByText("retour précoce demandé à l'équipe")).ToBeVisibleAsync();
        await patient.Context.CloseAsync();

        // The early return is in the team's queue, with its one owner.
        await oncologist.GotoAsync("/file-equipe");
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = Name }).Filter(new() { HasText = "C14" }).First).ToBeVisibleAsync();

        // The oncologist records the stop: the PPAC is re-issued (version 2).
        await oncologist.GotoAsync($"{patientUrl}/traitements-poursuivis");
        await oncologist.GetByText("Enregistrer l'arrêt ou le changement").ClickAsync();
        await oncologist.GetByLabel("Motif de l'arrêt").FillAsync("Arthralgies sous létrozole");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'arrêt et rééditer le PPAC" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByText("arrêté le 23/11/2026 : Arthralgies sous létrozole")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await oncologist.Context.CloseAsync();

        // The GP is told: the C14's copy, and the PPAC's new version, in his inbox.
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await Assertions.Expect(await InboxPages.RowAsync(gp, Name, "C14")).ToContainTextAsync("Retour précoce vers le spécialiste");
        await Assertions.Expect(await InboxPages.RowAsync(gp, Name, "Programme personnalisé de l'après-cancer (version 2)")).ToContainTextAsync("C11");
    }

    /// <summary>The patient's portal account opened by the oncologist and activated, then signed in in a new browser context.</summary>
    private async Task<IPage> PatientPageAsync(string patientUrl)
    {
        var patientId = Guid.Parse(patientUrl.Split('/')[^1]);
        using var api = await browser.SignedInApiAsync(Api.Oncologist);
        var email = Accounts.NewEmail("letrozole");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email })).StatusCode);
        var token = await browser.Factory.MailedTokenAsync(await browser.Factory.UserIdAsync(email));
        using var anonymous = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var key = await anonymous.ActivateAsPatientAsync(token, BirthDate);

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpNow(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A new patient, declared GP Jean Dubois, with a breast cancer confirmed in October 2025 and treated since November.</summary>
    private async Task<string> CreatePatientInActiveTreatmentAsync(IPage page)
    {
        await page.GotoAsync("/patients/nouveau");
        await page.GetByLabel("Matricule INS (15 caractères)").FillAsync(Api.Ins("2700576451187"));
        await page.GetByLabel("Nom de naissance").FillAsync("Leroux");
        await page.GetByLabel("Prénom(s)").FillAsync("Agnès");
        await page.GetByLabel("Date de naissance").FillAsync(BirthDate);
        await page.GetByLabel("Sexe").SelectOptionAsync("Female");
        var dubois = await page.Locator("#gp option").Filter(new() { HasText = "Dubois" }).First.GetAttributeAsync("value");
        await page.GetByLabel("Médecin traitant déclaré").SelectOptionAsync(dubois!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Name, Level = 1 })).ToBeVisibleAsync();
        var patientUrl = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel épisode" }).ClickAsync();
        await page.GetByLabel("Localisation (CIM-10, ex. C50.4)").FillAsync("C50.4");
        await page.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Sein, quadrant supéro-externe");
        await page.GetByLabel("Phase initiale").SelectOptionAsync("DiagnosisConfirmed");
        await page.GetByLabel("Date du diagnostic").FillAsync("2025-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sein, quadrant supéro-externe (C50.4)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer une étape" }).ClickAsync();
        var episodeId = Guid.Parse(Regex.Match(page.Url, "/episodes/([0-9a-f-]{36})/etape").Groups[1].Value);
        await page.GetByLabel("Annonce", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Date de l'étape").FillAsync("2025-10-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Name, Level = 1 })).ToBeVisibleAsync();
        await browser.Factory.Services.PastStepsAsync(episodeId, (PathwayPhase.CareProgramme, new DateOnly(2025, 11, 1)), (PathwayPhase.ActiveTreatment, new DateOnly(2025, 11, 15)));
        return patientUrl;
    }
}
