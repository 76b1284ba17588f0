using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) in the real browser over the pages a clinician works in, lists and
/// patient pages alike: no WCAG 2.1 A/AA violation. One looping test, the violations named by rule and page.
/// </summary>
[Collection("browser")]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheOncologistsPages_HaveNoAxeViolation()
    {
        // The app runs on Kestrel here: the API is called at its real address.
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var login = await api.PostAsJsonAsync("/api/auth/login", new { email = Api.Oncologist, password = Api.Password });
        login.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());
        var patientId = await api.FirstPatientIdAsync("durand marie");
        var episodeId = (await api.GetJsonAsync($"/api/patients/{patientId}/timeline"))[0].GetProperty("episodeId").GetGuid();
        string[] pages =
        [
            "/", "/patients", "/file-equipe", "/boite", "/demandes", "/transmissions", "/suivi", "/rcp", "/rcp/suivi", "/protocoles",
            $"/patients/{patientId}", $"/patients/{patientId}/equipe/signaux", $"/patients/{patientId}/suivi", $"/patients/{patientId}/pps",
            $"/patients/{patientId}/rcp", $"/patients/{patientId}/evenement", $"/patients/{patientId}/fin-de-traitement",
            $"/patients/{patientId}/episodes/{episodeId}/annonce", $"/patients/{patientId}/episodes/{episodeId}/etape",
        ];
        var page = await browser.SignedInPageAsync(Api.Oncologist);
        var violations = new List<string>();
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
            {
                RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            violations.AddRange(result.Violations.Select(v => $"{url}: {v.Id} — {v.Help} — {string.Join(" ; ", v.Nodes.Select(n => n.Html))}"));
        }
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
