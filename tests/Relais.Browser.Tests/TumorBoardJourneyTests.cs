using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

[Collection("browser")]
public sealed class TumorBoardJourneyTests(BrowserFixture browser)
{
    private const string Question = "Patient de 78 ans : quelle stratégie thérapeutique de première ligne ?";
    private const string SiteReason = "Pas de RCP d'hématologie dans l'établissement : avis de la RCP Sénologie, avec l'hématologue référent.";

    /// <summary>Rendering and signing a document with Chromium on the server takes a few seconds the first time.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task Secretary_RegistersA78YearOldOnceTheG8IsEntered_TheDecisionWaitsForAThirdSpecialty_AndTheGpAcknowledgesTheReport()
    {
        var secretary = await browser.SignedInPageAsync(Api.Secretary);
        // The board decides when it sits: the meeting is this morning (the fixed clock says 10:00 in Paris).
        var meetingUrl = await PlanMeetingAsync(secretary, "RCP Sénologie", "2026-11-23", "09:00");
        const string meetingLabel = "RCP Sénologie — 23/11/2026 09:00";

        // The demo has one patient of exactly 78 on the fixed clock's date (Monday 23 November 2026).
        var birth = DateOnly.FromDateTime(RelaisFactory.Start.UtcDateTime).AddYears(-78).AddDays(-40);
        await secretary.GotoAsync($"/patients?q={Uri.EscapeDataString(birth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))}");
        var link = secretary.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First;
        var patientName = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = patientName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByText("78 ans")).ToBeVisibleAsync();
        await secretary.GetByRole(AriaRole.Link, new() { Name = "RCP du patient" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = $"RCP — {patientName}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByText("Patient de 78 ans : un dépistage G8 de moins de 3 mois est requis")).ToBeVisibleAsync();

        // The demo's 78-year-old has a lymphoma: the breast board says why it takes the case (there is no haematology board).
        // Registering without a G8 is refused, and the page says why.
        await FillRegistrationAsync(secretary, meetingLabel, Question, SiteReason);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Inscrire le dossier" }).ClickAsync();
        var refusal = secretary.Locator("#err-g8");
        await Assertions.Expect(refusal).ToContainTextAsync("Inscription impossible sans dépistage G8");
        await Assertions.Expect(refusal).ToContainTextAsync("Patient de 78 ans : un dépistage oncogériatrique G8 de moins de 3 mois est requis avant l'inscription.");

        // The G8: 1 + 2 + 2 + 2 + 3 (BMI 24) + 0 (more than three drugs) + 1 + 2 (78 years) = 13, at most 14.
        var g8 = secretary.GetByRole(AriaRole.Region, new() { Name = "Dépistage oncogériatrique G8" });
        await g8.GetByLabel("Anorexie modérée").CheckAsync();
        await g8.GetByLabel("Perte de poids entre 1 et 3 kg").CheckAsync();
        await g8.GetByLabel("Sort du domicile").CheckAsync();
        await g8.GetByLabel("Pas de problème psychologique").CheckAsync();
        await g8.GetByLabel("IMC (poids / taille², en kg/m²)").FillAsync("24");
        await g8.GetByRole(AriaRole.Group, new() { Name = "F. Prend plus de 3 médicaments par jour" }).GetByLabel("Oui").CheckAsync();
        await g8.GetByLabel("Aussi bonne").CheckAsync();
        await g8.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le G8" }).ClickAsync();
        var recorded = secretary.GetByRole(AriaRole.Status).Filter(new() { HasText = "G8 enregistré" });
        await Assertions.Expect(recorded).ToContainTextAsync("score 13 sur 17");
        await Assertions.Expect(recorded).ToContainTextAsync("évaluation gériatrique approfondie recommandée");

        await FillRegistrationAsync(secretary, meetingLabel, Question, SiteReason);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Inscrire le dossier" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("Dossier inscrit à la RCP Sénologie du 23/11/2026 09:00");
        var registered = secretary.GetByRole(AriaRole.Article).Filter(new() { HasText = "RCP Sénologie — 23/11/2026 09:00" });
        await Assertions.Expect(registered).ToContainTextAsync("Inscrit");
        await Assertions.Expect(registered).ToContainTextAsync("13 sur 17");
        var patientRcpUrl = secretary.Url;

        // The GP, told of the registration (C6), sends information beforehand.
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync(patientRcpUrl);
        var gpCase = gp.GetByRole(AriaRole.Article).Filter(new() { HasText = "RCP Sénologie — 23/11/2026 09:00" });
        await gpCase.GetByLabel("Votre contribution pour la RCP").FillAsync("Vit seul, autonome ; insuffisance cardiaque stable sous traitement.");
        await gpCase.GetByRole(AriaRole.Button, new() { Name = "Transmettre à la RCP" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Article).Filter(new() { HasText = "RCP Sénologie — 23/11/2026 09:00" }))
            .ToContainTextAsync("insuffisance cardiaque stable sous traitement");

        // Two medical oncologists and a surgeon: two specialties only.
        await secretary.GotoAsync(meetingUrl);
        await SetParticipantAsync(secretary, "Claire MARTIN — Oncologie médicale", "Sur place");
        await SetParticipantAsync(secretary, "Antoine ROCHE — Oncologie médicale", "Sur place");
        await SetParticipantAsync(secretary, "Paul LEFÈVRE — Chirurgie", "Sur place");
        var quorum = secretary.GetByRole(AriaRole.Region, new() { Name = "Quorum", Exact = true });
        await Assertions.Expect(quorum).ToContainTextAsync("Quorum non atteint : 2 spécialité(s) médicale(s) présente(s)");
        await secretary.Context.CloseAsync();

        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync(meetingUrl);
        var decision = oncologist.GetByRole(AriaRole.Region, new() { Name = $"Décision — {patientName}" });
        await decision.GetByLabel("Proposition thérapeutique").FillAsync("Tumorectomie et ganglion sentinelle, puis radiothérapie adjuvante et hormonothérapie.");
        await decision.GetByLabel("Référentiel (recommandation suivie)").FillAsync("Référentiel régional sein 2026");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Relire le compte rendu avant de signer" }).ClickAsync();
        // Issue 11: the report is shown as it will be sent, then signed on confirmation.
        await Assertions.Expect(decision).ToContainTextAsync("Compte rendu tel qu'il sera transmis au médecin traitant (C7)");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Confirmer : signer et transmettre" }).ClickAsync();
        var refused = oncologist.GetByRole(AriaRole.Region, new() { Name = $"Décision — {patientName}" }).GetByRole(AriaRole.Alert);
        await Assertions.Expect(refused).ToContainTextAsync("Décision refusée, faute de quorum.");
        await Assertions.Expect(refused).ToContainTextAsync("il en faut au moins 3 différentes");
        await Assertions.Expect(refused).ToContainTextAsync("radiothérapie");

        // The radiotherapist joins by video: remote participation counts [C].
        await SetParticipantAsync(oncologist, "Sophie BERNARD — Radiothérapie", "À distance");
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sophie BERNARD" })).ToContainTextAsync("À distance");
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Region, new() { Name = "Quorum", Exact = true })).ToContainTextAsync("Quorum atteint : 3 spécialités médicales présentes");
        decision = oncologist.GetByRole(AriaRole.Region, new() { Name = $"Décision — {patientName}" });
        await decision.GetByLabel("Proposition thérapeutique").FillAsync("Tumorectomie et ganglion sentinelle, puis radiothérapie adjuvante et hormonothérapie.");
        await decision.GetByLabel("Référentiel (recommandation suivie)").FillAsync("Référentiel régional sein 2026");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Relire le compte rendu avant de signer" }).ClickAsync();
        // Issue 11: the report is shown as it will be sent, then signed on confirmation.
        await Assertions.Expect(decision).ToContainTextAsync("Compte rendu tel qu'il sera transmis au médecin traitant (C7)");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Confirmer : signer et transmettre" }).ClickAsync();
        var done = oncologist.GetByRole(AriaRole.Status).Filter(new() { HasText = "Décision enregistrée" });
        await Assertions.Expect(done).ToBeVisibleAsync(Slow);
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = patientName })).ToContainTextAsync("Décision rendue");

        await done.GetByRole(AriaRole.Link, new() { Name = "Voir le compte rendu" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Compte rendu de la RCP Sénologie du 23/11/2026 09:00", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Button, new() { Name = "Imprimer" })).ToBeVisibleAsync();
        var report = oncologist.Locator("iframe#report");
        await Assertions.Expect(report).ToBeVisibleAsync();
        var html = await oncologist.APIRequest.GetAsync((await report.GetAttributeAsync("src"))!);
        Assert.Equal(200, html.Status);
        Assert.Contains("Tumorectomie et ganglion sentinelle", await html.TextAsync());
        await Assertions.Expect(report.ContentFrame.GetByText("Référentiel régional sein 2026")).ToBeVisibleAsync();
        var pdfLink = oncologist.GetByRole(AriaRole.Link, new() { Name = "Télécharger le compte rendu signé (PDF)" });
        var pdf = await oncologist.APIRequest.GetAsync((await pdfLink.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        await oncologist.Context.CloseAsync();

        // The report reaches the GP, systematically (C7).
        await gp.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" }).ClickAsync();
        var item = gp.GetByRole(AriaRole.Region, new() { Name = patientName }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Compte rendu —" });
        await Assertions.Expect(item).ToContainTextAsync("C7");
        await Assertions.Expect(item).ToContainTextAsync("avec document");
        await item.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(gp.GetByText("RCP tenue")).ToBeVisibleAsync();
        await gp.GetByRole(AriaRole.Button, new() { Name = "J'ai pris connaissance" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Status).Filter(new() { HasText = "Pris connaissance le" })).ToBeVisibleAsync();
        await gp.Context.CloseAsync();
    }

    [Fact]
    public async Task PpsWrittenFromTheDecision_ShowsItsPhasesAndContacts_AndARevisionIsVersion2()
    {
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        var suffix = new string(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
        var name = $"PROGRAMME{suffix} Lucie";
        await oncologist.GotoAsync("/patients/nouveau");
        await oncologist.GetByLabel("Matricule INS (15 caractères)").FillAsync(Api.Ins($"27001765{Random.Shared.Next(10000, 99999)}"));
        await oncologist.GetByLabel("Nom de naissance").FillAsync($"Programme{suffix}");
        await oncologist.GetByLabel("Prénom(s)").FillAsync("Lucie");
        await oncologist.GetByLabel("Date de naissance").FillAsync("1970-01-15");
        await oncologist.GetByLabel("Sexe").SelectOptionAsync("Female");
        await oncologist.GetByLabel("Médecin traitant déclaré").SelectOptionAsync(new SelectOptionValue { Label = "Jean DUBOIS (Rouen)" });
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        var patientUrl = oncologist.Url;
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Nouvel épisode" }).ClickAsync();
        await oncologist.GetByLabel("Localisation (CIM-10, ex. C50.4)").FillAsync("C50.9");
        await oncologist.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Sein");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Sein (C50.9)" })).ToBeVisibleAsync();

        var meetingUrl = await PlanMeetingAsync(oncologist, "RCP Sénologie", "2026-11-23", "09:30");
        await SetParticipantAsync(oncologist, "Claire MARTIN — Oncologie médicale", "Sur place");
        await SetParticipantAsync(oncologist, "Paul LEFÈVRE — Chirurgie", "Sur place");
        await SetParticipantAsync(oncologist, "Sophie BERNARD — Radiothérapie", "À distance");
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Region, new() { Name = "Quorum", Exact = true })).ToContainTextAsync("Quorum atteint");

        await oncologist.GotoAsync(patientUrl);
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "RCP du patient" }).ClickAsync();
        await FillRegistrationAsync(oncologist, "RCP Sénologie — 23/11/2026 09:30", "Carcinome du sein droit cT1N0 : stratégie thérapeutique ?");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Inscrire le dossier" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status)).ToContainTextAsync("Dossier inscrit");

        await oncologist.GotoAsync(meetingUrl);
        var decision = oncologist.GetByRole(AriaRole.Region, new() { Name = $"Décision — {name}" });
        await decision.GetByLabel("Proposition thérapeutique").FillAsync("Tumorectomie puis radiothérapie adjuvante.");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Relire le compte rendu avant de signer" }).ClickAsync();
        // Issue 11: the report is shown as it will be sent, then signed on confirmation.
        await Assertions.Expect(decision).ToContainTextAsync("Compte rendu tel qu'il sera transmis au médecin traitant (C7)");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Confirmer : signer et transmettre" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status).Filter(new() { HasText = "Décision enregistrée" })).ToBeVisibleAsync(Slow);

        await oncologist.GotoAsync(patientUrl);
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "PPS : programme personnalisé de soins" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByText("Aucun PPS pour l'instant.")).ToBeVisibleAsync();
        await Assertions.Expect(oncologist.GetByLabel("Décision de RCP")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
        var contactsPreview = oncologist.GetByRole(AriaRole.Table, new() { Name = "Contacts utiles, repris de l'équipe de soins" });
        await Assertions.Expect(contactsPreview.GetByRole(AriaRole.Row).Filter(new() { HasText = "Jean DUBOIS" })).ToContainTextAsync("Médecin traitant");

        var first = oncologist.GetByRole(AriaRole.Group, new() { Name = "Étape 1", Exact = true });
        await first.GetByLabel("Type de traitement").SelectOptionAsync(new SelectOptionValue { Label = "Chirurgie" });
        await first.GetByLabel("Description").FillAsync("Tumorectomie et ganglion sentinelle");
        await first.GetByLabel("Début prévu").FillAsync("2026-12-07");
        await first.GetByLabel("Lieu").FillAsync("Hôpital Saint-Relais");
        await first.GetByLabel("Hospitalisation prévue").FillAsync("2");
        var second = oncologist.GetByRole(AriaRole.Group, new() { Name = "Étape 2", Exact = true });
        await second.GetByLabel("Type de traitement").SelectOptionAsync(new SelectOptionValue { Label = "Radiothérapie" });
        await second.GetByLabel("Description").FillAsync("Radiothérapie du sein, 15 séances");
        await second.GetByLabel("Début prévu").FillAsync("2027-01-11");
        await second.GetByLabel("Fin prévue").FillAsync("2027-02-01");
        await second.GetByLabel("Hospitalisation prévue").FillAsync("0");
        await second.GetByLabel("Complications fréquentes").FillAsync("Fatigue, rougeur de la peau");
        await second.GetByLabel("Conseils").FillAsync("Hydrater la peau, éviter le soleil");
        await oncologist.GetByLabel("Bilan 1", new() { Exact = true }).FillAsync("Mammographie");
        await oncologist.GetByLabel("Fréquence du bilan 1").FillAsync("une fois par an");
        // Signing sends the PPS: it is shown as it will be sent, then confirmed (issue 11).
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Relire le PPS avant de signer" }).ClickAsync();
        await Assertions.Expect(oncologist.Locator("iframe[title='Aperçu du PPS avant signature']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Confirmer : signer et transmettre" }).ClickAsync();

        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status)).ToContainTextAsync("PPS version 1 enregistré", new() { Timeout = 30_000 });
        var current = oncologist.GetByRole(AriaRole.Region, new() { Name = "PPS en cours — version 1" });
        await Assertions.Expect(current).ToContainTextAsync("Tumorectomie puis radiothérapie adjuvante.");
        await Assertions.Expect(current.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tumorectomie et ganglion sentinelle" })).ToContainTextAsync("Chirurgie");
        await Assertions.Expect(current.GetByRole(AriaRole.Row).Filter(new() { HasText = "Radiothérapie du sein, 15 séances" })).ToContainTextAsync("ambulatoire");
        var contacts = current.GetByRole(AriaRole.Table, new() { Name = "Contacts utiles" });
        await Assertions.Expect(contacts.GetByRole(AriaRole.Row).Filter(new() { HasText = "Jean DUBOIS" })).ToContainTextAsync("Médecin traitant");
        await Assertions.Expect(contacts.GetByRole(AriaRole.Row).Filter(new() { HasText = "Claire MARTIN" })).ToBeVisibleAsync();
        await Assertions.Expect(current.Locator("iframe.viewer")).ToBeVisibleAsync();

        // A revision is a new version, sent again; the first one is kept, marked as replaced.
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Réviser le PPS (version 2)" })).ToBeVisibleAsync();
        second = oncologist.GetByRole(AriaRole.Group, new() { Name = "Étape 2", Exact = true });
        await Assertions.Expect(second.GetByLabel("Description")).ToHaveValueAsync("Radiothérapie du sein, 15 séances");
        await second.GetByLabel("Description").FillAsync("Radiothérapie du sein, 20 séances");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Relire la révision avant de signer" }).ClickAsync();
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Confirmer : signer et transmettre" }).ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status)).ToContainTextAsync("PPS version 2 enregistré", new() { Timeout = 30_000 });
        current = oncologist.GetByRole(AriaRole.Region, new() { Name = "PPS en cours — version 2" });
        await Assertions.Expect(current.GetByRole(AriaRole.Row).Filter(new() { HasText = "Radiothérapie du sein, 20 séances" })).ToBeVisibleAsync();
        var versions = oncologist.GetByRole(AriaRole.Region, new() { Name = "Versions" });
        await Assertions.Expect(versions.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(versions.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("en cours");
        await Assertions.Expect(versions.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("remplacée");

        await oncologist.GetByLabel("Remis au patient le").FillAsync("2026-11-23");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la remise" }).ClickAsync();
        current = oncologist.GetByRole(AriaRole.Region, new() { Name = "PPS en cours — version 2" });
        await Assertions.Expect(current).ToContainTextAsync("Remis au patient le 23/11/2026.");
        await current.GetByRole(AriaRole.Button, new() { Name = "Démarrer l'étape 1 : Tumorectomie et ganglion sentinelle" }).ClickAsync();
        current = oncologist.GetByRole(AriaRole.Region, new() { Name = "PPS en cours — version 2" });
        await Assertions.Expect(current.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tumorectomie et ganglion sentinelle" })).ToContainTextAsync("23/11/2026");
        await Assertions.Expect(current.GetByRole(AriaRole.Button, new() { Name = "Démarrer l'étape 2 : Radiothérapie du sein, 20 séances" })).ToBeVisibleAsync();
        await oncologist.Context.CloseAsync();
    }

    [Fact]
    public async Task NurseCoordinator_FillsTheAnnouncement_AndAPrecariousEpicesScoreNeedsTheSocialWorker()
    {
        var nurse = await browser.SignedInPageAsync(Api.Nurse);
        await nurse.GotoAsync("/patients?q=durand%20marie");
        await nurse.GetByRole(AriaRole.Link, new() { Name = "DURAND Marie" }).ClickAsync();
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Dispositif d'annonce" }).First.ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "Dispositif d'annonce", Level = 1 })).ToBeVisibleAsync();
        var checklist = nurse.GetByRole(AriaRole.Region, new() { Name = "Ce qui est fait, ce qui reste à faire" });
        await Assertions.Expect(checklist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Temps médical d'annonce" })).ToContainTextAsync("à faire");

        var medical = nurse.GetByRole(AriaRole.Region, new() { Name = "Temps médical" });
        await medical.GetByLabel("Ce qui a été expliqué").FillAsync("Diagnostic, chirurgie proposée, bénéfices attendus et effets indésirables.");
        await medical.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le temps médical" }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Status)).ToContainTextAsync("Enregistré.");
        await Assertions.Expect(checklist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Temps médical d'annonce" })).ToContainTextAsync("fait");

        // Sees a social worker and has financial difficulties, nothing else: 75.14 + 10.06 + 14.80 = 100, precarious.
        var epices = nurse.GetByRole(AriaRole.Region, new() { Name = "Fragilité sociale : score EPICES" });
        var questions = Relais.Domain.Announcements.Epices.Questions;
        for (var i = 0; i < questions.Count; i++)
            await epices.GetByRole(AriaRole.Group, new() { Name = questions[i].Question, Exact = true }).GetByLabel(i is 0 or 4 ? "Oui" : "Non", new() { Exact = true }).CheckAsync();
        await epices.GetByRole(AriaRole.Button, new() { Name = "Calculer et enregistrer le score EPICES" }).ClickAsync();
        await Assertions.Expect(nurse.Locator("#err-socialWorkerOriented")).ToContainTextAsync("orientez le patient vers l'assistant(e) social(e)");

        epices = nurse.GetByRole(AriaRole.Region, new() { Name = "Fragilité sociale : score EPICES" });
        await Assertions.Expect(epices.GetByRole(AriaRole.Group, new() { Name = questions[4].Question, Exact = true }).GetByLabel("Oui", new() { Exact = true })).ToBeCheckedAsync();
        await epices.GetByLabel("Orienté(e) vers l'assistant(e) social(e)").CheckAsync();
        await epices.GetByRole(AriaRole.Button, new() { Name = "Calculer et enregistrer le score EPICES" }).ClickAsync();
        epices = nurse.GetByRole(AriaRole.Region, new() { Name = "Fragilité sociale : score EPICES" });
        await Assertions.Expect(epices).ToContainTextAsync("Score EPICES : 100 sur 100.");
        await Assertions.Expect(epices).ToContainTextAsync("Situation de précarité");
        await Assertions.Expect(checklist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Orientation vers l'assistant(e) social(e)" })).ToContainTextAsync("fait");

        var nursing = nurse.GetByRole(AriaRole.Region, new() { Name = "Temps soignant" });
        await nursing.GetByLabel("Accepté par le patient").CheckAsync();
        await nursing.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le temps soignant" }).ClickAsync();
        await Assertions.Expect(nurse.Locator("#err-nursingTimeOn")).ToContainTextAsync("Indiquez la date du temps soignant.");
        await nurse.Context.CloseAsync();
    }

    /// <summary>Plans a meeting of a board from the RCP page; returns the meeting's address.</summary>
    private static async Task<string> PlanMeetingAsync(IPage page, string board, string date, string time)
    {
        await page.GotoAsync("/rcp");
        var card = page.GetByRole(AriaRole.Region, new() { Name = board, Exact = true });
        await card.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
        await card.GetByLabel("Heure (heure de Paris)").FillAsync(time);
        await card.GetByRole(AriaRole.Button, new() { Name = "Planifier la réunion" }).ClickAsync();
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{board} — {day:dd/MM/yyyy} {time}", Level = 1 })).ToBeVisibleAsync();
        return page.Url;
    }

    private static async Task SetParticipantAsync(IPage page, string professional, string presence)
    {
        await page.GetByLabel("Professionnel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = professional });
        await page.GetByRole(AriaRole.Group, new() { Name = "Présence" }).GetByLabel(presence, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la présence" }).ClickAsync();
        var name = professional[..professional.IndexOf(" — ", StringComparison.Ordinal)];
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Participants" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync(presence);
    }

    private static async Task FillRegistrationAsync(IPage page, string meeting, string question, string? siteReason = null)
    {
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Inscrire le dossier en RCP" });
        await form.GetByLabel("Réunion", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = meeting });
        await form.GetByLabel("Question posée à la RCP").FillAsync(question);
        if (siteReason is not null) await form.GetByLabel("Motif, si la RCP ne traite pas cette localisation").FillAsync(siteReason);
    }
}
