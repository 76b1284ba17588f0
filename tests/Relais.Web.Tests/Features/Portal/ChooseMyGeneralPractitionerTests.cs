using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Portal;

/// <summary>
/// The patient declares or changes their GP themselves (issue 11: the declared GP is the patient's choice): the new GP
/// joins the care team, the former one leaves it, nothing else of the record moves; a professional may not do it here.
/// </summary>
public abstract class ChooseMyGeneralPractitionerTests(RelaisFactory factory)
{
    [Fact]
    public async Task ThePatient_ChangesTheirGp_WhoJoinsTheTeam_TheFormerOneLeaves_AndNothingElseMoves()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var marie = await patient.FirstPatientIdAsync();
        var before = await patient.GetJsonAsync($"/api/patients/{marie}");
        var formerGp = before.GetProperty("generalPractitioner").GetProperty("id").GetGuid();
        var choices = (await patient.GetJsonAsync("/api/me/general-practitioners")).EnumerateArray().ToList();
        Assert.Contains(choices, c => c.GetProperty("id").GetGuid() == formerGp);
        var next = choices.First(c => c.GetProperty("id").GetGuid() != formerGp).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await patient.PutAsJsonAsync("/api/me/general-practitioner", new { generalPractitionerId = next })).StatusCode);

        var after = await patient.GetJsonAsync($"/api/patients/{marie}");
        Assert.Equal(next, after.GetProperty("generalPractitioner").GetProperty("id").GetGuid());
        Assert.Equal(before.GetProperty("phone").ToString(), after.GetProperty("phone").ToString());
        Assert.Equal(before.GetProperty("address").ToString(), after.GetProperty("address").ToString());
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var team = (await oncologist.GetJsonAsync($"/api/patients/{marie}/care-team")).EnumerateArray().ToList();
        Assert.Contains(team, m => m.GetProperty("professional").GetProperty("id").GetGuid() == next && m.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(team, m => m.GetProperty("professional").GetProperty("id").GetGuid() == formerGp && m.GetProperty("active").GetBoolean());

        var empty = await patient.PutAsJsonAsync("/api/me/general-practitioner", new { generalPractitionerId = (Guid?)null });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("generalPractitionerId", out _));
        var notAGp = await patient.PutAsJsonAsync("/api/me/general-practitioner", new { generalPractitionerId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, notAGp.StatusCode);
        Assert.Equal(next, (await patient.GetJsonAsync($"/api/patients/{marie}")).GetProperty("generalPractitioner").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AProfessional_MayNotUseThePatientsOwnChoice()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var refused = await oncologist.PutAsJsonAsync("/api/me/general-practitioner", new { generalPractitionerId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ThePortalPage_ListsTheGps_AndSaysWhoIsTheGpToday()
    {
        var browser = await factory.CookieClientAsync(Api.PatientAccount);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/mon-dossier/medecin-traitant"));
        Assert.Contains("Choisir mon médecin traitant", page);
        Assert.Contains("name=\"Form.GeneralPractitionerId\"", page);
        Assert.Contains("/mon-dossier/medecin-traitant", WebUtility.HtmlDecode(await browser.GetStringAsync("/mon-dossier")));
    }
}

[Collection("sqlite")]
public sealed class ChooseMyGeneralPractitionerSqliteTests(SqliteRelaisFactory factory) : ChooseMyGeneralPractitionerTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ChooseMyGeneralPractitionerPostgresTests(PostgresRelaisFactory factory) : ChooseMyGeneralPractitionerTests(factory), IClassFixture<PostgresRelaisFactory>;
