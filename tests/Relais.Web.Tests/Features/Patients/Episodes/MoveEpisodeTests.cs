using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.Episodes;

/// <summary>POST .../episodes/{id}/transitions: the pathway steps it allows, and the delays the timeline shows.</summary>
public abstract class MoveEpisodeTests(RelaisFactory factory)
{
    [Fact]
    public async Task Episode_FollowsThePathway_AndTheTimelineShowsTheDelays()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123461")))).JsonAsync();
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
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins("2580376123462")))).JsonAsync();
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
}

[Collection("sqlite")]
public sealed class MoveEpisodeSqliteTests(SqliteRelaisFactory factory) : MoveEpisodeTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MoveEpisodePostgresTests(PostgresRelaisFactory factory) : MoveEpisodeTests(factory), IClassFixture<PostgresRelaisFactory>;
