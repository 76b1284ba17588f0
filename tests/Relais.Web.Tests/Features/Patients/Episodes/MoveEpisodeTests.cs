using System.Net;
using System.Net.Http.Json;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Features.FollowUp;
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

        foreach (var (to, on) in new[] { ("announcement", "2026-09-10"), ("tumor-board", "2026-09-15") })
        {
            var step = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to, occurredOn = on });
            Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        }
        // "PPS remis" has its own use case (the PPS, dated the day it is written): a past one is set up in the domain.
        await factory.Services.PastStepsAsync(episodeId, (PathwayPhase.CareProgramme, new DateOnly(2026, 9, 22)));
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions",
            new { to = "active-treatment", occurredOn = "2026-10-06" })).StatusCode);

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

    public static TheoryData<string, string> PhasesWithTheirOwnUseCase() => new()
    {
        { "care-programme", "/programmes/pps" },
        { "end-of-treatment", "/end-of-treatment" },
        { "shared-follow-up", "/end-of-treatment" },
    };

    [Theory]
    [MemberData(nameof(PhasesWithTheirOwnUseCase))]
    public async Task TheGenericStep_RefusesAPhaseThatHasItsOwnUseCase_NamingIt_AndTheFormDoesNotOfferIt(string phase, string useCase)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var nir13 = phase switch { "care-programme" => "2580376123471", "end-of-treatment" => "2580376123472", _ => "2580376123473" };
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", PatientBodies.New(Api.Ins(nir13)))).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episodeId = (await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new
        {
            primarySite = "C50.4", histology = "8500/3", diagnosisDate = "2026-06-01", initialPhase = "diagnosis-confirmed", openedOn = "2026-06-01",
        })).JsonAsync()).GetProperty("id").GetGuid();
        await factory.Services.PastStepsAsync(episodeId, phase switch
        {
            "care-programme" => [(PathwayPhase.TumorBoard, new DateOnly(2026, 6, 10))],
            "end-of-treatment" => [(PathwayPhase.TumorBoard, new DateOnly(2026, 6, 10)), (PathwayPhase.CareProgramme, new DateOnly(2026, 6, 15)), (PathwayPhase.ActiveTreatment, new DateOnly(2026, 7, 1))],
            _ => [(PathwayPhase.TumorBoard, new DateOnly(2026, 6, 10)), (PathwayPhase.CareProgramme, new DateOnly(2026, 6, 15)), (PathwayPhase.ActiveTreatment, new DateOnly(2026, 7, 1)), (PathwayPhase.EndOfTreatment, new DateOnly(2026, 10, 1))],
        });
        var episode = await oncologist.GetJsonAsync($"/api/patients/{id}/episodes/{episodeId}");
        Assert.Contains(phase, episode.GetProperty("allowedNext").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(phase, episode.GetProperty("manualNext").EnumerateArray().Select(p => p.GetString()));

        var refused = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to = phase, occurredOn = "2026-11-20" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(useCase, (await refused.JsonAsync()).GetProperty("errors").GetProperty("to")[0].GetString());
        var timeline = (await oncologist.GetJsonAsync($"/api/patients/{id}/timeline"))[0];
        Assert.NotEqual(phase, timeline.GetProperty("phase").GetString());
    }
}

[Collection("sqlite")]
public sealed class MoveEpisodeSqliteTests(SqliteRelaisFactory factory) : MoveEpisodeTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MoveEpisodePostgresTests(PostgresRelaisFactory factory) : MoveEpisodeTests(factory), IClassFixture<PostgresRelaisFactory>;
