using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Domain.Pathways;
using Relais.Web.Features.Symptoms.Triage;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Features.Portal;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 14, "Done when": on a phone, a patient under chemotherapy answers the toxicity questionnaire with 38.7 °C and is
/// told at once whom to call (the unit in opening hours; the centre's on-call number at night, on the fake clock); the
/// nurse sees the alert first on her triage list, takes it in charge and records the action; an urgent alert left
/// unacknowledged escalates to the physician on call after the configured time.
/// </summary>
[Collection("browser")]
public sealed class SymptomJourneyTests(BrowserFixture browser)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task APatientUnderChemotherapy_ReportsAFever_IsToldWhomToCall_TheNurseTriagesIt_AndUnacknowledgedItEscalates()
    {
        var (patientId, email, key) = await PatientUnderChemotherapyWithAnAccountAsync();

        // In opening hours (Monday 10:00 in Paris): the unit's number.
        var patient = await PhonePageAsync();
        await SignInAsync(patient, email, key);
        await patient.GotoAsync("/mon-dossier");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Signaler mes symptômes" }).ClickAsync();
        // This week's questionnaire is due: listed first under "À remplir", then among all the patient's questionnaires.
        await patient.GetByRole(AriaRole.Region, new() { Name = "À remplir" }).GetByRole(AriaRole.Link, new() { Name = "Effets du traitement" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Note)).ToContainTextAsync("ne sont pas lues en permanence");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(patient));
        await AnswerFeverAsync(patient);
        var now = patient.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ce qu'il faut faire maintenant" });
        await Assertions.Expect(now).ToContainTextAsync("02 35 00 00 00");
        await Assertions.Expect(now.GetByRole(AriaRole.Link, new() { Name = "Appeler le 02 35 00 00 00" })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(patient));
        Assert.True(await patient.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal scroll at 390 px");

        // Every page of the patient's portal, on the phone: no horizontal scroll at 390 px, no axe violation.
        foreach (var path in PortalPages(patientId))
        {
            await patient.GotoAsync(path);
            Assert.True(await patient.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"no horizontal scroll at 390 px on {path}");
            Assert.Empty(await AccessibilityTests.ViolationsAsync(patient));
        }

        // The nurse: the alert first on her triage list; she takes it in charge and records the action.
        var nurse = await browser.SignedInPageAsync(Api.Nurse);
        await nurse.GotoAsync("/triage");
        var first = nurse.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(first).ToContainTextAsync("Urgent");
        await Assertions.Expect(nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chimio" }).First).ToContainTextAsync("Fièvre à 38,3 °C ou plus sous traitement");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));
        await nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chimio" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Cell, new() { Name = "38,7 °C" })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Je prends en charge" }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Status).Filter(new() { HasText = "Prise en charge le" })).ToBeVisibleAsync();
        await nurse.GetByLabel("Venue en hôpital de jour").CheckAsync();
        await nurse.GetByLabel("Note (facultative)").FillAsync("NFS en hôpital de jour cet après-midi");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'action" }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Status).Filter(new() { HasText = "NFS en hôpital de jour cet après-midi" })).ToContainTextAsync("Venue en hôpital de jour");

        // A fever is graded 3: the team is prompted to declare it to pharmacovigilance, and records it with the suspected drug.
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Déclaration faite" }).ClickAsync();
        await Assertions.Expect(nurse.GetByLabel("Médicament suspecté")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));
        await nurse.GetByLabel("Médicament suspecté").FillAsync("Docétaxel");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Déclaration faite" }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Status).Filter(new() { HasText = "Déclaration faite pour Docétaxel" })).ToBeVisibleAsync();

        // The GP received the grade ≥ 3 copy, and reads what the team did among the outcomes of his patients' alerts.
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Relais.Web.Data.RelaisDb>();
            Assert.NotEmpty(db.OutboxMessages.Where(m => m.PatientId == patientId && m.Kind == Relais.Web.Messaging.OutboxKind.PatientReport).ToList());
        }
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync("/nouveautes");
        var outcomes = gp.GetByRole(AriaRole.Region, new() { Name = "Suites des alertes de vos patients" });
        await Assertions.Expect(outcomes).ToContainTextAsync("CHIMIO Jeanne");
        await Assertions.Expect(outcomes).ToContainTextAsync("Venue en hôpital de jour");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(gp));
        await gp.Context.CloseAsync();

        // At night (23:00 in Paris, on the fake clock): the centre's on-call number, or the 15.
        // The sessions of the morning have expired on the app's clock (8 hours): both sign in again.
        browser.Factory.Time.Advance(TimeSpan.FromHours(13));
        await patient.Context.CloseAsync();
        await nurse.Context.CloseAsync();
        patient = await PhonePageAsync();
        await SignInAsync(patient, email, key);
        await patient.GotoAsync("/mon-dossier/questionnaires/treatment-toxicity");
        await AnswerFeverAsync(patient);
        var night = patient.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ce qu'il faut faire maintenant" });
        await Assertions.Expect(night).ToContainTextAsync("02 35 00 00 99");
        await Assertions.Expect(night.GetByRole(AriaRole.Link, new() { Name = "Appeler le 15 (SAMU)" })).ToBeVisibleAsync();

        // No one takes this one in charge: after the configured 30 minutes it goes to the physician on call.
        browser.Factory.Time.Advance(TimeSpan.FromMinutes(31));
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<EscalateUrgentAlerts>().ScanAsync() >= 1);
        nurse = await browser.SignedInPageAsync(Api.Nurse);
        await nurse.GotoAsync("/triage");
        await Assertions.Expect(nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chimio" }).First).ToContainTextAsync("Transmise au médecin de garde");
        await patient.Context.CloseAsync();
        await nurse.Context.CloseAsync();
        Assert.NotEqual(Guid.Empty, patientId);
    }

    private static string[] PortalPages(Guid patientId) =>
    [
        "/mon-dossier", "/mon-dossier/questionnaires", "/nouveautes", "/langue", "/mon-dossier/aidants", "/mon-dossier/medecin-traitant",
        $"/patients/{patientId}", $"/patients/{patientId}/rendez-vous", $"/patients/{patientId}/suivi", $"/patients/{patientId}/pps",
        $"/patients/{patientId}/messages", $"/patients/{patientId}/acces",
    ];

    private static async Task AnswerFeverAsync(IPage patient)
    {
        await patient.GetByLabel("Votre température la plus haute aujourd'hui, si vous l'avez prise (en °C) (facultatif)").FillAsync("38,7");
        await patient.GetByRole(AriaRole.Group, new() { Name = "FRISSONS", Exact = false }).GetByLabel("non", new() { Exact = true }).CheckAsync();
        foreach (var group in await patient.GetByRole(AriaRole.Group).AllAsync())
        {
            var none = group.GetByLabel("Aucune", new() { Exact = true }).Or(group.GetByLabel("Jamais", new() { Exact = true }));
            if (await none.CountAsync() == 1) await none.CheckAsync();
        }
        await patient.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
    }

    /// <summary>A new patient in active treatment (chemotherapy), with the nurse coordinator on the team and an activated portal account.</summary>
    private async Task<(Guid PatientId, string Email, string Key)> PatientUnderChemotherapyWithAnAccountAsync()
    {
        var oncologist = await browser.SignedInApiAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Chimio", "Jeanne").Born(DateOnly.Parse(PortalPatients.BirthDate, System.Globalization.CultureInfo.InvariantCulture)).CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C50.4", "Sein").DiagnosedOn(2026, 9, 1).CreateAsync(oncologist, patientId);
        foreach (var (to, on) in new[] { ("announcement", "2026-09-08"), ("tumor-board", "2026-09-15") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        await browser.Factory.Services.PastStepsAsync(episodeId, (PathwayPhase.CareProgramme, new DateOnly(2026, 9, 22)), (PathwayPhase.ActiveTreatment, new DateOnly(2026, 10, 1)));
        var nurseId = (await oncologist.GetJsonAsync("/api/professionals?role=NurseCoordinator&search=Isabelle"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = nurseId, role = "nurse-coordinator", from = "2026-09-01" })).StatusCode);
        var email = Accounts.NewEmail("chimio");
        var opened = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var token = await browser.Factory.MailedTokenAsync((await opened.JsonAsync()).GetProperty("id").GetGuid());
        var key = await new HttpClient { BaseAddress = new Uri(browser.BaseUrl) }.ActivateAsPatientAsync(token);
        return (patientId, email, key);
    }

    private async Task<IPage> PhonePageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR", ViewportSize = Phone, HasTouch = true, IsMobile = true });
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string key)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Double authentification", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Accounts.TotpNow(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mon-dossier"));
    }
}
