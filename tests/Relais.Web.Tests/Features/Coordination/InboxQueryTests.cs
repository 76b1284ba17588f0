using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>The recipient's inbox: grouped by patient, newest first, paged, with its filters' counts.</summary>
public abstract class InboxQueryTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheInboxIsGroupedByPatient_NewestFirst_AndPaged()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var page = await gp.GetJsonAsync("/api/inbox?pageSize=5");
        Assert.True(page.GetProperty("total").GetInt32() > 5, "the demo data holds pathology reports for Dr Dubois");
        var items = page.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(5, items.Count);
        var dates = items.Select(i => i.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        foreach (var group in page.GetProperty("groups").EnumerateArray())
            Assert.All(group.GetProperty("items").EnumerateArray(), i => Assert.Equal(group.GetProperty("patientId").GetGuid(), i.GetProperty("patientId").GetGuid()));
        foreach (var (filter, count) in new[] { ("unread", "unread"), ("to-acknowledge", "toAcknowledge"), ("late", "late") })
            Assert.Equal((await gp.GetJsonAsync($"/api/inbox?filter={filter}&pageSize=1")).GetProperty("total").GetInt32(), page.GetProperty("counts").GetProperty(count).GetInt32());
        var bad = await gp.GetAsync("/api/inbox?filter=nimporte");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class InboxQuerySqliteTests(SqliteRelaisFactory factory) : InboxQueryTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class InboxQueryPostgresTests(PostgresRelaisFactory factory) : InboxQueryTests(factory), IClassFixture<PostgresRelaisFactory>;
