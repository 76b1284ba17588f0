using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// A list is never cut silently: it shows up to a named cap and says how many there are in all. A rule that
/// must run in memory reads the whole ordered query batch by batch, so matches beyond the first batch are
/// neither dropped from the count nor from the first rows (the waived-G8 worklist once took the 200 oldest
/// cases and filtered them afterwards, losing the new ones).
/// </summary>
public abstract class CappedListTests(RelaisFactory factory)
{
    [Fact]
    public async Task FilteringInBatches_KeepsTheFirstMatchesInOrder_AndCountsEveryMatch_WhateverTheBatchSize()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var ordered = db.Patients.AsNoTracking().OrderBy(p => p.BirthDate).ThenBy(p => p.Id).Select(p => new { p.Id, p.BirthDate });
        var all = await ordered.ToListAsync();
        Assert.True(all.Count >= 10, $"the test data holds enough patients for several batches ({all.Count})");
        // A rule the database cannot run: born in an odd month.
        var expected = all.Where(p => p.BirthDate.Month % 2 == 1).ToList();
        Assert.True(expected.Count > 3, "more matches than the cap");

        foreach (var batchSize in new[] { 1, 3, 7, all.Count, all.Count + 1 })
        {
            var capped = await ordered.FilterInBatchesAsync(3, (batch, _) => Task.FromResult(batch.Where(p => p.BirthDate.Month % 2 == 1)), CancellationToken.None, batchSize);

            Assert.Equal(expected.Take(3).Select(p => p.Id), capped.Items.Select(p => p.Id));
            Assert.Equal(expected.Count, capped.Total);
        }
    }

    [Fact]
    public async Task ACappedList_CountsOnlyWhenTheCapIsReached_AndTheApiSaysTheTotalInAHeader()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var ordered = db.Patients.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id);
            var count = await ordered.CountAsync();
            var few = await ordered.ToCappedAsync(3, CancellationToken.None);
            Assert.Equal((3, count), (few.Items.Count, few.Total));
            var all = await ordered.ToCappedAsync(count + 10, CancellationToken.None);
            Assert.True(all.IsComplete);
        }

        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await oncologist.FirstPatientIdAsync("durand marie");
        var transmissions = await oncologist.GetAsync($"/api/patients/{patientId}/transmissions");
        var listed = (await transmissions.JsonAsync()).GetArrayLength();
        Assert.Equal(listed.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(transmissions.Headers.GetValues(CappedQueries.TotalCountHeader)));
        var referrals = await oncologist.GetAsync("/api/referrals");
        Assert.Equal((await referrals.JsonAsync()).GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(referrals.Headers.GetValues(CappedQueries.TotalCountHeader)));
    }
}

[Collection("sqlite")]
public sealed class CappedListSqliteTests(SqliteRelaisFactory factory) : CappedListTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class CappedListPostgresTests(PostgresRelaisFactory factory) : CappedListTests(factory), IClassFixture<PostgresRelaisFactory>;
