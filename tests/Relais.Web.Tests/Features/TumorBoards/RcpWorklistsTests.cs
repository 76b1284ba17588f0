using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>The RCP worklists: who waits for a G8, which announcement misses a step.</summary>
public abstract class RcpWorklistsTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheWorklists_ShowWhoWaitsForAG8_WithTheirAge()
    {
        var (oncologist, patientId, _) = await factory.NewPatientAsync("1945-01-01");
        var lists = await oncologist.GetJsonAsync("/api/worklists/rcp");
        var waiting = Assert.Single(lists.GetProperty("waitingForG8").EnumerateArray(), w => w.GetProperty("patientId").GetGuid() == patientId);
        // Born 1 January 1945, on 23 November 2026.
        Assert.StartsWith("81 ans", waiting.GetProperty("detail").GetString());
        Assert.Contains(lists.GetProperty("incompleteAnnouncements").EnumerateArray(), w => w.GetProperty("patientId").GetGuid() == patientId);
    }
}

[Collection("sqlite")]
public sealed class RcpWorklistsSqliteTests(SqliteRelaisFactory factory) : RcpWorklistsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RcpWorklistsPostgresTests(PostgresRelaisFactory factory) : RcpWorklistsTests(factory), IClassFixture<PostgresRelaisFactory>;
