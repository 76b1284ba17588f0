using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>Break-the-glass: a written reason, four hours, flagged for review, shown to the patient, the same answer for an unknown patient.</summary>
public abstract class OpenBreakGlassTests(RelaisFactory factory)
{
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
}

[Collection("sqlite")]
public sealed class OpenBreakGlassSqliteTests(SqliteRelaisFactory factory) : OpenBreakGlassTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OpenBreakGlassPostgresTests(PostgresRelaisFactory factory) : OpenBreakGlassTests(factory), IClassFixture<PostgresRelaisFactory>;
