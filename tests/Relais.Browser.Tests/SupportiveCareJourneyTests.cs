using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Features.SupportiveCare;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 13, "Done when": at the end of treatment the oncologist records fatigue and anxiety, prescribes the post-cancer package to the
/// Ligue's space in Rouen, about 12 km from the patient's commune (Montville); the space's psychologist signs in, finds only that referral,
/// records an assessment and two follow-up consultations; the balance reads 90.00 EUR and 4 consultations for her, the oncologist and the
/// GP, who also sees the referral; a referral given up for distance appears on the nurse coordinator's outreach list.
/// </summary>
[Collection("browser")]
public sealed class SupportiveCareJourneyTests(BrowserFixture browser)
{
    private const string Package = "Forfait post-cancer — " + SupportiveCarePatients.LigueSpace;
    private const string ActivityReferral = "Activité physique adaptée — APA Seine Santé (démo)";

    [Fact]
    public async Task AtTheEndOfTreatment_ThePackageGoesToTheStructure_WhichRecordsItsActs_AndEveryoneReadsTheSameBalance()
    {
        using var api = await OncologistApiAsync();
        var patientId = await PatientAtEndOfTreatmentAsync(api);
        var stranger = await api.PatientWithNurseAsync("Inconnue");

        // The oncologist, at the end-of-treatment consultation: fatigue and anxiety.
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync($"/patients/{patientId}");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Soins de support", Exact = true }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Besoins et orientations en soins de support", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        foreach (var need in new[] { "Fatigue et activité physique", "Souffrance psychologique" })
        {
            await oncologist.GetByLabel("Besoin", new() { Exact = true }).First.SelectOptionAsync(new SelectOptionValue { Label = need });
            await oncologist.GetByLabel("Sévérité").SelectOptionAsync(new SelectOptionValue { Label = "modérée" });
            await oncologist.GetByLabel("Moment de l'évaluation").SelectOptionAsync(new SelectOptionValue { Label = "Fin de traitement" });
            await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le besoin" }).ClickAsync();
            await Assertions.Expect(oncologist.GetByRole(AriaRole.Region, new() { Name = "Besoins évalués" })).ToContainTextAsync(need);
        }

        // The package, to the structure about 12 km away.
        var panel = oncologist.GetByRole(AriaRole.Region, new() { Name = "Forfait post-cancer" });
        var structure = panel.GetByLabel("Structure (le plus proche du patient d'abord)");
        var option = (await structure.Locator("option").AllInnerTextsAsync()).First(l => l.StartsWith(SupportiveCarePatients.LigueSpace, StringComparison.Ordinal));
        var km = double.Parse(Regex.Match(option, @"(\d+[.,]\d) km").Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        Assert.InRange(km, 11, 13);
        await structure.SelectOptionAsync(new SelectOptionValue { Label = option });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Prescrire le forfait" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Article, new() { Name = Package })).ToContainTextAsync("180.00 EUR");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));

        // A second referral, for the fatigue: the patient will give it up.
        var referral = oncologist.GetByRole(AriaRole.Region, new() { Name = "Orienter vers un prestataire" });
        await referral.GetByLabel("Service").SelectOptionAsync("adapted-physical-activity");
        var apa = (await referral.GetByLabel("Prestataire (le plus proche du patient d'abord)").Locator("option").AllInnerTextsAsync())
            .First(l => l.StartsWith("APA Seine Santé (démo)", StringComparison.Ordinal));
        await referral.GetByLabel("Prestataire (le plus proche du patient d'abord)").SelectOptionAsync(new SelectOptionValue { Label = apa });
        await referral.GetByRole(AriaRole.Button, new() { Name = "Orienter", Exact = true }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Article, new() { Name = ActivityReferral })).ToContainTextAsync("Proposée");

        // The structure's psychologist: only that patient, whose package she fills in.
        var psychologist = await browser.SignedInPageAsync(SupportiveCarePatients.Psychologist);
        await psychologist.GetByRole(AriaRole.Link, new() { Name = "Mes orientations", Exact = true }).ClickAsync();
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Heading, new() { Name = "Mes orientations", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(psychologist));
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "PARCOURS" })).ToHaveCountAsync(1);
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "INCONNUE" })).ToHaveCountAsync(0);
        foreach (var (kind, on) in new[] { ("Bilan", "2026-11-23"), ("Consultation de suivi", "2026-11-23"), ("Consultation de suivi", "2026-11-23") })
        {
            var card = psychologist.GetByRole(AriaRole.Article, new() { Name = "Forfait post-cancer — PARCOURS" });
            await card.GetByLabel("Acte").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await card.GetByLabel("Discipline").SelectOptionAsync(new SelectOptionValue { Label = "Psychologie" });
            await card.GetByLabel("Date").FillAsync(on);
            await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'acte" }).ClickAsync();
            await Assertions.Expect(psychologist.GetByRole(AriaRole.Status)).ToContainTextAsync("Acte enregistré");
        }
        await AssertBalanceAsync(psychologist.GetByRole(AriaRole.Article, new() { Name = "Forfait post-cancer — PARCOURS" }));
        Assert.Empty(await AccessibilityTests.ViolationsAsync(psychologist));
        var other = await psychologist.GotoAsync($"/patients/{stranger}/soins-de-support");
        Assert.Equal(404, other!.Status);

        // The oncologist and the GP read the same balance; the GP sees the referrals.
        await oncologist.GotoAsync($"/patients/{patientId}/soins-de-support");
        await AssertBalanceAsync(oncologist.GetByRole(AriaRole.Article, new() { Name = Package }));
        var gp = await browser.SignedInPageAsync(Api.Gp);
        await gp.GotoAsync($"/patients/{patientId}/soins-de-support");
        await AssertBalanceAsync(gp.GetByRole(AriaRole.Article, new() { Name = Package }));
        await Assertions.Expect(gp.GetByRole(AriaRole.Article, new() { Name = "Psychologie — " + SupportiveCarePatients.LigueSpace })).ToBeVisibleAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Article, new() { Name = ActivityReferral })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(gp));

        // The patient gives the fatigue referral up: too far. The nurse coordinator finds her on the outreach list.
        var activity = oncologist.GetByRole(AriaRole.Article, new() { Name = ActivityReferral });
        await activity.GetByLabel("Nouveau statut").SelectOptionAsync("renounced");
        await activity.GetByLabel("Motif du renoncement").SelectOptionAsync("distance");
        await activity.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Article, new() { Name = ActivityReferral })).ToContainTextAsync("Abandonnée par le patient");

        var nurse = await browser.SignedInPageAsync(Api.Nurse);
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Aller-vers", Exact = true }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "Aller-vers : patients sans soins de support", Level = 1 })).ToBeVisibleAsync();
        var line = nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = "PARCOURS" }).Filter(new() { HasText = "Orientation abandonnée" });
        await Assertions.Expect(line).ToContainTextAsync("Distance");
        await Assertions.Expect(line.GetByRole(AriaRole.Link, new() { Name = "Proposer une autre orientation" })).ToHaveAttributeAsync("href", new Regex($"/patients/{patientId}/soins-de-support"));
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));
        foreach (var page in new[] { oncologist, psychologist, gp, nurse }) await page.Context.CloseAsync();
    }

    private static async Task AssertBalanceAsync(ILocator package)
    {
        await Assertions.Expect(package).ToContainTextAsync("90.00 EUR");
        await Assertions.Expect(package.GetByRole(AriaRole.Definition).Nth(1)).ToHaveTextAsync("4");
    }

    /// <summary>A patient of Dr Dubois living in Montville, treated for a breast cancer until 20 November 2026, in ALD, the nurse coordinator in her team.</summary>
    private async Task<Guid> PatientAtEndOfTreatmentAsync(HttpClient api)
    {
        var patientId = await A.Patient().Named("Parcours", "Claire").LivingIn("76710", "Montville").CreateAsync(api);
        var nurseId = (await api.GetJsonAsync("/api/professionals?search=Moreau"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = nurseId, role = "nurse-coordinator" })).StatusCode);
        var episodeId = await An.Episode().Site("C50.4", "Sein").DiagnosedOn(2026, 1, 5).CreateAsync(api, patientId);
        foreach (var (to, on) in new[] { ("announcement", "2026-01-12"), ("tumor-board", "2026-01-20") })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        await browser.Factory.Services.PastStepsAsync(episodeId, (PathwayPhase.CareProgramme, new DateOnly(2026, 1, 27)),
            (PathwayPhase.ActiveTreatment, new DateOnly(2026, 2, 9)), (PathwayPhase.EndOfTreatment, new DateOnly(2026, 11, 20)));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-02-01", to = "2031-01-31" })).StatusCode);
        return patientId;
    }

    private async Task<HttpClient> OncologistApiAsync()
    {
        var client = await browser.SignedInApiAsync(Api.Oncologist);
        return client;
    }
}
