using Microsoft.Playwright;
using Relais.Web;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 13 point 6, palliative care at home ([G] §2.6): the hospital physician writes the shared symptom plan and the urgent-care
/// plan and identifies the grandson as caregiver; a GP on call, outside the care team, opens the record by break-the-glass and reads
/// the urgent-care sheet; the GP requests a home hospitalisation; the HAD's coordinating physician admits, and the stay shows with
/// its end date and its renewal reminder, which the GP renews; the caregiver reads his leave rights. axe-core on every page visited.
/// </summary>
[Collection("browser")]
public sealed class PalliativeJourneyTests(BrowserFixture browser)
{
    private const string Had = "HAD Seine-Maritime (démo)";
    private const string Pap = "Midazolam 2,5 mg SC si détresse respiratoire asphyxique, renouvelable après 10 min";
    private const string ComfortOnly = "Soins de confort exclusivement, pas de transfert sauf confort";

    [Fact]
    public async Task TheTeamsPlans_AreReadByTheGpOnCall_TheHadIsAdmittedAndRenewed_AndTheCaregiverReadsHisRights()
    {
        using var api = await browser.SignedInApiAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Veillee", "Odette").Born(1948, 3, 14).CreateAsync(api);
        var ins = (await api.GetJsonAsync($"/api/patients/{patientId}")).GetProperty("ins").GetString()!;
        var today = new Clock(browser.Factory.Time).Today;
        var palliative = $"/patients/{patientId}/palliatif";
        var violations = new List<string>();
        async Task AxeAsync(IPage page) => violations.AddRange(await AccessibilityTests.ViolationsAsync(page));

        // The hospital physician: the symptom plan (C15 to the GP), the urgent-care plan, the grandson as caregiver.
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync($"/patients/{patientId}");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Soins palliatifs et aidants" }).First.ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Soins palliatifs et aidants", Level = 1 })).ToBeVisibleAsync();
        await AxeAsync(oncologist);
        await oncologist.GetByLabel("Symptôme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Douleur" });
        await oncologist.GetByLabel("Conduite à tenir (l'écrire à nouveau remplace la précédente)").FillAsync("Morphine LI 5 mg si EVA ≥ 4, jusqu'à 6 fois par jour");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et envoyer la liaison C15" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Douleur" })).ToContainTextAsync("Morphine LI 5 mg si EVA ≥ 4");

        await oncologist.GetByLabel("Prescriptions anticipées personnalisées (PAP)").FillAsync(Pap);
        await oncologist.GetByLabel("Limites de soins", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = ComfortOnly });
        await oncologist.GetByLabel("Discutées avec le patient ou ses proches le").FillAsync(Iso(today));
        await oncologist.GetByLabel("Conduite à tenir en cas d'appel (médecin de garde, SAMU)").FillAsync("Appeler l'astreinte de l'HAD, puis le médecin traitant");
        await oncologist.GetByLabel("Directives anticipées", new() { Exact = true }).SelectOptionAsync("true");
        await oncologist.GetByLabel("Rédigées le").FillAsync(Iso(today.AddDays(-30)));
        await oncologist.GetByLabel("Où elles sont conservées").FillAsync("Au domicile, avec la carte Vitale");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la conduite à tenir en urgence" }).ClickAsync();
        await Assertions.Expect(oncologist.Locator("dd.urgent-pap")).ToHaveTextAsync(Pap);

        await oncologist.GetByLabel("Nom de l'aidant").FillAsync("Lucas Durand");
        await oncologist.GetByLabel("Lien avec le patient").FillAsync("petit-fils");
        await oncologist.GetByLabel("Téléphone", new() { Exact = true }).FillAsync("06 12 34 56 78");
        await oncologist.GetByLabel("Adresse électronique").FillAsync("aidant@relais.demo");
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'aidant" }).ClickAsync();
        await Assertions.Expect(oncologist.Locator("ul.caregivers")).ToContainTextAsync("Lucas Durand");
        await AxeAsync(oncologist);

        // A GP on call, outside the care team, called at night: break-the-glass, then the urgent-care sheet.
        var onCall = await browser.SignedInPageAsync(Api.OtherGp);
        Assert.Equal(404, (await onCall.GotoAsync($"{palliative}/fiche-urgence"))!.Status);
        await onCall.GotoAsync("/bris-de-glace");
        await onCall.GetByLabel("Matricule INS du patient").FillAsync(ins);
        await onCall.GetByLabel("Motif (obligatoire, rédigé)").FillAsync("Médecin de garde appelé de nuit : patiente en détresse respiratoire à domicile");
        await onCall.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'accès d'urgence" }).ClickAsync();
        var panel = onCall.GetByRole(AriaRole.Region, new() { Name = "Conduite à tenir en urgence" });
        await Assertions.Expect(panel).ToContainTextAsync(ComfortOnly);
        await AxeAsync(onCall);
        await panel.GetByRole(AriaRole.Link, new() { Name = "Fiche imprimable" }).ClickAsync();
        await Assertions.Expect(onCall.GetByRole(AriaRole.Heading, new() { Name = "Fiche de conduite à tenir en urgence", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(onCall.Locator("dd.urgent-pap")).ToHaveTextAsync(Pap);
        await Assertions.Expect(onCall.Locator("dl.urgent-symptoms")).ToContainTextAsync("Morphine LI 5 mg");
        await AxeAsync(onCall);

        // The GP asks the HAD, with the patient's and family's agreement, for seven days.
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync(palliative);
        var hadOption = (await gp.GetByLabel("Structure d'HAD (annuaire)").Locator("option").AllInnerTextsAsync()).First(o => o.StartsWith(Had, StringComparison.Ordinal));
        await gp.GetByLabel("Structure d'HAD (annuaire)").SelectOptionAsync(new SelectOptionValue { Label = hadOption });
        await gp.GetByLabel("Durée prescrite (jours, 1 à 20)").FillAsync("7");
        await gp.GetByLabel("Projet thérapeutique").FillAsync("Soins palliatifs à domicile : douleur, dyspnée, soutien de l'aidant");
        await gp.GetByLabel("Accord donné par").SelectOptionAsync("patient-and-family");
        await gp.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande d'HAD" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Article, new() { Name = $"{Had} — demande à évaluer par le médecin coordinateur" })).ToBeVisibleAsync();
        await AxeAsync(gp);

        // The HAD's coordinating physician finds the request on her list and admits from today.
        var coordinator = await browser.SignedInPageAsync("medecin.had@relais.demo");
        await coordinator.GotoAsync("/had");
        var line = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "VEILLEE" });
        await Assertions.Expect(line).ToContainTextAsync("demande à évaluer");
        await AxeAsync(coordinator);
        await line.GetByRole(AriaRole.Link).ClickAsync();
        var request = coordinator.GetByRole(AriaRole.Article, new() { Name = $"{Had} — demande à évaluer par le médecin coordinateur" });
        await request.GetByLabel("Décision du médecin coordinateur").SelectOptionAsync("admit");
        await request.GetByLabel("Évaluation de l'état de santé et du domicile").FillAsync("Lit médicalisé livré, petit-fils présent chaque jour");
        await request.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        var stay = coordinator.GetByRole(AriaRole.Article, new() { Name = $"{Had} — séjour en cours" });
        await Assertions.Expect(stay).ToContainTextAsync($"Séjour du {Date(today)} au {Date(today.AddDays(6))}");
        await Assertions.Expect(stay).ToContainTextAsync($"rappel de renouvellement le {Date(today.AddDays(3))}");
        await AxeAsync(coordinator);
        await coordinator.GotoAsync("/had");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "VEILLEE" })).ToContainTextAsync($"jusqu'au {Date(today.AddDays(6))}");

        // The GP sees the stay with its end and renews it for five days from its end.
        await gp.GotoAsync(palliative);
        var running = gp.GetByRole(AriaRole.Article, new() { Name = $"{Had} — séjour en cours" });
        await Assertions.Expect(running).ToContainTextAsync($"rappel de renouvellement le {Date(today.AddDays(3))}");
        await running.GetByLabel("Renouveler pour (jours, 1 à 20)").FillAsync("5");
        await running.GetByLabel("Accord donné par").SelectOptionAsync("patient");
        await running.GetByRole(AriaRole.Button, new() { Name = "Renouveler la prescription d'HAD" }).ClickAsync();
        running = gp.GetByRole(AriaRole.Article, new() { Name = $"{Had} — séjour en cours" });
        await Assertions.Expect(running).ToContainTextAsync($"Séjour du {Date(today)} au {Date(today.AddDays(11))}");
        await Assertions.Expect(running).ToContainTextAsync("renouvelé 1 fois");
        await Assertions.Expect(running).ToContainTextAsync($"rappel de renouvellement le {Date(today.AddDays(8))}");
        await AxeAsync(gp);

        // The caregiver, on his own account: his leave rights, with their source and the day it was checked.
        var caregiver = await browser.SignedInPageAsync("aidant@relais.demo");
        await caregiver.GotoAsync("/aidant");
        var rights = caregiver.GetByRole(AriaRole.Region, new() { Name = "Droits à congé des aidants" });
        await Assertions.Expect(rights.GetByRole(AriaRole.Article, new() { Name = "Congé de solidarité familiale" })).ToContainTextAsync("3 mois, renouvelable une fois");
        await Assertions.Expect(rights.GetByRole(AriaRole.Article, new() { Name = "Congé de proche aidant" })).ToContainTextAsync("AJPA");
        await Assertions.Expect(rights).ToContainTextAsync("vérifiée le 30/11/2026");
        await AxeAsync(caregiver);

        foreach (var page in new[] { oncologist, onCall, gp, coordinator, caregiver }) await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
