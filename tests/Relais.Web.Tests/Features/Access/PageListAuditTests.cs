using System.Net;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>
/// Review M5, for the pages: the worklists, the patient list, the home panels, the tumor-board agendas and the search
/// showed patient names and wrote no audit row, so "who accessed my record" missed them. Every page without a route
/// parameter is opened by the professionals of the demo; each patient it names (by a link to the record) must then have
/// an audit row of that professional, written once, and the patient sees it in the access log.
/// </summary>
public abstract class PageListAuditTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task EveryPageNamingPatients_AuditsEachPatientShown_ForTheReader()
    {
        _ = factory.Server;
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<PatientScopedAttribute>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.Contains('{', StringComparison.Ordinal))
            .Distinct().ToList();
        var checkedPages = new HashSet<string>();
        foreach (var email in new[] { Api.Gp, Api.Nurse, Api.Oncologist, Api.Secretary })
        {
            var browser = await factory.CookieClientAsync(email);
            var userId = await UserIdAsync(email);
            foreach (var route in pages)
            {
                var before = await LastRowAsync();
                var response = await browser.GetAsync(route);
                if (response.StatusCode != HttpStatusCode.OK) continue;
                var shown = PageListAudit.PatientsLinkedFrom(await response.Content.ReadAsStringAsync());
                if (shown.Count == 0) continue;
                var audited = await ListedSinceAsync(userId, before);
                var missing = shown.Where(p => !audited.Contains(p)).ToList();
                Assert.True(missing.Count == 0, $"GET {route} as {email} showed {shown.Count} patients; {missing.Count} without an audit row");
                // One row per patient shown, even where the page's own use case audits its list (the search, the worklists).
                Assert.True(audited.Count == audited.Distinct().Count(), $"GET {route} as {email} audited a patient twice");
                checkedPages.Add(route);
            }
        }
        foreach (var list in new[] { "/", "/patients", "/suivi" })
            Assert.Contains(list, checkedPages);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task OpeningTheFollowUpWorklist_ShowsTheGpInTheAccessLogOfThePatientsListed()
    {
        var marie = await factory.MarieDurandAsync();
        var gp = await factory.CookieClientAsync(Api.Gp);
        var userId = await UserIdAsync(Api.Gp);
        var before = await LastRowAsync();

        // The GP's follow-up worklist, whose query audits nothing itself: the page's rows are the mechanism's.
        var worklist = await gp.GetStringAsync("/suivi");

        Assert.Contains(marie, PageListAudit.PatientsLinkedFrom(worklist));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var rows = await db.AuditEntries.Where(a => a.Id > before && a.ActorId == userId && a.PatientId == marie).ToListAsync();
            var row = Assert.Single(rows);
            Assert.Equal(AuditActions.List, row.Action);
            Assert.Equal("GET /suivi", row.Resource);
        }
        var log = await (await factory.ClientAsAsync(Api.PatientAccount)).GetJsonAsync($"/api/patients/{marie}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.List && e.GetProperty("who").GetString()!.Contains("DUBOIS", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<long> LastRowAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>The patients audited as listed by this user since that row, once per row.</summary>
    private async Task<List<Guid>> ListedSinceAsync(Guid userId, long after)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.Where(a => a.Id > after && a.ActorId == userId && a.PatientId != null && a.Action == AuditActions.List)
            .Select(a => a.PatientId!.Value).ToListAsync();
    }
}

[Collection("sqlite")]
public sealed class PageListAuditSqliteTests(SqliteRelaisFactory factory) : PageListAuditTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PageListAuditPostgresTests(PostgresRelaisFactory factory) : PageListAuditTests(factory), IClassFixture<PostgresRelaisFactory>;
