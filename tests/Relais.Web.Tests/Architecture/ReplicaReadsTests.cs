using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Architecture;

/// <summary>
/// The read replica (issue 18 point 4, docs/scale-out.md): with <c>ConnectionStrings:Replica</c> set, the indicators and
/// the directory search read through a read-only context, and nothing can be written through it. The "replica" here is the
/// test's own database opened read-only (a streaming standby needs a second cluster: <c>bench/run.sh --replica</c> runs one);
/// what is proved is the wiring — the reads answer as on the primary, the primary's context stays the request's, and
/// writes cannot go through the replica's.
/// </summary>
[Collection("postgres")]
public sealed class ReplicaReadsTests(PostgresRelaisFactory factory) : IClassFixture<PostgresRelaisFactory>
{
    private const string Directory = "/api/supportive-care/providers?service=adapted-physical-activity&postcode=27200";

    private RelaisFactory WithReplica()
    {
        // The owner copies the template database when it starts: before any sibling runs on that database.
        _ = factory.Server;
        var instance = factory.Sibling();
        instance.Settings["ConnectionStrings:Replica"] = factory.ConnectionString;
        return instance;
    }

    [Fact]
    public async Task WithAReplica_TheIndicatorsAndTheDirectory_AnswerAsOnThePrimary()
    {
        await using var replica = WithReplica();
        _ = replica.Server;
        var indicators = await (await factory.ClientAsAsync(Api.Quality)).GetJsonAsync("/api/indicators");
        var found = await (await factory.ClientAsAsync(Api.Gp)).GetJsonAsync(Directory);

        var onReplica = await (await replica.ClientAsAsync(Api.Quality)).GetJsonAsync("/api/indicators");
        var foundOnReplica = await (await replica.ClientAsAsync(Api.Gp)).GetJsonAsync(Directory);

        using (var scope = replica.Services.CreateScope())
        {
            Assert.True(scope.ServiceProvider.GetRequiredService<NonNominativeReads>().OnReplica);
            // The pending count is read beside the figures: the changed patients not yet counted. A background pass of the app
            // may mark a patient after the request's catch-up; none removes a mark without a dashboard request (no background
            // refresh in the tests), so the answer's count is at most the marks found now.
            var marks = await scope.ServiceProvider.GetRequiredService<RelaisDb>().IndicatorStaleMarks.Select(m => m.PatientId).Distinct().CountAsync();
            Assert.InRange(onReplica.GetProperty("pendingPatients").GetInt32(), 0, marks);
        }
        Assert.Equal(indicators.GetProperty("indicators").GetRawText(), onReplica.GetProperty("indicators").GetRawText());
        Assert.True(found.GetProperty("total").GetInt32() > 0);
        Assert.Equal(found.GetRawText(), foundOnReplica.GetRawText());
    }

    [Fact]
    public void WithoutAReplica_TheReadsUseTheRequestsOwnContext()
    {
        using var scope = factory.Services.CreateScope();
        var reads = scope.ServiceProvider.GetRequiredService<NonNominativeReads>();
        Assert.False(reads.OnReplica);
        Assert.Same(scope.ServiceProvider.GetRequiredService<RelaisDb>(), reads.Db);
    }

    [Fact]
    public async Task TheReplicaContext_WritesNothing_NeitherBySaveChangesNorBySql()
    {
        await using var replica = WithReplica();
        // The dashboard writes the refresh state on the primary; the replica's context reads it.
        await (await replica.ClientAsAsync(Api.Quality)).GetJsonAsync("/api/indicators");
        await using var scope = replica.Services.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<NonNominativeReads>();
        Assert.NotSame(scope.ServiceProvider.GetRequiredService<RelaisDb>(), reads.Db);

        var state = await reads.Db.IndicatorRefreshStates.FirstAsync();
        reads.Db.IndicatorRefreshStates.Attach(state).Property(s => s.Fingerprint).CurrentValue = "changed";
        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.Db.SaveChangesAsync());

        // The session is read-only too: SQL sent around EF Core is refused by PostgreSQL (25006, read_only_sql_transaction).
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            reads.Db.Database.ExecuteSqlRawAsync("UPDATE \"IndicatorRefreshStates\" SET \"Fingerprint\" = 'changed'"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }
}
