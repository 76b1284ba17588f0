using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients;

/// <summary>GET /api/patients: only the patients the access rule lets the caller see, by name, INS or birth date, paged.</summary>
public abstract class SearchPatientsTests(RelaisFactory factory)
{
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
        var created = await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(ins));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var byName = await oncologist.GetJsonAsync("/api/patients?search=helene%20lemaire");
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), p => p.GetProperty("ins").GetString() == ins);
        var byIns = await oncologist.GetJsonAsync($"/api/patients?search={ins[..5]}%20{ins[5..]}");
        Assert.Equal(ins, byIns.GetProperty("items")[0].GetProperty("ins").GetString());
        var byBirth = await oncologist.GetJsonAsync("/api/patients?search=14/03/1958");
        Assert.Contains(byBirth.GetProperty("items").EnumerateArray(), p => p.GetProperty("ins").GetString() == ins);
    }
}

[Collection("sqlite")]
public sealed class SearchPatientsSqliteTests(SqliteRelaisFactory factory) : SearchPatientsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SearchPatientsPostgresTests(PostgresRelaisFactory factory) : SearchPatientsTests(factory), IClassFixture<PostgresRelaisFactory>;
