using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    [Fact]
    public async Task AFieldLeftOutOfTheRequest_IsNotErased_AndNullErasesOnlyWhatItNames()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1966, 4, 2).CreateAsync(oncologist);
        var full = await oncologist.PutAsJsonAsync($"/api/patients/{id}", new
        {
            phone = "06 11 22 33 44", address = new { line1 = "3 rue des Lilas", postalCode = "76000", city = "Rouen" },
            trustedPerson = new { fullName = "Paul Essai", relationship = "Frère", designatedInWritingOn = "2026-11-02" },
        });
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);

        // The break-the-glass PUT of the review: one field given, nothing else touched.
        var phoneOnly = await oncologist.PutAsJsonAsync($"/api/patients/{id}", new { phone = "06 99 88 77 66" });
        Assert.Equal(HttpStatusCode.OK, phoneOnly.StatusCode);
        var after = await oncologist.GetJsonAsync($"/api/patients/{id}");
        Assert.Equal("06 99 88 77 66", after.GetProperty("phone").GetString());
        Assert.Equal("Paul Essai", after.GetProperty("trustedPerson").GetProperty("fullName").GetString());
        Assert.Equal("Rouen", after.GetProperty("address").GetProperty("city").GetString());
        Assert.Contains("DUBOIS", after.GetProperty("generalPractitioner").GetProperty("displayName").GetString());
        Assert.Equal("Essai", after.GetProperty("birthName").GetString());

        var cityOnly = await oncologist.PutAsJsonAsync($"/api/patients/{id}", new { address = new { city = "Le Havre" } });
        Assert.Equal(HttpStatusCode.OK, cityOnly.StatusCode);
        var moved = await oncologist.GetJsonAsync($"/api/patients/{id}");
        Assert.Equal("Le Havre", moved.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("3 rue des Lilas", moved.GetProperty("address").GetProperty("line1").GetString());

        Assert.Equal(HttpStatusCode.OK, (await oncologist.PutAsync($"/api/patients/{id}", JsonContent.Create(new { email = (string?)null }))).StatusCode);
        Assert.Equal("Paul Essai", (await oncologist.GetJsonAsync($"/api/patients/{id}")).GetProperty("trustedPerson").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task AConcurrentEdit_IsRefused_412WithIfMatch_409WithAVersionInTheBody_AndWritesNothing()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1967, 9, 9).CreateAsync(oncologist);
        var read = await oncologist.GetAsync($"/api/patients/{id}");
        var etag = read.Headers.ETag!.Tag;
        var version = (await read.JsonAsync()).GetProperty("version").GetInt32();

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{id}") { Content = JsonContent.Create(new { phone = "06 10 10 10 10" }) };
        first.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var saved = await oncologist.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{id}") { Content = JsonContent.Create(new { phone = "06 20 20 20 20" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await oncologist.SendAsync(stale)).StatusCode);
        var staleBody = await oncologist.PutAsJsonAsync($"/api/patients/{id}", new { phone = "06 30 30 30 30", version });
        Assert.Equal(HttpStatusCode.Conflict, staleBody.StatusCode);
        Assert.Equal("version", (await staleBody.JsonAsync()).GetProperty("field").GetString());
        Assert.Equal("06 10 10 10 10", (await oncologist.GetJsonAsync($"/api/patients/{id}")).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task AnUpdateWhoseInsContradictsTheSex_IsRefusedNamingBoth_AndWritesNothing()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Female().Born(1968, 1, 5).CreateAsync(oncologist);
        var refused = await oncologist.PutAsJsonAsync($"/api/patients/{id}", new { sex = "male", phone = "06 40 40 40 40" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("ins", out _));
        Assert.True(errors.TryGetProperty("sex", out _));
        var unchanged = await oncologist.GetJsonAsync($"/api/patients/{id}");
        Assert.Equal("female", unchanged.GetProperty("sex").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("phone").ValueKind);
    }
}

[Collection("sqlite")]
public sealed class UpdatePatientSqliteTests(SqliteRelaisFactory factory) : UpdatePatientTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class UpdatePatientPostgresTests(PostgresRelaisFactory factory) : UpdatePatientTests(factory), IClassFixture<PostgresRelaisFactory>;
