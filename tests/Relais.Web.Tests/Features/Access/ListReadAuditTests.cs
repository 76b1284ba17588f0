using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>
/// Review M5: the inbox, the pending transmissions, the referrals, the meetings, the worklists showed patient names
/// and wrote no audit row, so a patient's "who accessed my record" missed them. Every API list found in the endpoint
/// data source (the ones added later too) is read by the professionals of the demo; each patient it shows must then
/// have an audit row of that professional.
/// </summary>
public abstract class ListReadAuditTests(RelaisFactory factory)
{
    [Fact]
    public async Task EveryListShowingPatients_AuditsEachPatientShown_ForTheReader()
    {
        _ = factory.Server;
        var lists = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && !r.Contains('{', StringComparison.Ordinal))
            .Distinct().ToList();
        var checkedLists = 0;
        foreach (var email in new[] { Api.Gp, Api.Nurse, Api.Oncologist, Api.Secretary })
        {
            var client = await factory.ClientAsAsync(email);
            var userId = await UserIdAsync(email);
            foreach (var route in lists)
            {
                var before = await LastRowAsync();
                var response = await client.GetAsync(route);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true) continue;
                var shown = new HashSet<Guid>();
                Collect(await response.JsonAsync(), shown);
                if (shown.Count == 0) continue;
                var audited = await AuditedSinceAsync(userId, before);
                var missing = shown.Where(p => !audited.Contains(p)).ToList();
                Assert.True(missing.Count == 0, $"GET {route} as {email} showed {shown.Count} patients; {missing.Count} without an audit row");
                // Once each: a worklist whose use case audits its own list (its page shares it) is not audited again by the API's net.
                var twice = await ListedTwiceSinceAsync(userId, before);
                Assert.True(twice == 0, $"GET {route} as {email} audited {twice} patients twice as listed");
                checkedLists++;
            }
        }
        Assert.True(checkedLists >= 5, $"only {checkedLists} lists showed patients");
    }

    [Fact]
    public async Task TheInbox_AuditsItsPatientsInOneRequest_AsListed()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var userId = await UserIdAsync(Api.Gp);
        var before = await LastRowAsync();
        var inbox = await gp.GetJsonAsync("/api/inbox");
        var shown = new HashSet<Guid>();
        Collect(inbox, shown);
        Assert.NotEmpty(shown);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var rows = await db.AuditEntries.Where(a => a.ActorId == userId && a.Id > before).ToListAsync();
        Assert.Equal(shown.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(AuditActions.List, r.Action));
        Assert.Equal(shown.Order(), rows.Select(r => r.PatientId!.Value).Order());
    }

    [Fact]
    public async Task TheGpCalendarFeed_AuditsEachPatientItNames()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var feed = await (await gp.PostAsync("/api/me/calendar-feeds", null)).JsonAsync();
        var userId = await UserIdAsync(Api.Gp);
        var before = await LastRowAsync();
        var calendar = await factory.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        Assert.Contains("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
        var patients = await AuditedSinceAsync(userId, before);
        Assert.True(patients.Count >= 1);
    }

    private static void Collect(JsonElement element, HashSet<Guid> shown)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var p in element.EnumerateObject())
                if (p.NameEquals("patientId") && p.Value.ValueKind == JsonValueKind.String && p.Value.TryGetGuid(out var id)) shown.Add(id);
                else Collect(p.Value, shown);
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) Collect(item, shown);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The highest audit row id so far (the trail is append-only, its ids grow).</summary>
    private async Task<long> LastRowAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<int> ListedTwiceSinceAsync(Guid userId, long after)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.Where(a => a.Id > after && a.ActorId == userId && a.PatientId != null && a.Action == AuditActions.List)
            .GroupBy(a => a.PatientId).CountAsync(g => g.Count() > 1);
    }

    private async Task<HashSet<Guid>> AuditedSinceAsync(Guid userId, long after)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return [.. await db.AuditEntries.Where(a => a.Id > after && a.ActorId == userId && a.PatientId != null).Select(a => a.PatientId!.Value).ToListAsync()];
    }
}

[Collection("sqlite")]
public sealed class ListReadAuditSqliteTests(SqliteRelaisFactory factory) : ListReadAuditTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ListReadAuditPostgresTests(PostgresRelaisFactory factory) : ListReadAuditTests(factory), IClassFixture<PostgresRelaisFactory>;
