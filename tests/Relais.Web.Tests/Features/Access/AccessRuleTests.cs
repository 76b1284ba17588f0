using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>The access rule of PRODUCT.md §2 through the API: care team, own record, no nominative data for the 3C and administrators, no existence oracle.</summary>
public abstract class AccessRuleTests(RelaisFactory factory)
{
    private static string Comparable(JsonElement problem) =>
        $"{problem.GetProperty("status").GetInt32()}|{problem.GetProperty("title").GetString()}|{problem.GetProperty("detail").GetString()}|{problem.GetProperty("type").GetString()}";

    private async Task<Guid> PatientOfDuboisOnlyAsync()
    {
        var dubois = await factory.ClientAsAsync(Api.Gp);
        var garnier = await factory.ClientAsAsync(Api.OtherGp);
        var page = await dubois.GetJsonAsync("/api/patients?pageSize=100");
        foreach (var p in page.GetProperty("items").EnumerateArray())
        {
            var id = p.GetProperty("id").GetGuid();
            if ((await garnier.GetAsync($"/api/patients/{id}")).StatusCode == HttpStatusCode.NotFound) return id;
        }
        throw new InvalidOperationException("demo data has no patient of Dr Dubois alone");
    }

    private async Task<int> DenialsForAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Outcome == "denied");
    }

    [Fact]
    public async Task GpOutsideTheTeam_GetsExactlyTheAnswerOfANonExistentPatient_AndTheDenialIsAudited()
    {
        var patientId = await PatientOfDuboisOnlyAsync();
        var garnier = await factory.ClientAsAsync(Api.OtherGp);
        var deniedBefore = await DenialsForAsync(patientId);

        var denied = await garnier.GetAsync($"/api/patients/{patientId}");
        var missing = await garnier.GetAsync($"/api/patients/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(Comparable(await missing.JsonAsync()), Comparable(await denied.JsonAsync()));
        Assert.Equal(missing.Content.Headers.ContentType?.ToString(), denied.Content.Headers.ContentType?.ToString());

        var write = await garnier.PostAsJsonAsync($"/api/patients/{patientId}/episodes", new { primarySite = "C50" });
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(deniedBefore + 2, await DenialsForAsync(patientId));

        var list = await garnier.GetJsonAsync("/api/patients?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == patientId);
    }

    [Fact]
    public async Task PatientReadsOwnRecord_ButNotAnotherPatients()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var own = await patient.GetJsonAsync("/api/patients?pageSize=10");
        Assert.Equal(1, own.GetProperty("total").GetInt32());
        var ownId = own.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/api/patients/{ownId}")).StatusCode);

        var other = await PatientOfDuboisOnlyAsync();
        Assert.NotEqual(ownId, other);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/api/patients/{other}")).StatusCode);
        // A patient reads; the team writes.
        Assert.Equal(HttpStatusCode.NotFound, (await patient.PostAsJsonAsync($"/api/patients/{ownId}/episodes", new { primarySite = "C50" })).StatusCode);
    }

    [Theory]
    [InlineData(Api.Quality)]
    [InlineData(Api.Admin)]
    public async Task QualityCoordinatorsAndAdministratorsSeeNoNominativeData(string account)
    {
        var patientId = await PatientOfDuboisOnlyAsync();
        var client = await factory.ClientAsAsync(account);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/patients/{patientId}/timeline")).StatusCode);
        var list = await client.GetJsonAsync("/api/patients");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AnonymousCallsAreRefused()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/patients/{Guid.NewGuid()}")).StatusCode);
        var page = await client.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location!.PathAndQuery);
    }
}

[Collection("sqlite")]
public sealed class AccessRuleSqliteTests(SqliteRelaisFactory factory) : AccessRuleTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AccessRulePostgresTests(PostgresRelaisFactory factory) : AccessRuleTests(factory), IClassFixture<PostgresRelaisFactory>;
