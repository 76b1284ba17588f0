using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.Episodes;

/// <summary>PUT .../episodes/{episodeId}: a correction changes what it names, and not from a stale version.</summary>
public abstract class UpdateEpisodeTests(RelaisFactory factory)
{
    [Fact]
    public async Task ACorrection_KeepsWhatItLeavesOut()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Born(1964, 6, 6).CreateAsync(oncologist);
        var episodeId = await An.Episode().CreateAsync(oncologist, patientId);

        var corrected = await oncologist.PutAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}", new { pathologicalT = "T1c", isRareCancer = true });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var episode = await oncologist.GetJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}");
        Assert.Contains("T1c", episode.GetProperty("pathologicalT").GetString());
        Assert.True(episode.GetProperty("isRareCancer").GetBoolean());
        Assert.Equal("C50.4", episode.GetProperty("primarySite").GetString());
        Assert.Equal("8500/3", episode.GetProperty("histology").GetString());
        Assert.Equal("2026-11-10", episode.GetProperty("diagnosisDate").GetString());
        Assert.False(string.IsNullOrEmpty(episode.GetProperty("clinicalT").GetString()));
    }

    [Fact]
    public async Task AConcurrentCorrection_IsRefused_412WithIfMatch_409WithAVersionInTheBody_AndWritesNothing()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Born(1965, 7, 7).CreateAsync(oncologist);
        var episodeId = await An.Episode().CreateAsync(oncologist, patientId);
        var read = await oncologist.GetAsync($"/api/patients/{patientId}/episodes/{episodeId}");
        var etag = read.Headers.ETag!.Tag;
        var version = (await read.JsonAsync()).GetProperty("version").GetInt32();

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{patientId}/episodes/{episodeId}") { Content = JsonContent.Create(new { stageGroup = "IIA" }) };
        first.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.OK, (await oncologist.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{patientId}/episodes/{episodeId}") { Content = JsonContent.Create(new { stageGroup = "IV" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await oncologist.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await oncologist.PutAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}", new { stageGroup = "IV", version })).StatusCode);
        Assert.Equal("IIA", (await oncologist.GetJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}")).GetProperty("stageGroup").GetString());
    }
}

[Collection("sqlite")]
public sealed class UpdateEpisodeSqliteTests(SqliteRelaisFactory factory) : UpdateEpisodeTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class UpdateEpisodePostgresTests(PostgresRelaisFactory factory) : UpdateEpisodeTests(factory), IClassFixture<PostgresRelaisFactory>;
