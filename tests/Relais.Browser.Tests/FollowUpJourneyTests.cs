using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

[Collection("browser")]
public sealed class FollowUpJourneyTests(BrowserFixture browser)
{
    /// <summary>Rendering and signing the PPAC with Chromium on the server takes a few seconds the first time.</summary>
    private static readonly PageAssertionsToHaveURLOptions SlowNavigation = new() { Timeout = 60_000 };

    [Fact]
    public async Task SpecialistEndsTreatment_GpGetsThePpacAndTheCarnet_ARisingCa153RaisesAnExplainedAlert_AndASuspectedMetastasisReachesTheTeam()
    {
        // The clock is Monday 23 November 2026; J0 is 15 May 2026, so the month-3 visit (15/08/2026) is overdue.
        const string name = "VASSEUR Hélène";
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        var patientUrl = await CreateBreastCancerPatientInActiveTreatmentAsync(oncologist);

        await oncologist.GotoAsync($"{patientUrl}/fin-de-traitement");
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = $"Fin du traitement actif — {name}", Level = 1 })).ToBeVisibleAsync();
        await oncologist.GetByLabel("Date de fin du traitement actif (J0)").FillAsync("2026-05-15");
        await oncologist.GetByLabel("Protocole de suivi").SelectOptionAsync("breast");
        await oncologist.GetByLabel("PPAC élaboré avec le médecin traitant").CheckAsync();
        await oncologist.GetByLabel("Complications tardives à surveiller").FillAsync("Lymphœdème du membre supérieur gauche ; cardiotoxicité des anthracyclines.");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fin du traitement et créer le carnet" }).ClickAsync();
        await Assertions.Expect(oncologist).ToHaveURLAsync(new Regex(@"/suivi\?fin=1"), SlowNavigation);
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status).Filter(new() { HasText = "Fin du traitement actif enregistrée" })).ToContainTextAsync("(C11)");
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Protocole de suivi : Cancer du sein" })).ToBeVisibleAsync();
        await oncologist.Context.CloseAsync();

        // The GP receives the PPAC (C11) and the protocol (C12).
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" }).ClickAsync();
        await Assertions.Expect(await InboxPages.RowAsync(gp, name, "Protocole de suivi : Cancer du sein")).ToContainTextAsync("C12");
        var ppacRow = await InboxPages.RowAsync(gp, name, "Programme personnalisé de l'après-cancer");
        await Assertions.Expect(ppacRow).ToContainTextAsync("C11");
        await Assertions.Expect(ppacRow).ToContainTextAsync("avec document");
        await ppacRow.GetByRole(AriaRole.Link, new() { Name = "Programme personnalisé de l'après-cancer" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Programme personnalisé de l'après-cancer", Level = 1 })).ToBeVisibleAsync();
        await gp.GetByRole(AriaRole.Button, new() { Name = "J'ai pris connaissance" }).ClickAsync();

        // The carnet: a calendar of months, and the chronological list.
        await gp.GotoAsync($"{patientUrl}/suivi");
        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = $"Carnet de surveillance alternée — {name}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Region, new() { Name = "Protocole de suivi : Cancer du sein" })).ToContainTextAsync("15/05/2026");
        var august = gp.Locator(".month-cell").Filter(new() { HasText = "août 2026" });
        await Assertions.Expect(august).ToContainTextAsync("Examen clinique");
        await Assertions.Expect(august.GetByText("En retard")).ToHaveCountAsync(2);
        await Assertions.Expect(august.Locator(".perf-gp")).ToHaveCountAsync(1);
        await Assertions.Expect(august.Locator(".perf-specialist")).ToHaveCountAsync(1);
        var monthThree = gp.GetByRole(AriaRole.Row).Filter(new() { HasText = "15/08/2026" }).Filter(new() { HasText = "Médecin traitant" });
        await Assertions.Expect(monthThree).ToContainTextAsync("Examen clinique");
        await Assertions.Expect(monthThree).ToContainTextAsync("En retard");
        await Assertions.Expect(gp.GetByRole(AriaRole.Button, new() { Name = "Imprimer le carnet" })).ToBeVisibleAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Link, new() { Name = "Télécharger le PPAC signé (PDF)" })).ToBeVisibleAsync();

        // The follow-up worklist lists the overdue visit.
        await gp.GotoAsync("/suivi");
        await Assertions.Expect(gp.GetByRole(AriaRole.Region, new() { Name = "En retard" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name }).First).ToContainTextAsync("15/08/2026");
        await gp.GetByRole(AriaRole.Region, new() { Name = "En retard" }).GetByRole(AriaRole.Link, new() { Name = name }).First.ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Heading, new() { Name = $"Carnet de surveillance alternée — {name}", Level = 1 })).ToBeVisibleAsync();

        // Three CA 15-3 results from the same laboratory: 20, 24, then 31 U/mL.
        await EnterCa153Async(gp, "20", "2026-06-01");
        await Assertions.Expect(gp.Locator("#recorded")).ToContainTextAsync("Aucune alerte");
        await EnterCa153Async(gp, "24", "2026-08-01");
        await Assertions.Expect(gp.Locator("#recorded")).ToContainTextAsync("Aucune alerte");
        await EnterCa153Async(gp, "31", "2026-11-01");
        var recorded = gp.Locator("#recorded");
        await Assertions.Expect(recorded).ToContainTextAsync("1 alerte(s) déclenchée(s)");
        await Assertions.Expect(recorded).ToContainTextAsync("Élévation significative du CA 15-3");
        await Assertions.Expect(recorded).ToContainTextAsync("CA 15-3 à 31 U/mL le 01/11/2026");
        await Assertions.Expect(recorded).ToContainTextAsync("limite supérieure 30 U/mL");
        await Assertions.Expect(recorded).ToContainTextAsync("20 U/mL le 01/06/2026");
        var alert = gp.GetByRole(AriaRole.Article).Filter(new() { HasText = "Élévation significative du CA 15-3" });
        await Assertions.Expect(alert).ToContainTextAsync("Attention");
        await Assertions.Expect(alert).ToContainTextAsync("contrôle dans 1 à 2 mois");
        await Assertions.Expect(alert.GetByRole(AriaRole.Button, new() { Name = "Marquer traitée : Élévation significative du CA 15-3" })).ToBeVisibleAsync();

        // The trend chart: three points, the dashed limit, and the values as a table.
        var chart = gp.Locator("#chart-ca15-3 svg.chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", new Regex("3 résultat\\(s\\) du 01/06/2026 au 01/11/2026 ; dernier résultat 31 U/mL"));
        await Assertions.Expect(chart.Locator(".point")).ToHaveCountAsync(3);
        await Assertions.Expect(chart.Locator("line.limit")).ToHaveCountAsync(1);
        await gp.GetByText("Valeurs du CA 15-3 (tableau)").ClickAsync();
        await Assertions.Expect(gp.Locator("#chart-ca15-3 table tbody tr")).ToHaveCountAsync(3);

        // A warning sign reported by the GP sends the patient back to the specialist (C14).
        var signs = gp.GetByRole(AriaRole.Region, new() { Name = "Signes d'alerte : retour anticipé au spécialiste" });
        await signs.GetByLabel("Certitude ou suspicion de métastase").CheckAsync();
        await signs.GetByLabel("Précision (facultative)").FillAsync("Douleurs osseuses lombaires depuis trois semaines.");
        await signs.GetByRole(AriaRole.Button, new() { Name = "Signaler à l'équipe hospitalière" }).ClickAsync();
        var sent = gp.GetByRole(AriaRole.Status).Filter(new() { HasText = "Signalement transmis à l'équipe hospitalière (C14)" });
        await Assertions.Expect(sent).ToContainTextAsync("certitude ou suspicion de métastase");
        var referralAlert = gp.GetByRole(AriaRole.Article).Filter(new() { HasText = "Critère clinique de retour anticipé" });
        await Assertions.Expect(referralAlert).ToContainTextAsync("Urgent");
        await Assertions.Expect(referralAlert.GetByRole(AriaRole.Link, new() { Name = "Inscrire en RCP (récidive)" })).ToHaveAttributeAsync("href", $"{patientUrl}/rcp?recidive=1");
        await gp.Context.CloseAsync();

        // The hospital team sees the referral among its requests for an opinion.
        var team = await browser.SignedInPageAsync(Api.Oncologist);
        await team.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Demandes d'avis" }).ClickAsync();
        var referral = team.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(referral).ToContainTextAsync("certitude ou suspicion de métastase");
        await Assertions.Expect(referral).ToContainTextAsync("Douleurs osseuses lombaires");
        await Assertions.Expect(referral).ToContainTextAsync("Jean DUBOIS");
        await team.Context.CloseAsync();
    }

    [Fact]
    public async Task Protocols_ArePreviewedAsACalendar_AndAFaultyImportNamesEachItem()
    {
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync("/protocoles");
        var breast = gp.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cancer du sein" }).First;
        await Assertions.Expect(breast).ToContainTextAsync("validé");
        await Assertions.Expect(breast).ToContainTextAsync("Jean DUBOIS");

        var preview = gp.GetByRole(AriaRole.Region, new() { Name = "Aperçu du calendrier" });
        await preview.GetByLabel("Protocole", new() { Exact = true }).SelectOptionAsync("breast");
        await preview.GetByLabel("Fin du traitement (J0)").FillAsync("2026-05-15");
        await preview.GetByLabel("Horizon (mois)").FillAsync("24");
        await preview.GetByLabel("Radiothérapie reçue").CheckAsync();
        await preview.GetByRole(AriaRole.Button, new() { Name = "Afficher l'aperçu" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Region, new() { Name = "Aperçu du calendrier" }).GetByRole(AriaRole.Status)).ToContainTextAsync("à partir du 15/05/2026");
        await Assertions.Expect(gp.Locator(".carnet-year")).ToHaveCountAsync(3);
        var november = gp.Locator(".month-cell").Filter(new() { HasText = "novembre 2026" });
        await Assertions.Expect(november).ToContainTextAsync("Mammographie");
        await Assertions.Expect(november.Locator(".perf-imaging")).ToHaveCountAsync(1);
        await Assertions.Expect(november.Locator(".perf-lab")).ToHaveCountAsync(1);
        var may2027 = gp.Locator(".month-cell").Filter(new() { HasText = "mai 2027" });
        await Assertions.Expect(may2027.Locator(".perf-radiotherapist")).ToHaveCountAsync(1);

        var import = gp.GetByRole(AriaRole.Region, new() { Name = "Importer un protocole (JSON)" });
        await import.GetByLabel("Référentiel (JSON)").FillAsync("""
            { "code": "breast", "version": 1, "title": "Sein", "protocolKind": "breast", "authors": ["Essai"],
              "items": [ { "kind": "clinical-exam", "performers": ["gp"], "at": [3] }, { "kind": "x-ray", "performers": ["nobody"], "at": [-1] } ] }
            """);
        await import.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        var errors = gp.Locator("#import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Protocole refusé");
        await Assertions.Expect(errors).ToContainTextAsync("items[1]");
        await gp.Context.CloseAsync();
    }

    private static async Task EnterCa153Async(IPage page, string value, string date)
    {
        var form = page.GetByRole(AriaRole.Group, new() { Name = "Saisir un résultat" });
        await form.GetByLabel("Marqueur").SelectOptionAsync("ca15-3");
        await form.GetByLabel("Valeur").FillAsync(value);
        await Assertions.Expect(form.GetByLabel("Unité")).ToHaveValueAsync("U/mL");
        await form.GetByLabel("Date du prélèvement").FillAsync(date);
        await form.GetByLabel("Laboratoire", new() { Exact = true }).FillAsync("Laboratoire Bio Seine, Rouen");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le résultat" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("mesure="));
    }

    /// <summary>A new patient, declared GP Jean Dubois, with a breast cancer confirmed in October 2025 and treated since November.</summary>
    private async Task<string> CreateBreastCancerPatientInActiveTreatmentAsync(IPage page)
    {
        await page.GotoAsync("/patients/nouveau");
        await page.GetByLabel("Matricule INS (15 caractères)").FillAsync(Api.Ins("2660876451042"));
        await page.GetByLabel("Nom de naissance").FillAsync("Vasseur");
        await page.GetByLabel("Prénom(s)").FillAsync("Hélène");
        await page.GetByLabel("Date de naissance").FillAsync("1966-08-12");
        await page.GetByLabel("Sexe").SelectOptionAsync("Female");
        var dubois = await page.Locator("#gp option").Filter(new() { HasText = "Dubois" }).First.GetAttributeAsync("value");
        await page.GetByLabel("Médecin traitant déclaré").SelectOptionAsync(dubois!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "VASSEUR Hélène", Level = 1 })).ToBeVisibleAsync();
        var patientUrl = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel épisode" }).ClickAsync();
        await page.GetByLabel("Localisation (CIM-10, ex. C50.4)").FillAsync("C50.4");
        await page.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Sein, quadrant supéro-externe");
        await page.GetByLabel("Phase initiale").SelectOptionAsync("DiagnosisConfirmed");
        await page.GetByLabel("Date du diagnostic").FillAsync("2025-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sein, quadrant supéro-externe (C50.4)" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer une étape" }).ClickAsync();
        // "PPS remis" is reached by writing the PPS, not by hand: the step form does not offer it.
        await Assertions.Expect(page.GetByLabel("PPS remis", new() { Exact = true })).ToHaveCountAsync(0);
        var episodeId = Guid.Parse(Regex.Match(page.Url, "/episodes/([0-9a-f-]{36})/etape").Groups[1].Value);
        await page.GetByLabel("Annonce", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Date de l'étape").FillAsync("2025-10-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "VASSEUR Hélène", Level = 1 })).ToBeVisibleAsync();
        // The PPS of a year ago and its first phase: past steps, written in the domain (their use cases date them today).
        await browser.Factory.Services.PastStepsAsync(episodeId, (PathwayPhase.CareProgramme, new DateOnly(2025, 11, 1)), (PathwayPhase.ActiveTreatment, new DateOnly(2025, 11, 15)));
        return patientUrl;
    }
}
