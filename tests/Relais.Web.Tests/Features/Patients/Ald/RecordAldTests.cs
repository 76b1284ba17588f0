using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Patients.Ald;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.Ald;

/// <summary>The ALD 30 record ([G] 1.4): recorded by the team, an emergency admission opened for six months, the GP reminded before it expires.</summary>
public abstract class RecordAldTests(RelaisFactory factory)
{
    private async Task<int> RemindAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindAldExpiry>().HandleAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnEmergencyAdmission_HoldsSixMonths_AndTheGpIsRemindedOnceBeforeItExpires()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);

        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-06-10", emergencyProtocol = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ald = await created.JsonAsync();
        Assert.Equal("2026-12-09", ald.GetProperty("expiresOn").GetString());
        Assert.Equal("2026-11-09", ald.GetProperty("remindOn").GetString());
        Assert.True(ald.GetProperty("current").GetBoolean());

        var gp = await factory.ClientAsAsync(Api.Gp);
        var listed = Assert.Single((await gp.GetJsonAsync($"/api/patients/{patientId}/ald")).EnumerateArray());
        Assert.True(listed.GetProperty("emergencyProtocol").GetBoolean());

        await RemindAsync();
        await RemindAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var id = ald.GetProperty("id").GetGuid();
            var reminder = Assert.Single(await db.Reminders.AsNoTracking().Where(r => r.SubjectId == id).ToListAsync());
            Assert.Equal(ReminderKind.AldExpiry, reminder.Kind);
            var gpId = await db.Users.Where(u => u.Email == Api.Gp).Select(u => u.Id).SingleAsync();
            Assert.Equal(gpId, reminder.RecipientUserId);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.PatientId == patientId && m.RecipientUserId == gpId && m.Kind == OutboxKind.Reminder));
        }
        var reminders = (await gp.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "ald-expiry").ToList();
        Assert.Contains("09/12/2026", Assert.Single(reminders).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenewalRecordedInTime_IsNotReminded_AndAnAdmissionWithoutEnd_NeverIs()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        // The renewal is written first: the dispatcher's background scan may run between two requests, and the emergency
        // admission alone, past its reminder day, would rightly be reminded.
        var renewal = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-11-20", to = "2031-11-19" });
        Assert.Equal(HttpStatusCode.Created, renewal.StatusCode);
        var first = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-06-10", emergencyProtocol = true })).JsonAsync();
        var open = await (await oncologist.PostAsJsonAsync($"/api/patients/{await A.Patient().CreateAsync(oncologist)}/ald", new { from = "2026-01-05" })).JsonAsync();

        await RemindAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Guid[] subjects = [first.GetProperty("id").GetGuid(), open.GetProperty("id").GetGuid()];
        Assert.False(await db.Reminders.AnyAsync(r => subjects.Contains(r.SubjectId)));
    }

    [Theory]
    [InlineData("""{"to":"2027-01-01"}""", "from")]
    [InlineData("""{"from":"2026-06-10","to":"2026-06-01"}""", "to")]
    [InlineData("""{"from":"2026-06-10","to":"2026-06-10"}""", "to")]
    [InlineData("""{"from":"2029-01-01"}""", "from")]
    public async Task AnImplausibleAdmission_IsRefusedNamingTheField_AndNothingIsWritten(string body, string field)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var response = await oncologist.PostAsync($"/api/patients/{patientId}/ald", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await oncologist.GetJsonAsync($"/api/patients/{patientId}/ald")).GetArrayLength());
    }

    [Fact]
    public async Task OnlyTheCareTeamRecordsIt()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        var pharmacist = await factory.ClientAsAsync(Api.Pharmacist);
        Assert.NotEqual(HttpStatusCode.Created, (await pharmacist.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-06-10" })).StatusCode);
        var otherGp = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await otherGp.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-06-10" })).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsTheAdmission_AndItsExpiry()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().CreateAsync(oncologist);
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-06-10", emergencyProtocol = true });
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Gp)).GetStringAsync($"/patients/{patientId}/ald"));
        Assert.Contains("09/12/2026", page, StringComparison.Ordinal);
        Assert.Contains("établi en urgence", page, StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class RecordAldSqliteTests(SqliteRelaisFactory factory) : RecordAldTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RecordAldPostgresTests(PostgresRelaisFactory factory) : RecordAldTests(factory), IClassFixture<PostgresRelaisFactory>;
