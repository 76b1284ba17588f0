using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Portal;

/// <summary>
/// Issue 11, point 1: the patient delegates portal access to a caregiver, who has an account of their own and sees
/// only the sections chosen, of that one patient, until the patient revokes it; who, when and what are audited. The
/// delegation is a scoped grant read by the one access rule.
/// </summary>
public abstract class DelegatePortalAccessTests(RelaisFactory factory)
{
    private static readonly string[] CarnetOnly = ["carnet"];
    private static readonly string[] CarnetAndMessages = ["carnet", "messages"];
    private static readonly string[] PathologyOnly = ["pathology"];
    private static readonly string[] DocumentsOnly = ["documents"];

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ACaregiverWithTheCarnet_SeesTheCarnetOfThatPatientOnly_UntilThePatientRevokes()
    {
        var marie = await factory.MarieDurandAsync();
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var email = Accounts.NewEmail("aidant");
        var delegated = await patient.PostAsJsonAsync("/api/me/delegations", new { email, firstName = "Paul", lastName = "Durand", relationship = "fils", sections = CarnetOnly });
        Assert.Equal(HttpStatusCode.Created, delegated.StatusCode);
        var body = await delegated.JsonAsync();
        Assert.True(body.GetProperty("invited").GetBoolean());
        Assert.Equal(CarnetOnly, body.GetProperty("sections").EnumerateArray().Select(s => s.GetString()!));
        var grantId = body.GetProperty("id").GetGuid();

        var token = await factory.MailedTokenAsync(body.GetProperty("caregiverId").GetGuid());
        var key = await factory.CreateClient().ActivateAsync(token);
        var caregiver = await factory.SignInWithTotpAsync(email, key);

        Assert.Equal(["Caregiver"], (await caregiver.GetJsonAsync("/api/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        var records = await caregiver.GetJsonAsync("/api/me/delegated-records");
        Assert.Equal(marie, Assert.Single(records.EnumerateArray()).GetProperty("patientId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await caregiver.GetAsync($"/api/patients/{marie}/carnet")).StatusCode);
        var documents = await caregiver.GetAsync($"/api/patients/{marie}/documents");
        Assert.Equal(HttpStatusCode.Forbidden, documents.StatusCode);
        Assert.Equal("read-documents", (await documents.JsonAsync()).GetProperty("capability").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.GetAsync($"/api/patients/{marie}/messages?thread=patient")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.GetAsync($"/api/patients/{marie}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.GetAsync($"/api/patients/{marie}/observations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.PostAsJsonAsync($"/api/patients/{marie}/episodes", new { primarySite = "C50" })).StatusCode);
        var other = (await (await factory.ClientAsAsync(Api.Oncologist)).GetJsonAsync("/api/patients?pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).First(id => id != marie);
        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.GetAsync($"/api/patients/{other}/carnet")).StatusCode);
        Assert.Equal(0, (await caregiver.GetJsonAsync("/api/patients")).GetProperty("total").GetInt32());

        var listed = Assert.Single((await patient.GetJsonAsync("/api/me/delegations")).EnumerateArray(), d => d.GetProperty("id").GetGuid() == grantId);
        Assert.Contains("fils", listed.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await patient.PostAsync($"/api/me/delegations/{grantId}/revoke", null)).StatusCode);
        // Revocation takes effect on the caregiver's next request.
        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.GetAsync($"/api/patients/{marie}/carnet")).StatusCode);
        Assert.Empty((await caregiver.GetJsonAsync("/api/me/delegated-records")).EnumerateArray());
        var events = await factory.PatientEventsAsync(marie, "caregiver-");
        Assert.Equal(["caregiver-delegated", "caregiver-delegation-revoked"], events.TakeLast(2));
    }

    [Fact]
    public async Task ThePatientDelegates_OnlyTheCarnetTheDocumentsAndTheMessages_ToACaregiversAddress()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var pathology = await patient.PostAsJsonAsync("/api/me/delegations", new { email = Accounts.NewEmail("aidant"), firstName = "Paul", lastName = "Durand", relationship = "fils", sections = PathologyOnly });
        Assert.Equal(HttpStatusCode.BadRequest, pathology.StatusCode);
        Assert.True((await pathology.JsonAsync()).GetProperty("errors").TryGetProperty("sections", out _));
        var professional = await patient.PostAsJsonAsync("/api/me/delegations", new { email = Api.Oncologist, firstName = "Claire", lastName = "Martin", relationship = "amie", sections = DocumentsOnly });
        Assert.Equal(HttpStatusCode.Conflict, professional.StatusCode);

        // Delegating again to the same person replaces the earlier delegation: a repeated request is harmless.
        var email = Accounts.NewEmail("aidante");
        var first = await (await patient.PostAsJsonAsync("/api/me/delegations", new { email, firstName = "Léa", lastName = "Durand", relationship = "fille", sections = CarnetOnly })).JsonAsync();
        var second = await (await patient.PostAsJsonAsync("/api/me/delegations", new { email, firstName = "Léa", lastName = "Durand", relationship = "fille", sections = CarnetAndMessages })).JsonAsync();
        Assert.False(second.GetProperty("invited").GetBoolean());
        var mine = (await patient.GetJsonAsync("/api/me/delegations")).EnumerateArray().Where(d => d.GetProperty("email").GetString() == email).ToList();
        Assert.Single(mine, d => d.GetProperty("revokedAt").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Contains(mine, d => d.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid() && d.GetProperty("revokedAt").ValueKind != System.Text.Json.JsonValueKind.Null);

        // Only the patient delegates: a professional is refused by role.
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        Assert.Equal(HttpStatusCode.Forbidden, (await oncologist.PostAsJsonAsync("/api/me/delegations", new { email, sections = CarnetOnly })).StatusCode);
    }

    [Fact]
    public async Task TheDemoCaregiver_SeesMarieDurandsCarnet_AndNotHerDocuments()
    {
        var marie = await factory.MarieDurandAsync();
        var caregiver = await factory.ClientAsAsync("aidant@relais.demo");
        Assert.Equal(HttpStatusCode.OK, (await caregiver.GetAsync($"/api/patients/{marie}/carnet")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.GetAsync($"/api/patients/{marie}/documents")).StatusCode);
        var pages = await factory.CookieClientAsync("aidant@relais.demo");
        Assert.Contains("Carnet de surveillance", WebUtility.HtmlDecode(await pages.GetStringAsync($"/patients/{marie}/suivi")));
        var record = await pages.GetAsync($"/patients/{marie}");
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        Assert.StartsWith("/acces-refuse", record.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }
}

[Collection("sqlite")]
public sealed class DelegatePortalAccessSqliteTests(SqliteRelaisFactory factory) : DelegatePortalAccessTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DelegatePortalAccessPostgresTests(PostgresRelaisFactory factory) : DelegatePortalAccessTests(factory), IClassFixture<PostgresRelaisFactory>;
