using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>The access rule of PRODUCT.md §2 through the API: team, objection, break-the-glass, no existence oracle.</summary>
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
    public async Task PatientObjection_ClosesTheRecordToThatProfessional_UntilWithdrawn()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var ownId = await patient.FirstPatientIdAsync();
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.OK, (await gp.GetAsync($"/api/patients/{ownId}")).StatusCode);
        var gpId = (await gp.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();

        var objected = await patient.PostAsJsonAsync("/api/me/objections", new { professionalId = gpId });
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gp.GetAsync($"/api/patients/{ownId}")).StatusCode);
        var breakGlass = await gp.PostAsJsonAsync("/api/break-glass", new { patientId = ownId, reason = "Patiente aux urgences, dossier nécessaire" });
        Assert.Equal(HttpStatusCode.OK, breakGlass.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gp.GetAsync($"/api/patients/{ownId}")).StatusCode);

        var objectionId = (await objected.JsonAsync()).GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await patient.DeleteAsync($"/api/me/objections/{objectionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gp.GetAsync($"/api/patients/{ownId}")).StatusCode);
    }

    [Fact]
    public async Task BreakTheGlass_NeedsAWrittenReason_LastsFourHours_IsFlaggedAndShownToThePatient()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var patientAccount = await app.ClientAsAsync(Api.PatientAccount);
        var patientId = await patientAccount.FirstPatientIdAsync();
        var garnier = await app.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await garnier.GetAsync($"/api/patients/{patientId}")).StatusCode);

        var tooShort = await garnier.PostAsJsonAsync("/api/break-glass", new { patientId, reason = "urgence" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));

        var unknown = await garnier.PostAsJsonAsync("/api/break-glass", new { patientId = Guid.NewGuid(), reason = "Patiente inconsciente aux urgences de Dieppe" });
        var opened = await garnier.PostAsJsonAsync("/api/break-glass", new { patientId, reason = "Patiente inconsciente aux urgences de Dieppe" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal((await unknown.JsonAsync()).GetProperty("message").GetString(), (await opened.JsonAsync()).GetProperty("message").GetString());

        var detail = await garnier.GetJsonAsync($"/api/patients/{patientId}");
        Assert.Equal("break-glass", detail.GetProperty("accessBasis").GetString());

        var admin = await app.ClientAsAsync(Api.Admin);
        var pending = await admin.GetJsonAsync("/api/admin/break-glass");
        Assert.Contains(pending.EnumerateArray(), g => g.GetProperty("patientId").GetGuid() == patientId);

        var log = await patientAccount.GetJsonAsync($"/api/patients/{patientId}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("outcome").GetString() == "break-glass" && e.GetProperty("who").GetString()!.Contains("GARNIER"));

        app.Time.Advance(TimeSpan.FromHours(4));
        garnier = await app.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await garnier.GetAsync($"/api/patients/{patientId}")).StatusCode);
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

    [Fact]
    public async Task SelfRegistrationIsClosed()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "intrus@example.org", password = "Un-Mot-De-Passe-1!" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "intrus@example.org", password = "Un-Mot-De-Passe-1!" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]

    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Secretary, password = "mauvais-mot-de-passe" })).StatusCode);
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Secretary, password = Api.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("LockedOut", (await locked.JsonAsync()).GetProperty("detail").GetString());
    }
}

[Collection("sqlite")]
public sealed class AccessRuleSqliteTests(SqliteRelaisFactory factory) : AccessRuleTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AccessRulePostgresTests(PostgresRelaisFactory factory) : AccessRuleTests(factory), IClassFixture<PostgresRelaisFactory>;
