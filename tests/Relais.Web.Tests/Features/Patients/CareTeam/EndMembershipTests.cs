using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.CareTeam;

/// <summary>A care-team membership opens the record to its member until its last day.</summary>
public abstract class EndMembershipTests(RelaisFactory factory)
{
    [Fact]
    public async Task CareTeam_MembershipEndsAtItsLastDay()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123463")))).JsonAsync();
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
    public async Task AMemberAddedByMistakeToday_AndRemoved_ReadsNothingFromThatInstant()
    {
        // Review M4: a membership that began today could only end tonight; the removed member kept reading all day.
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1971, 4, 2).CreateAsync(oncologist);
        var surgeonId = (await oncologist.GetJsonAsync("/api/professionals?search=Lef")).EnumerateArray().First().GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(RelaisFactory.Start.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var added = await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team", new { professionalId = surgeonId, role = "surgeon", from = today });
        var memberId = (await added.JsonAsync()).GetProperty("id").GetGuid();
        var surgeon = await factory.ClientAsAsync("chirurgien@relais.demo");
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/patients/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team/{memberId}/end", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await surgeon.GetAsync($"/api/patients/{id}")).StatusCode);
        var member = (await oncologist.GetJsonAsync($"/api/patients/{id}/care-team")).EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == memberId);
        Assert.Equal(today, member.GetProperty("to").GetString());
        Assert.False(member.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task EndingAMembershipChangedMeanwhile_IsRefused_409WithItsVersion_412WithIfMatch()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1969, 10, 1).CreateAsync(oncologist);
        var surgeonId = (await oncologist.GetJsonAsync("/api/professionals?search=Lef")).EnumerateArray().First().GetProperty("id").GetGuid();
        var member = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team", new { professionalId = surgeonId, role = "surgeon", from = "2026-11-01" })).JsonAsync();
        var memberId = member.GetProperty("id").GetGuid();
        var version = member.GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team/{memberId}/end", new { to = "2026-11-30", version })).StatusCode);
        var stale = await oncologist.PostAsJsonAsync($"/api/patients/{id}/care-team/{memberId}/end", new { to = "2026-12-31", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var withIfMatch = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{id}/care-team/{memberId}/end") { Content = JsonContent.Create(new { to = "2026-12-31" }) };
        withIfMatch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await oncologist.SendAsync(withIfMatch)).StatusCode);
        var team = await oncologist.GetJsonAsync($"/api/patients/{id}/care-team");
        Assert.Equal("2026-11-30", team.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == memberId).GetProperty("to").GetString());
    }
}

[Collection("sqlite")]
public sealed class EndMembershipSqliteTests(SqliteRelaisFactory factory) : EndMembershipTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EndMembershipPostgresTests(PostgresRelaisFactory factory) : EndMembershipTests(factory), IClassFixture<PostgresRelaisFactory>;
