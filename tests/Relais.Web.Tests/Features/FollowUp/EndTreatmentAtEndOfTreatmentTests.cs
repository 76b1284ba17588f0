using System.Net;
using System.Net.Http.Json;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>
/// An episode set at end of treatment by hand (before that phase had its own use case) was stuck without PPAC or
/// carnet: the end of treatment now accepts it and only moves it on to shared follow-up.
/// </summary>
public abstract class EndTreatmentAtEndOfTreatmentTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnEpisodeAlreadyAtEndOfTreatment_GetsItsPpacAndCarnet_WithoutASecondEndOfTreatmentStep()
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await factory.Services.PastStepsAsync(episodeId, (PathwayPhase.EndOfTreatment, new DateOnly(2026, 10, 10)));

        var ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", new
        {
            episodeId, endOfTreatment = "2026-10-15", protocol = "breast", radiotherapy = true, gpAgreed = true,
        });

        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        var result = await ended.JsonAsync();
        Assert.NotEqual(Guid.Empty, result.GetProperty("ppacId").GetGuid());
        var timeline = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/timeline"))[0];
        Assert.Equal("shared-follow-up", timeline.GetProperty("phase").GetString());
        var steps = timeline.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ToList();
        Assert.Single(steps, s => s == "end-of-treatment");
        var carnet = await oncologist.GetJsonAsync($"/api/patients/{patientId}/carnet");
        Assert.Equal("breast", carnet.GetProperty("protocol").GetString());
        Assert.Equal("2027-01-15", carnet.GetProperty("items")[0].GetProperty("due").GetString());
        var transmissions = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().ToList();
        Assert.Single(transmissions, t => t.GetProperty("obligation").GetString() == "c11");
    }
}

[Collection("sqlite")]
public sealed class EndTreatmentAtEndOfTreatmentSqliteTests(SqliteRelaisFactory factory) : EndTreatmentAtEndOfTreatmentTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EndTreatmentAtEndOfTreatmentPostgresTests(PostgresRelaisFactory factory) : EndTreatmentAtEndOfTreatmentTests(factory), IClassFixture<PostgresRelaisFactory>;
