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
    public async Task Create_AnInsAnotherRecordHolds_AnswersAReader409WithTheLink_AndWritesNothing()
    {
        // Was 400 before: the INS conflict now answers 409 with a link, and only to a caller who may read the record.
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var builder = A.Patient().Male().Born(1962, 5, 14);
        var ins = builder.NewIns();
        var first = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.Of(ins, "male", "1962-05-14"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var existing = (await first.JsonAsync()).GetProperty("id").GetGuid();
        var before = await PatientBodies.CountAsync(oncologist);

        var again = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.Of(ins, "male", "1962-05-14"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("ins", out _));
        Assert.Equal($"/api/patients/{existing}", problem.GetProperty("link").GetString());
        Assert.Equal(before, await PatientBodies.CountAsync(oncologist));
    }

    [Fact]
    public async Task Create_AnInsARecordTheCallerMayNotReadHolds_AnswersAsAFreeInsWould_AndGoesToTheReferentsWorklist_Audited()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var existing = await A.Patient().Female().Born(1971, 2, 3).WithoutGp().CreateAsync(oncologist);
        var ins = (await oncologist.GetJsonAsync($"/api/patients/{existing}")).GetProperty("ins").GetString()!;

        // Dr Garnier is in no team of that patient: the same INS and a fresh one get the same kind of answer.
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var taken = await outsider.PostAsJsonAsync("/api/patients", PatientBodies.Of(ins, "female", "1971-02-03"));
        var free = await outsider.PostAsJsonAsync("/api/patients", PatientBodies.Of(A.Patient().Female().Born(1971, 2, 3).NewIns(), "female", "1971-02-03"));
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(free.StatusCode, taken.StatusCode);
        var takenBody = await taken.JsonAsync();
        var freeBody = await free.JsonAsync();
        Assert.Equal(freeBody.EnumerateObject().Select(p => p.Name), takenBody.EnumerateObject().Select(p => p.Name));
        Assert.Equal(freeBody.GetProperty("identity").GetProperty("status").GetString(), takenBody.GetProperty("identity").GetProperty("status").GetString());
        Assert.DoesNotContain(existing.ToString(), await taken.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var line = (await nurse.GetJsonAsync("/api/identity-vigilance")).EnumerateArray()
            .Single(a => a.GetProperty("patientId").GetGuid() == takenBody.GetProperty("id").GetGuid());
        Assert.Equal("suspected-duplicate", line.GetProperty("kind").GetString());
        Assert.Equal(existing, line.GetProperty("otherPatientId").GetGuid());
        // The attempt on the existing record is in its access log, as a refusal.
        var log = await oncologist.GetJsonAsync($"/api/patients/{existing}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("outcome").GetString() == "denied" && e.GetProperty("who").GetString()!.Contains("GARNIER", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("male", "1958-03-14", "sex")]
    [InlineData("female", "1962-03-14", "birthDate")]
    [InlineData("female", "1958-07-14", "birthDate")]
    public async Task Create_RefusesAnInsThatContradictsTheIdentity_NamingTheInsAndTheField_AndWritesNothing(string sex, string birthDate, string field)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var before = await PatientBodies.CountAsync(oncologist);
        var ins = A.Patient().Female().Born(1958, 3, 14).NewIns();
        var response = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.Of(ins, sex, birthDate));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("ins", out _));
        Assert.True(errors.TryGetProperty(field, out _));
        Assert.Equal(before, await PatientBodies.CountAsync(oncologist));
    }

    [Fact]
    public async Task Create_KeepsAMismatchConfirmedWithAReason_AndFlagsItForTheReferent()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var ins = A.Patient().Female().Born(1958, 3, 14).NewIns();
        var unexplained = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.Of(ins, "male", "1958-03-14", confirm: true));
        Assert.True((await unexplained.JsonAsync()).GetProperty("errors").TryGetProperty("identityMismatchReason", out _));

        var response = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.Of(ins, "male", "1958-03-14", confirm: true, reason: "Sexe à l'état civil modifié, carte Vitale non mise à jour"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patient = await response.JsonAsync();
        Assert.Equal("male", patient.GetProperty("sex").GetString());
        Assert.Equal("Sexe à l'état civil modifié, carte Vitale non mise à jour", patient.GetProperty("identity").GetProperty("mismatchReason").GetString());

        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var line = (await nurse.GetJsonAsync("/api/identity-vigilance")).EnumerateArray().Single(a => a.GetProperty("patientId").GetGuid() == patient.GetProperty("id").GetGuid());
        Assert.Equal("confirmed-mismatch", line.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await oncologist.GetAsync("/api/identity-vigilance")).StatusCode);
    }

    [Fact]
    public async Task TheNewPatientForm_PreselectsNoSex()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var browser = await factory.CookieClientAsync(Api.Oncologist);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/patients/nouveau"));
        var select = html[html.IndexOf("id=\"sex\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        var options = select.Split("<option").Skip(1).ToList();
        Assert.Contains("— choisir —", options[0]);
        Assert.Contains("selected", options[0]);
        Assert.All(options.Skip(1), o => Assert.DoesNotContain("selected", o));
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
