using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients;

/// <summary>PUT /api/patients/{id}: a new declared GP, with the patient's agreement, moves the GP membership of the care team.</summary>
public abstract class UpdatePatientTests(RelaisFactory factory)
{
    [Fact]
    public async Task UpdatingTheDeclaredGp_NeedsThePatientsAgreement_AndMovesTheGpMembership()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var gps = await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner");
        var dubois = gps.EnumerateArray().First(g => g.GetProperty("displayName").GetString()!.Contains("DUBOIS")).GetProperty("id").GetGuid();
        var garnier = gps.EnumerateArray().First(g => g.GetProperty("displayName").GetString()!.Contains("GARNIER")).GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123464"), gp: dubois))).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();

        app.Time.Advance(TimeSpan.FromDays(3));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        // Issue 11: the declared GP is the patient's choice; a change without their recorded agreement is refused, and changes nothing.
        var refused = await oncologist.PutAsJsonAsync($"/api/patients/{id}", PatientBodies.New(Api.Ins("2580376123464"), gp: garnier));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("gpChangeAgreement", out _));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync(Api.Gp)).GetAsync($"/api/patients/{id}")).StatusCode);
        var updated = await oncologist.PutAsJsonAsync($"/api/patients/{id}",
            PatientBodies.New(Api.Ins("2580376123464"), gp: garnier, gpChangeAgreement: "Accord de la patiente, consultation du jour"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var gpDubois = await app.ClientAsAsync(Api.Gp);
        var gpGarnier = await app.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await gpDubois.GetAsync($"/api/patients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gpGarnier.GetAsync($"/api/patients/{id}")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class UpdatePatientSqliteTests(SqliteRelaisFactory factory) : UpdatePatientTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class UpdatePatientPostgresTests(PostgresRelaisFactory factory) : UpdatePatientTests(factory), IClassFixture<PostgresRelaisFactory>;
