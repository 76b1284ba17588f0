using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.Continuity;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Browser.Tests;

/// <summary>
/// Issue 15 point 2, "Done when": the 3C switches crisis mode; an oncologist defers a chemotherapy cycle with priority
/// and reason; it appears on the re-scheduling list; the patient and the GP each receive the notice; the cycle is
/// re-scheduled as a teleconsultation in another hospital.
/// </summary>
[Collection("browser")]
public sealed class CrisisJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The3CSwitchesCrisisMode_AnOncologistDefersACycle_ItIsReScheduledAsATeleconsultationInAnotherHospital()
    {
        var (patientId, hospital) = await PatientWithACycleAndASecondHospitalAsync();
        try
        {
            // The 3C's crisis referent switches Rouen into crisis.
            var quality = await browser.SignedInPageAsync(Api.Quality);
            await quality.GetByRole(AriaRole.Link, new() { Name = "Mode crise" }).ClickAsync();
            await quality.GetByRole(AriaRole.Button, new() { Name = "Activer le mode crise — Rouen" }).ClickAsync();
            await Assertions.Expect(quality.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rouen" })).ToContainTextAsync("Activé depuis le");
            Assert.Empty(await AccessibilityTests.ViolationsAsync(quality));

            // The oncologist sees the banner and defers the cycle, with its priority and reason.
            var oncologist = await browser.SignedInPageAsync(Api.Oncologist);
            await Assertions.Expect(oncologist.GetByRole(AriaRole.Status).Filter(new() { HasText = "Mode crise activé sur le territoire Rouen" })).ToBeVisibleAsync();
            await Assertions.Expect(oncologist.Locator(".today-actions li a").First).ToHaveAttributeAsync("data-kind", "rescheduling");
            await oncologist.GotoAsync($"/patients/{patientId}/rendez-vous");
            await oncologist.GetByRole(AriaRole.Link, new() { Name = "Reporter Cure de chimiothérapie" }).ClickAsync();
            await oncologist.GetByLabel("Haute (à reprogrammer sous 7 jours)").CheckAsync();
            await oncologist.GetByLabel("Motif du report").FillAsync("Hôpital de jour fermé (crise)");
            Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
            await oncologist.GetByRole(AriaRole.Button, new() { Name = "Reporter et prévenir le patient et le médecin traitant" }).ClickAsync();
            await Assertions.Expect(oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cure de chimiothérapie" })).ToContainTextAsync("Reporté");

            // It is on the re-scheduling list.
            await oncologist.GetByRole(AriaRole.Link, new() { Name = "Reprogrammation", Exact = true }).ClickAsync();
            var row = oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Crise" });
            await Assertions.Expect(row).ToContainTextAsync("Hôpital de jour fermé (crise)");
            await Assertions.Expect(row).ToContainTextAsync("Haute");
            Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));

            // The GP sees the notice on his home page; the patient's waits on her record for her portal.
            var gp = await browser.SignedInPageAsync(Api.Gp);
            await Assertions.Expect(gp.GetByRole(AriaRole.Region, new() { Name = "Rappels" })).ToContainTextAsync("Cure de chimiothérapie prévu(e) le 01/12/2026 reporté(e)");
            Assert.Single(await NoticesToPatientAsync(patientId));

            // Re-scheduled as a video teleconsultation at the hospital of Le Havre: a transfer.
            await row.GetByRole(AriaRole.Link, new() { Name = "Cure de chimiothérapie" }).ClickAsync();
            await oncologist.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-11-27");
            await oncologist.GetByLabel("Heure", new() { Exact = true }).FillAsync("14:30");
            await oncologist.GetByLabel("Établissement", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = hospital });
            await oncologist.GetByLabel("Ce rendez-vous est une téléconsultation").CheckAsync();
            await oncologist.GetByLabel("Lien de la téléconsultation (https://…)").FillAsync("https://visio.example/cure");
            await oncologist.GetByLabel("Vidéo", new() { Exact = true }).CheckAsync();
            Assert.Empty(await AccessibilityTests.ViolationsAsync(oncologist));
            await oncologist.GetByRole(AriaRole.Button, new() { Name = "Reprogrammer et prévenir le patient et le médecin traitant" }).ClickAsync();
            await Assertions.Expect(oncologist).ToHaveURLAsync(new Regex($"/patients/{patientId}/rendez-vous$"));
            var cycle = oncologist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cure de chimiothérapie" });
            await Assertions.Expect(cycle).ToContainTextAsync(hospital);
            await Assertions.Expect(cycle).ToContainTextAsync("Téléconsultation");
            await Assertions.Expect(cycle).ToContainTextAsync("Prévu");

            await gp.ReloadAsync();
            await Assertions.Expect(gp.GetByRole(AriaRole.Region, new() { Name = "Rappels" })).ToContainTextAsync("téléconsultation (vidéo), " + hospital);
            Assert.Equal(2, (await NoticesToPatientAsync(patientId)).Count);
            foreach (var page in new[] { quality, oncologist, gp }) await page.Context.CloseAsync();
        }
        finally
        {
            await EndCrisesAsync();
        }
    }

    private async Task<(Guid PatientId, string Hospital)> PatientWithACycleAndASecondHospitalAsync()
    {
        var oncologist = await browser.SignedInApiAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Crise", "Odette").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C50.4", "Sein").DiagnosedOn(2026, 9, 1).CreateAsync(oncologist, patientId);
        await oncologist.PlanCycleAsync(patientId, episodeId, "2026-12-01T08:00:00Z");
        var (hospitalId, _) = await browser.Factory.OtherHospitalAsync();
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var name = await scope.ServiceProvider.GetRequiredService<RelaisDb>().Organisations.Where(o => o.Id == hospitalId).Select(o => o.Name).SingleAsync();
        return (patientId, name);
    }

    private async Task<List<string>> NoticesToPatientAsync(Guid patientId)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().Reminders.AsNoTracking()
            .Where(r => r.Kind == ReminderKind.CareChanged && r.RecipientUserId == patientId).Select(r => r.Title).ToListAsync();
    }

    /// <summary>The crisis is lifted whatever happened, so that no other journey sees its banner.</summary>
    private async Task EndCrisesAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        foreach (var crisis in await db.CrisisPeriods.Where(c => c.EndedAt == null).ToListAsync()) crisis.End(Guid.Empty, browser.Factory.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
