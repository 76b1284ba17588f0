using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 15 point 1, "Done when": the 3C coordinator opens the indicators from the home page, filters by site and hospital,
/// sees the delay charts and the C1–C15 on-time shares, and exports the CSV; a filter leaving 3 patients shows "&lt; 11",
/// and neither the page nor the CSV gives the count back.
/// </summary>
[Collection("browser")]
public sealed class IndicatorsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheCoordinator_FiltersBySiteAndHospital_SeesTheChartsAndObligations_AndExportsTheCsv_WithThreePatientsMasked()
    {
        await ThreePatientsOfTheBrainAsync();
        var page = await browser.SignedInPageAsync(Api.Quality);

        await page.GetByRole(AriaRole.Link, new() { Name = "Indicateurs qualité" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Indicateurs qualité", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas[data-drawn='true']").First).ToBeAttachedAsync();
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));

        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2026-05-01");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2026-06-30");
        await page.GetByLabel("Localisation (CIM-10)", new() { Exact = true }).SelectOptionAsync("central-nervous-system");
        var hospital = (await page.GetByLabel("Établissement", new() { Exact = true }).Locator("option").AllInnerTextsAsync()).First(o => o.StartsWith("Hôpital Saint-Relais", StringComparison.Ordinal));
        await page.GetByLabel("Établissement", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = hospital });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("site=central-nervous-system.*hospital=[0-9a-f-]{36}"));

        // The delay to the tumor board: three patients, masked; its charts drawn, its table giving no count.
        var delay = page.GetByRole(AriaRole.Article, new() { Name = "Délai diagnostic → RCP" });
        await Assertions.Expect(delay.Locator(".figure")).ToContainTextAsync("< 11");
        await Assertions.Expect(delay.Locator("canvas[data-drawn='true']")).ToHaveCountAsync(2);
        await delay.GetByText("Les chiffres (tableau)").ClickAsync();
        var cells = await delay.Locator("tbody td").AllInnerTextsAsync();
        Assert.DoesNotContain("3", cells);
        Assert.Contains("< 11", cells);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Définition : Délai diagnostic → RCP" })).ToHaveAttributeAsync("href", "/indicateurs#definition-diagnosis-to-tumor-board");

        // The coordination loop: one chart and one line per obligation, C1 to C15.
        var obligations = page.GetByRole(AriaRole.Region, new() { Name = "Obligations C1–C15 accusées dans le délai" });
        await Assertions.Expect(obligations.Locator("canvas[data-drawn='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(obligations.Locator("tbody tr")).ToHaveCountAsync(15);
        await Assertions.Expect(obligations.Locator("tbody tr").Nth(14).Locator("th")).ToHaveTextAsync(new Regex("^C15 "));
        Assert.Empty(await AccessibilityTests.ViolationsAsync(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("indicateur;libelle;unite;ventilation;cellule;valeur;numerateur;denominateur", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var total = csv.Split('\n').Single(l => l.StartsWith("diagnosis-to-tumor-board;", StringComparison.Ordinal) && l.Contains(";total;total;", StringComparison.Ordinal));
        Assert.Contains(";< 11;< 11;< 11;", total);
        Assert.DoesNotContain(";3;", csv);
        Assert.Contains("obligation-c15-on-time;", csv);
    }

    /// <summary>Three patients with a brain tumour (C71), diagnosed on 4 May 2026, told and discussed at the tumor board: no demo patient has that site.</summary>
    private async Task ThreePatientsOfTheBrainAsync()
    {
        using var api = await browser.SignedInApiAsync(Api.Oncologist);
        foreach (var day in new[] { 9, 14, 21 })
        {
            var patientId = await A.Patient().Born(1968, 7, 9).CreateAsync(api);
            var episodeId = await An.Episode().Site("C71.1", "Lobe frontal").DiagnosedOn(2026, 5, 4).CreateAsync(api, patientId);
            foreach (var (to, on) in new[] { ("announcement", 6), ("tumor-board", day) })
            {
                var step = await api.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions",
                    new { to, occurredOn = new DateOnly(2026, 5, 4).AddDays(on).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                Assert.Equal(HttpStatusCode.Created, step.StatusCode);
            }
        }
    }
}
