using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>The GP's worklist and marking an item done.</summary>
public abstract class GpWorklistTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheGpWorklist_ShowsOverdueAndUpcomingItems()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync("2610676888005");
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
}

[Collection("sqlite")]
public sealed class GpWorklistSqliteTests(SqliteRelaisFactory factory) : GpWorklistTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class GpWorklistPostgresTests(PostgresRelaisFactory factory) : GpWorklistTests(factory), IClassFixture<PostgresRelaisFactory>;
