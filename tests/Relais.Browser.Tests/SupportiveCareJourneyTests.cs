using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Web.Tests.Features.SupportiveCare;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 13 (points 1, 2, 4, 7): the oncologist records a need on the record's supportive-care page and refers the
/// patient to the nearest provider of the directory; the provider's psychologist signs in and finds only that
/// patient among her referrals; a referral given up for distance appears on the nurse coordinator's outreach list.
/// </summary>
[Collection("browser")]
public sealed class SupportiveCareJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ANeed_BecomesAReferral_TheProviderSeesOnlyThatPatient_AndARenouncedReferralIsOnTheOutreachList()
    {
        using var api = await OncologistApiAsync();
        var patientId = await api.PatientWithNurseAsync("Parcours");
        var stranger = await api.PatientWithNurseAsync("Inconnue");

        // The oncologist: the need, then the referral from the directory.
        var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
        await oncologist.GotoAsync($"/patients/{patientId}");
        await oncologist.GetByRole(AriaRole.Link, new() { Name = "Soins de support", Exact = true }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Heading, new() { Name = "Besoins et orientations en soins de support", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
        await oncologist.GetByLabel("Besoin", new() { Exact = true }).First.SelectOptionAsync(new SelectOptionValue { Label = "Souffrance psychologique" });
        await oncologist.GetByLabel("Sévérité").SelectOptionAsync(new SelectOptionValue { Label = "modérée" });
        await oncologist.GetByLabel("Moment de l'évaluation").SelectOptionAsync(new SelectOptionValue { Label = "Fin de traitement" });
        await oncologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le besoin" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Status)).ToContainTextAsync("Enregistré");
        var needs = oncologist.GetByRole(AriaRole.Region, new() { Name = "Besoins évalués" });
        await Assertions.Expect(needs).ToContainTextAsync("Souffrance psychologique");

        var referral = oncologist.GetByRole(AriaRole.Region, new() { Name = "Orienter vers un prestataire" });
        await referral.GetByLabel("Service").SelectOptionAsync("psychology");
        await referral.GetByLabel("Prestataire (le plus proche du patient d'abord)").SelectOptionAsync(new SelectOptionValue { Label = await ProviderOptionAsync(referral) });
        await referral.GetByLabel("Message au prestataire").FillAsync("Anxiété depuis la fin des traitements.");
        await referral.GetByRole(AriaRole.Button, new() { Name = "Orienter", Exact = true }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Article, new() { Name = "Psychologie — " + SupportiveCarePatients.LigueSpace })).ToContainTextAsync("Proposée");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));

        // The provider's psychologist: her referrals hold that patient, whose record she opens, and nobody else's.
        var psychologist = await browser.SignedInPageAsync(SupportiveCarePatients.Psychologist);
        await psychologist.GetByRole(AriaRole.Link, new() { Name = "Mes orientations", Exact = true }).ClickAsync();
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Heading, new() { Name = "Mes orientations", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(psychologist));
        var rows = psychologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "PARCOURS" });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "INCONNUE" })).ToHaveCountAsync(0);
        await rows.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Heading, new() { Name = "Besoins et orientations en soins de support", Level = 1 })).ToBeVisibleAsync();
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(psychologist.GetByRole(AriaRole.Article)).ToContainTextAsync("Premier contact");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(psychologist));
        var other = await psychologist.GotoAsync($"/patients/{stranger}/soins-de-support");
        Assert.Equal(404, other!.Status);

        // The patient gives the referral up: too far. The nurse coordinator finds her on the outreach list.
        await oncologist.GotoAsync($"/patients/{patientId}/soins-de-support");
        var card = oncologist.GetByRole(AriaRole.Article, new() { Name = "Psychologie — " + SupportiveCarePatients.LigueSpace });
        await card.GetByLabel("Nouveau statut").SelectOptionAsync("renounced");
        await card.GetByLabel("Motif du renoncement").SelectOptionAsync("distance");
        await card.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }).ClickAsync();
        await Assertions.Expect(oncologist.GetByRole(AriaRole.Article).First).ToContainTextAsync("Abandonnée par le patient");

        var nurse = await browser.SignedInPageAsync(Api.Nurse);
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Aller-vers", Exact = true }).ClickAsync();
        await Assertions.Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "Aller-vers : patients sans soins de support", Level = 1 })).ToBeVisibleAsync();
        var line = nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = "PARCOURS" });
        await Assertions.Expect(line).ToContainTextAsync("Orientation abandonnée");
        await Assertions.Expect(line).ToContainTextAsync("Distance");
        await Assertions.Expect(line.GetByRole(AriaRole.Link, new() { Name = "Proposer une autre orientation" })).ToHaveAttributeAsync("href", new Regex($"/patients/{patientId}/soins-de-support"));
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));

        // The directory, searched from the patient's commune.
        await nurse.GotoAsync("/soins-de-support/annuaire?service=psychology&postcode=27200");
        await Assertions.Expect(nurse.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Psychologue libérale de Saint-Marcel (démo)");
        Assert.Empty(await AccessibilityTests.ViolationsAsync(nurse));
        foreach (var page in new[] { oncologist, psychologist, nurse }) await page.Context.CloseAsync();
    }

    private async Task<HttpClient> OncologistApiAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var login = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/auth/login", new { email = Api.Oncologist, password = Api.Password });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<string> ProviderOptionAsync(ILocator form)
    {
        var labels = await form.GetByLabel("Prestataire (le plus proche du patient d'abord)").Locator("option").AllInnerTextsAsync();
        return labels.First(l => l.StartsWith(SupportiveCarePatients.LigueSpace, StringComparison.Ordinal));
    }
}
