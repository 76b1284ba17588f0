using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Coordination.TeamSignalPatients;

namespace Relais.Web.Tests.Features.Access;

/// <summary>
/// The nurse coordinator's lists join their rows to each source of the access rule (PatientQueries.VisibleSources) or to
/// each of her care-team rows, and make them distinct on their own key: a nurse who holds two roles in a patient's care team
/// sees each item once, and each total counts it once.
/// </summary>
public abstract class ListsOverEachSourceTests(RelaisFactory factory)
{
    private static readonly string[] Lists =
    [
        "/api/team-queue?pageSize=100",
        "/api/transmissions/pending?pageSize=100",
        "/api/worklists/steps?pageSize=100",
    ];

    private static async Task<int[]> TotalsAsync(HttpClient nurse)
    {
        var totals = new int[Lists.Length];
        for (var i = 0; i < Lists.Length; i++)
        {
            var page = await nurse.GetJsonAsync(Lists[i]);
            var keys = page.GetProperty("items").EnumerateArray().Select(item => item.GetRawText()).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            totals[i] = page.GetProperty("total").GetInt32();
        }
        return totals;
    }

    [Fact]
    public async Task ANurseWithTwoRolesInTheTeam_SeesEachItemOnce_AndEachTotalCountsItOnce()
    {
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var team = await factory.PatientWithFullTeamAsync();
        var empty = await TotalsAsync(nurse);
        var raised = await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/events", new
        {
            kind = "suspected-recurrence", description = "Adénopathie sus-claviculaire", occurredOn = "2026-11-22",
        });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var step = await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/steps", new { kind = "occupational-exposure-search", dueOn = "2026-12-15" });
        Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        var listed = await TotalsAsync(nurse);
        for (var i = 0; i < Lists.Length; i++) Assert.True(listed[i] > empty[i], $"{Lists[i]}: {empty[i]} then {listed[i]}");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            db.CareTeamMembers.Add(CareTeamMember.Add(team.PatientId, team.Nurse, CareTeamRole.NurseCoordinator, new DateOnly(2026, 10, 5), null, team.Nurse,
                DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.Equal(listed, await TotalsAsync(nurse));
    }
}

[Collection("sqlite")]
public sealed class ListsOverEachSourceSqliteTests(SqliteRelaisFactory factory) : ListsOverEachSourceTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ListsOverEachSourcePostgresTests(PostgresRelaisFactory factory) : ListsOverEachSourceTests(factory), IClassFixture<PostgresRelaisFactory>;
