using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients;

public abstract class PatientsApiTests(RelaisFactory factory)
{
    private static object NewPatient(string ins, string birthDate = "1958-03-14", Guid? gp = null) => new
    {
        ins,
        birthName = "Lemaire",
        usedName = (string?)null,
        firstNames = "Hélène",
        birthDate,
        sex = "female",
        phone = "06 12 34 56 78",
        email = (string?)null,
        address = new { line1 = "3 rue des Lilas", postalCode = "76000", city = "Rouen" },
        generalPractitionerId = gp,
    };

    private string Tomorrow() => DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd");

    private async Task<int> PatientCountAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/patients?pageSize=1")).GetProperty("total").GetInt32();

    [Fact]
    public async Task GpSeesOwnPatients_PagedWithTotal()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var page = await gp.GetJsonAsync("/api/patients?page=1&pageSize=5");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() > 20);
        var second = await gp.GetJsonAsync("/api/patients?page=2&pageSize=5");
        Assert.NotEqual(page.GetProperty("items")[0].GetProperty("id").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Search_FindsByAccentFreeName_ByIns_AndByBirthDate()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var ins = Api.Ins("2580376123456");
        var created = await oncologist.PostAsJsonAsync("/api/patients", NewPatient(ins));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var byName = await oncologist.GetJsonAsync("/api/patients?search=helene%20lemaire");
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), p => p.GetProperty("ins").GetString() == ins);
        var byIns = await oncologist.GetJsonAsync($"/api/patients?search={ins[..5]}%20{ins[5..]}");
        Assert.Equal(ins, byIns.GetProperty("items")[0].GetProperty("ins").GetString());
        var byBirth = await oncologist.GetJsonAsync("/api/patients?search=14/03/1958");
        Assert.Contains(byBirth.GetProperty("items").EnumerateArray(), p => p.GetProperty("ins").GetString() == ins);
    }

    [Fact]
    public async Task Create_AddsAuthorAndDeclaredGpToTheCareTeam()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var response = await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123457"), gp: gpId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patient = await response.JsonAsync();
        var roles = patient.GetProperty("careTeam").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
        Assert.Contains("referring-oncologist", roles);
        Assert.Contains("general-practitioner", roles);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var seen = await gp.GetAsync($"/api/patients/{patient.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
    }

    [Theory]
    [InlineData("258037612345699", "ins")]
    [InlineData("25803761234", "ins")]
    public async Task Create_RefusesAnInsWithAWrongKeyOrLength_NamingTheField_AndWritesNothing(string ins, string field)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var before = await PatientCountAsync(oncologist);
        var response = await oncologist.PostAsJsonAsync("/api/patients", NewPatient(ins));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await PatientCountAsync(oncologist));
    }

    [Fact]
    public async Task Create_RefusesABirthDateInTheFuture()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var before = await PatientCountAsync(oncologist);
        var response = await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123458"), birthDate: Tomorrow()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("futur", problem.GetProperty("errors").GetProperty("birthDate")[0].GetString());
        Assert.Equal(before, await PatientCountAsync(oncologist));
    }

    [Fact]
    public async Task Create_RefusesAnUnreadableDate_NamingTheField()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var body = JsonContent.Create(new { ins = Api.Ins("2580376123459"), birthName = "X", firstNames = "Y", birthDate = "14/03/1958", sex = "female" });
        var response = await oncologist.PostAsync("/api/patients", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task Create_RefusesADuplicateIns()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var ins = Api.Ins("1620576123450");
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync("/api/patients", NewPatient(ins))).StatusCode);
        var again = await oncologist.PostAsJsonAsync("/api/patients", NewPatient(ins));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("ins", out _));
    }

    [Fact]
    public async Task GeneralPractitionersCannotBeReplacedBySomeoneWhoIsNotAGp()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var nurseId = (await oncologist.GetJsonAsync("/api/professionals?role=NurseCoordinator"))[0].GetProperty("id").GetGuid();
        var response = await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123460"), gp: nurseId));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("generalPractitionerId", out _));
    }

    [Fact]
    public async Task Episode_FollowsThePathway_AndTheTimelineShowsTheDelays()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123461")))).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episodeResponse = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new
        {
            primarySite = "c50.4", primarySiteLabel = "Sein", laterality = "left", histology = "8500/3", diagnosisDate = "2026-09-01",
            diagnosisBasis = "histology-of-primary", clinicalT = "T2", clinicalN = "N0", clinicalM = "M0", stageGroup = "IIA",
            initialPhase = "diagnosis-confirmed", openedOn = "2026-09-01",
        });
        Assert.Equal(HttpStatusCode.Created, episodeResponse.StatusCode);
        var episode = await episodeResponse.JsonAsync();
        Assert.Equal("C50.4", episode.GetProperty("primarySite").GetString());
        var episodeId = episode.GetProperty("id").GetGuid();

        foreach (var (to, on) in new[] { ("announcement", "2026-09-10"), ("tumor-board", "2026-09-15"), ("care-programme", "2026-09-22"), ("active-treatment", "2026-10-06") })
        {
            var step = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to, occurredOn = on });
            Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        }

        var timeline = (await oncologist.GetJsonAsync($"/api/patients/{id}/timeline"))[0];
        Assert.Equal("active-treatment", timeline.GetProperty("phase").GetString());
        Assert.Equal(5, timeline.GetProperty("events").GetArrayLength());
        var delays = timeline.GetProperty("delays").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("days"));
        Assert.Equal(14, delays["diagnosis-to-tumor-board"].GetInt32());
        Assert.Equal(35, delays["diagnosis-to-first-treatment"].GetInt32());
        Assert.Equal(7, delays["tumor-board-to-care-programme"].GetInt32());
    }

    [Fact]
    public async Task Transition_RefusesAStepThePathwayDoesNotAllow_AndWritesNothing()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123462")))).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new { primarySite = "C18.7", initialPhase = "suspicion", openedOn = "2026-11-02" })).JsonAsync();
        var episodeId = episode.GetProperty("id").GetGuid();

        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to = "active-treatment", occurredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));

        var unknown = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to = "flying-away", occurredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));

        var future = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to = "ruled-out", occurredOn = "2026-12-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.JsonAsync()).GetProperty("errors").TryGetProperty("occurredOn", out _));

        var timeline = (await oncologist.GetJsonAsync($"/api/patients/{id}/timeline"))[0];
        Assert.Equal("suspicion", timeline.GetProperty("phase").GetString());
        Assert.Equal(1, timeline.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task CareTeam_MembershipEndsAtItsLastDay()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123463")))).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var surgeonId = (await oncologist.GetJsonAsync("/api/professionals?search=Lef")).EnumerateArray().First().GetProperty("id").GetGuid();
        var added = await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team", new { professionalId = surgeonId, role = "surgeon", from = "2026-11-01" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var memberId = (await added.JsonAsync()).GetProperty("id").GetGuid();

        var surgeon = await factory.ClientAsAsync("chirurgien@relais.demo");
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/patients/{id}")).StatusCode);

        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team/{memberId}/end", new { to = "2026-11-22" });
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await surgeon.GetAsync($"/api/patients/{id}")).StatusCode);
    }

    [Fact]
    public async Task UpdatingTheDeclaredGp_MovesTheGpMembership()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var gps = await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner");
        var dubois = gps.EnumerateArray().First(g => g.GetProperty("displayName").GetString()!.Contains("DUBOIS")).GetProperty("id").GetGuid();
        var garnier = gps.EnumerateArray().First(g => g.GetProperty("displayName").GetString()!.Contains("GARNIER")).GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", NewPatient(Api.Ins("2580376123464"), gp: dubois))).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();

        app.Time.Advance(TimeSpan.FromDays(3));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        var updated = await oncologist.PutAsJsonAsync($"/api/patients/{id}", NewPatient(Api.Ins("2580376123464"), gp: garnier));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var gpDubois = await app.ClientAsAsync(Api.Gp);
        var gpGarnier = await app.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await gpDubois.GetAsync($"/api/patients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gpGarnier.GetAsync($"/api/patients/{id}")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class PatientsApiSqliteTests(SqliteRelaisFactory factory) : PatientsApiTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PatientsApiPostgresTests(PostgresRelaisFactory factory) : PatientsApiTests(factory), IClassFixture<PostgresRelaisFactory>;
