using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>The patient's objection closes the record to one professional, break-the-glass included, until it is withdrawn.</summary>
public abstract class RecordObjectionTests(RelaisFactory factory)
{
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
}

[Collection("sqlite")]
public sealed class RecordObjectionSqliteTests(SqliteRelaisFactory factory) : RecordObjectionTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordObjectionPostgresTests(PostgresRelaisFactory factory) : RecordObjectionTests(factory), IClassFixture<PostgresRelaisFactory>;
