using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Worklist;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>The GP's worklist and marking an item done.</summary>
public abstract class GpWorklistTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheGpWorklist_ShowsOverdueAndUpcomingItems()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-06-01", protocol = "breast" });
        var gp = await factory.ClientAsAsync(Api.Gp);
        var worklist = await gp.GetJsonAsync("/api/follow-up/worklist?days=30");
        // Month 3 (1 September) is more than 30 days past: overdue; month 6 (1 December) is coming.
        Assert.Contains(worklist.GetProperty("overdue").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId && i.GetProperty("due").GetString() == "2026-09-01");
        Assert.Contains(worklist.GetProperty("upcoming").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId && i.GetProperty("due").GetString() == "2026-12-01");
        var carnet = await gp.GetJsonAsync($"/api/patients/{patientId}/carnet");
        var overdue = carnet.GetProperty("items").EnumerateArray().First(i => i.GetProperty("status").GetString() == "overdue");
        var done = await gp.PostAsJsonAsync($"/api/patients/{patientId}/carnet/{overdue.GetProperty("id").GetGuid()}/done", new { on = "2026-11-20", result = "Examen normal" });
        Assert.Equal("done", (await done.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AWorklistLongerThanAScreen_SaysHowManyThereAre_AndOverdueItemsDoNotPushTheUpcomingOnesOut()
    {
        await using var app = factory.Fresh();
        var (oncologist, patientId, episodeId) = await app.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-06-01", protocol = "breast" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var enrolment = await db.Enrolments.Where(e => e.PatientId == patientId).Select(e => e.Id).SingleAsync();
            for (var i = 0; i < GpWorklist.MaxPerSection + 10; i++)
                db.CarnetItems.Add(CarnetItem.Plan(patientId, enrolment, new CarnetEntry(new DateOnly(2025, 1, 1).AddDays(i % 200), 0, SurveillanceKind.ClinicalExam, Performer.Gp), RelaisFactory.Start));
            await db.SaveChangesAsync();
        }

        var worklist = await (await app.ClientAsAsync(Api.Gp)).GetJsonAsync("/api/follow-up/worklist?days=30");

        Assert.Equal(GpWorklist.MaxPerSection, worklist.GetProperty("overdue").GetArrayLength());
        Assert.True(worklist.GetProperty("overdueTotal").GetInt32() > GpWorklist.MaxPerSection + 10);
        Assert.Equal(worklist.GetProperty("upcoming").GetArrayLength(), worklist.GetProperty("upcomingTotal").GetInt32());
        Assert.Contains(worklist.GetProperty("upcoming").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId && i.GetProperty("due").GetString() == "2026-12-01");
        // The oldest come first: what is cut is the least late.
        var dues = worklist.GetProperty("overdue").EnumerateArray().Select(i => i.GetProperty("due").GetString()).ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);

        var page = await (await app.CookieClientAsync(Api.Gp)).GetStringAsync("/suivi");
        Assert.Contains($"Seuls les {GpWorklist.MaxPerSection} premiers sur", page);
    }
}

[Collection("sqlite")]
public sealed class GpWorklistSqliteTests(SqliteRelaisFactory factory) : GpWorklistTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class GpWorklistPostgresTests(PostgresRelaisFactory factory) : GpWorklistTests(factory), IClassFixture<PostgresRelaisFactory>;
