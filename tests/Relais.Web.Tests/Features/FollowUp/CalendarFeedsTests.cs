using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>The iCalendar feeds of the carnet and of the GP.</summary>
public abstract class CalendarFeedsTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheCarnetFeed_IsAValidICalendar_WithTheRightDates_AndCanBeRevoked()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new { episodeId, endOfTreatment = "2026-08-31", protocol = "breast", horizonMonths = 12 });
        var feed = await (await oncologist.PostAsync($"/api/patients/{patientId}/calendar-feeds", null)).JsonAsync();
        var url = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var starts = calendar.Events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)).Order().ToList();
        Assert.Equal(new DateOnly(2026, 11, 30), starts[0]);
        Assert.Contains(new DateOnly(2027, 2, 28), starts);
        Assert.All(calendar.Events, e => Assert.False(e.DtStart!.HasTime));

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.DeleteAsync($"/api/patients/{patientId}/calendar-feeds/{feed.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);

        var gp = await factory.ClientAsAsync(Api.Gp);
        var gpFeed = await (await gp.PostAsync("/api/me/calendar-feeds", null)).JsonAsync();
        var gpCalendar = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(new Uri(gpFeed.GetProperty("url").GetString()!).PathAndQuery))!;
        Assert.Contains(gpCalendar.Events, e => e.Summary!.Contains("A. S. (1961)"));
        Assert.DoesNotContain(gpCalendar.Events, e => e.Summary!.Contains("SUIVI"));
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ThePatientsFeed_CarriesTheAppointmentsAndCycles_OnTheirDay_WithTheHourAndThePlace()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/appointments",
            new { kind = "chemotherapy-cycle", at = "2026-12-01T08:00:00Z", place = "Hôpital de jour", episodeId })).StatusCode);
        var feed = await (await oncologist.PostAsync($"/api/patients/{patientId}/calendar-feeds", null)).JsonAsync();
        var calendar = Ical.Net.Calendar.Load(await factory.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery))!;
        var cycle = Assert.Single(calendar.Events, e => e.Summary!.StartsWith("Cure de chimiothérapie", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 12, 1), DateOnly.FromDateTime(cycle.DtStart!.Value));
        Assert.Equal("Cure de chimiothérapie à 09:00 — Hôpital de jour", cycle.Summary);
    }
}

[Collection("sqlite")]
public sealed class CalendarFeedsSqliteTests(SqliteRelaisFactory factory) : CalendarFeedsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class CalendarFeedsPostgresTests(PostgresRelaisFactory factory) : CalendarFeedsTests(factory), IClassFixture<PostgresRelaisFactory>;
