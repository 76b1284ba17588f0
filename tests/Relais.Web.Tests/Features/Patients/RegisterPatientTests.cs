using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients;

/// <summary>POST /api/patients: the record, its care team, and the refusals that write nothing.</summary>
public abstract class RegisterPatientTests(RelaisFactory factory)
{
    private string Tomorrow() => DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Create_AddsAuthorAndDeclaredGpToTheCareTeam()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var response = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123457"), gp: gpId));
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
        var before = await PatientBodies.CountAsync(oncologist);
        var response = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(ins));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await PatientBodies.CountAsync(oncologist));
    }

    [Fact]
    public async Task Create_RefusesABirthDateInTheFuture()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var before = await PatientBodies.CountAsync(oncologist);
        var response = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123458"), birthDate: Tomorrow()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("futur", problem.GetProperty("errors").GetProperty("birthDate")[0].GetString());
        Assert.Equal(before, await PatientBodies.CountAsync(oncologist));
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
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(ins))).StatusCode);
        var again = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(ins));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("ins", out _));
    }

    [Fact]
    public async Task GeneralPractitionersCannotBeReplacedBySomeoneWhoIsNotAGp()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var nurseId = (await oncologist.GetJsonAsync("/api/professionals?role=NurseCoordinator"))[0].GetProperty("id").GetGuid();
        var response = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123460"), gp: nurseId));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("generalPractitionerId", out _));
    }
}

[Collection("sqlite")]
public sealed class RegisterPatientSqliteTests(SqliteRelaisFactory factory) : RegisterPatientTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RegisterPatientPostgresTests(PostgresRelaisFactory factory) : RegisterPatientTests(factory), IClassFixture<PostgresRelaisFactory>;
