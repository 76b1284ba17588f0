using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) in the real browser over every page of the app, each read by the role
/// that works in it — lists, forms and patient pages alike: no WCAG 2.1 A/AA violation, and nothing refused by the
/// Content-Security-Policy. A few looping tests, the violations named by rule and page.
/// </summary>
[Collection("browser")]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly Deque.AxeCore.Commons.AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task TheOncologistsPages_HaveNoAxeViolation()
    {
        using var api = await browser.SignedInApiAsync(Api.Oncologist);
        var patientId = await api.FirstPatientIdAsync("durand marie");
        var patient = $"/patients/{patientId}";
        var episodeId = (await api.GetJsonAsync($"/api/patients/{patientId}/timeline"))[0].GetProperty("episodeId").GetGuid();
        var memberId = (await api.GetJsonAsync($"/api/patients/{patientId}/care-team"))[0].GetProperty("id").GetGuid();
        var transmissions = await api.GetJsonAsync($"/api/patients/{patientId}/transmissions");
        List<string> pages =
        [
            "/", "/patients", "/patients/nouveau", "/file-equipe", "/boite", "/demandes", "/transmissions", "/suivi", "/rcp", "/rcp/suivi",
            "/protocoles", "/compte/securite", "/bris-de-glace",
            patient, $"{patient}/modifier", $"{patient}/acces", $"{patient}/messages", $"{patient}/documents/nouveau",
            $"{patient}/equipe/ajouter", $"{patient}/equipe/signaux", $"{patient}/equipe/{memberId}/fin",
            $"{patient}/suivi", $"{patient}/pps", $"{patient}/rcp", $"{patient}/evenement", $"{patient}/fin-de-traitement",
            $"{patient}/episodes/nouveau", $"{patient}/episodes/{episodeId}/modifier",
            $"{patient}/episodes/{episodeId}/annonce", $"{patient}/episodes/{episodeId}/etape",
            // Issue 14 §3: what waits to be told before it reaches the patient's portal.
            $"{patient}/portail/a-communiquer",
            // Issue 13 §6: palliative care and caregivers, and the urgent-care sheet for whoever is called out of hours.
            $"{patient}/palliatif", $"{patient}/palliatif/fiche-urgence",
            // Issue 13 §1–§3 (point 7: each page in the browser): the supportive-care directory, searched by service nearest a commune,
            // the patient's needs, referrals and post-cancer package, and the ALD record.
            "/soins-de-support/annuaire", "/soins-de-support/annuaire?service=psychology&postcode=76000", $"{patient}/soins-de-support", $"{patient}/ald",
        ];
        // The tumor-board report and the hand-on of a team signal are read by their journeys, where they exist.
        Assert.True(transmissions.GetArrayLength() > 0, "the demo patient has transmissions");
        var transmissionId = transmissions[0].GetProperty("id").GetGuid();
        pages.Add($"{patient}/transmissions/{transmissionId}");
        await AssertNoViolationAsync(Api.Oncologist, pages);
    }

    [Fact]
    public async Task TheOtherRolesPages_HaveNoAxeViolation()
    {
        using var api = await browser.SignedInApiAsync(Api.Secretary);
        var meetings = await api.GetJsonAsync("/api/meetings?days=365");
        Assert.True(meetings.GetArrayLength() > 0, "the demo has upcoming meetings");
        await AssertNoViolationAsync(Api.Secretary, ["/", "/rcp", "/rcp/suivi", $"/rcp/reunions/{meetings[0].GetProperty("id").GetGuid()}"]);

        using var gpApi = await browser.SignedInApiAsync(Api.Gp);
        var gpPatient = await gpApi.FirstPatientIdAsync("durand marie");
        // A patient of the GP in shared follow-up has a PPAC: its page, with the GP's own actions, and the oncologist's revision form.
        var followed = (await gpApi.GetJsonAsync("/api/follow-up/worklist?days=365")).GetProperty("upcoming")[0].GetProperty("patientId").GetGuid();
        await AssertNoViolationAsync(Api.Gp, ["/", "/patients", "/boite", "/suivi", "/transmissions", $"/patients/{gpPatient}", $"/patients/{gpPatient}/suivi",
            $"/patients/{gpPatient}/evenement", $"/patients/{gpPatient}/messages", $"/patients/{followed}/ppac", $"/patients/{gpPatient}/demarches",
            "/langue"]);
        await AssertNoViolationAsync(Api.Oncologist, [$"/patients/{followed}/ppac", $"/patients/{gpPatient}/demarches", $"/patients/{gpPatient}/questionnaires"]);
        // Issue 17: a laboratory result whose INS matches no record waits on the identity-vigilance worklist (the nurse
        // coordinator is the referent), with its candidates and the attach / reject forms.
        await HoldALaboratoryResultAsync(gpApi);
        await AssertNoViolationAsync(Api.Nurse, ["/", "/patients", "/file-equipe", "/boite", "/suivi", "/triage", "/nouveautes", "/identitovigilance"]);
        await AssertNoViolationAsync(Api.PatientAccount, ["/", "/mon-dossier", "/compte/securite", "/nouveautes", "/mon-dossier/medecin-traitant"]);
        await AssertNoViolationAsync(Api.Quality, ["/"]);
        // Issue 13 §6: the HAD's coordinating physician and his stays; the caregiver's home with the leave rights.
        await AssertNoViolationAsync("medecin.had@relais.demo", ["/", "/had"]);
        await AssertNoViolationAsync("aidant@relais.demo", ["/aidant"]);
        await AssertNoViolationAsync(Api.Admin, ["/", "/admin/audit", "/admin/messages"]);
        // Issue 13 point 7: the directory kept by the administrator; a supportive-care professional's own home and outreach list; the nurse's outreach list.
        await AssertNoViolationAsync(Api.Admin, ["/soins-de-support/annuaire/gestion"]);
        await AssertNoViolationAsync("psychologue@relais.demo", ["/", "/soins-de-support/mes-orientations", "/soins-de-support/aller-vers", "/soins-de-support/annuaire"]);
        await AssertNoViolationAsync(Api.Nurse, ["/soins-de-support/aller-vers"]);
    }

    [Fact]
    public async Task ThePagesBeforeSigningIn_HaveNoAxeViolation()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        foreach (var url in new[] { "/connexion", "/acces-refuse", "/introuvable" })
            violations.AddRange(await ViolationsAsync(page, url, mustBeOk: url == "/connexion"));
        await context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>A one-result laboratory Bundle about an INS no record carries, sent on <c>POST /fhir</c>: held, not recorded.</summary>
    private static async Task HoldALaboratoryResultAsync(HttpClient api)
    {
        const string Subject = "urn:uuid:3b1f6a52-0000-4000-8000-000000000001", Result = "urn:uuid:3b1f6a52-0000-4000-8000-000000000002";
        var bundle = new
        {
            resourceType = "Bundle", type = "transaction", identifier = new { system = "urn:oid:1.2.250.1.999.1", value = $"axe-{Guid.NewGuid():N}" },
            entry = new object[]
            {
                new
                {
                    fullUrl = Subject, request = new { method = "POST", url = "Patient" },
                    resource = new
                    {
                        resourceType = "Patient", identifier = new[] { new { system = Relais.Domain.Interop.FhirCodes.InsNirTestSystem, value = Api.Ins($"2680599{Random.Shared.Next(100000, 999999)}") } },
                        name = new[] { new { use = "official", family = "DURAND", given = new[] { "Marie" } } }, gender = "female", birthDate = "1968-05-12",
                    },
                },
                new
                {
                    fullUrl = Result, request = new { method = "POST", url = "Observation" },
                    resource = new
                    {
                        resourceType = "Observation", status = "final", subject = new { reference = Subject }, effectiveDateTime = "2026-11-20",
                        code = new { coding = new[] { new { system = "http://loinc.org", code = "6875-9", display = "Cancer Ag 15-3 [Units/volume] in Serum or Plasma" } } },
                        performer = new[] { new { display = "Laboratoire Bio-Normandie" } },
                        valueQuantity = new { value = 22m, unit = "U/mL", system = "http://unitsofmeasure.org", code = "U/mL" },
                    },
                },
            },
        };
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(bundle), System.Text.Encoding.UTF8, "application/fhir+json");
        var response = await api.PostAsync("/fhir", content);
        Assert.True(response.IsSuccessStatusCode, $"POST /fhir answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task AssertNoViolationAsync(string email, IEnumerable<string> pages)
    {
        var page = await browser.SignedInPageAsync(email);
        var violations = new List<string>();
        foreach (var url in pages)
            violations.AddRange(await ViolationsAsync(page, url, mustBeOk: true));
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, $"{email}:\n" + string.Join("\n", violations));
    }

    /// <summary>The axe violations of the page, and anything its Content-Security-Policy refused (SECURITY.md §7): a page needs no inline script or style.</summary>
    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string url, bool mustBeOk)
    {
        var refused = new List<string>();
        void OnConsole(object? sender, IConsoleMessage message)
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add($"{url}: CSP — {message.Text}");
        }
        page.Console += OnConsole;
        try
        {
            var response = await page.GotoAsync(url);
            if (mustBeOk) Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            return [.. await ViolationsAsync(page), .. refused];
        }
        finally
        {
            page.Console -= OnConsole;
        }
    }

    /// <summary>The WCAG 2.1 A/AA violations of the page as it stands, for journeys that reach a page the demo alone cannot show.</summary>
    internal static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var url = page.Url;
        var result = await page.RunAxe(Wcag21AA);
        return result.Violations.Select(v => $"{url}: {v.Id} — {v.Help} — {string.Join(" ; ", v.Nodes.Select(n => n.Html))}");
    }
}
