using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Announcements;

/// <summary>
/// Fertility before it is too late ([G] 4, [P] objective 8): reproductive age by sex with adolescents, the
/// oncofertility referral tracked step by step, the contraception advice, and the prescriber warned when a
/// gonadotoxic treatment starts without the preservation proposed.
/// </summary>
public abstract class FertilityTests(RelaisFactory factory)
{
    private static object Pps(Guid episodeId, string kind) => new
    {
        episodeId,
        phases = new object[] { new { order = 1, kind, description = "Chimiothérapie néoadjuvante, 6 cures", plannedStart = "2026-12-01", place = "Hôpital de jour" } },
        assessments = Array.Empty<object>(),
    };

    [Fact]
    public async Task AnAdolescent_IsOfReproductiveAge_AndTheReferralIsTrackedUntilDone_WithTheContraceptionAdvice()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("2014-06-01");
        var url = $"/api/patients/{patientId}/episodes/{episodeId}/announcement";
        var record = await oncologist.GetJsonAsync(url);
        // A girl of 12: the old bounds (15–45 for both sexes) left adolescents out.
        Assert.True(record.GetProperty("reproductiveAge").GetBoolean());
        Assert.Equal(10, record.GetProperty("reproductiveAgeBounds").GetProperty("from").GetInt32());
        Assert.Contains(record.GetProperty("checklist").EnumerateArray(), i => i.GetProperty("code").GetString() == "fertility-referral" && i.GetProperty("applicable").GetBoolean());

        var skipped = await oncologist.PostAsJsonAsync($"{url}/fertility", new { step = "referred", centre = "CECOS de Rouen" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.True((await skipped.JsonAsync()).GetProperty("errors").TryGetProperty("step", out _));
        foreach (var (step, on, centre) in new[] { ("proposed", "2026-11-16", (string?)null), ("accepted", "2026-11-17", null), ("referred", "2026-11-18", "CECOS de Rouen"), ("done", "2026-11-20", null) })
            Assert.Equal(HttpStatusCode.OK, (await oncologist.PostAsJsonAsync($"{url}/fertility", new { step, on, centre })).StatusCode);
        var advised = await (await oncologist.PostAsJsonAsync($"{url}/fertility", new { contraceptionAdvice = "Contraception efficace pendant la chimiothérapie et 6 mois après." })).JsonAsync();

        Assert.Equal("done", advised.GetProperty("fertilityReferral").GetString());
        Assert.Equal("2026-11-20", advised.GetProperty("fertilityReferralOn").GetString());
        Assert.Equal("CECOS de Rouen", advised.GetProperty("fertilityCentre").GetString());
        Assert.StartsWith("Contraception efficace", advised.GetProperty("contraceptionAdvice").GetString());
        var done = advised.GetProperty("checklist").EnumerateArray().Where(i => i.GetProperty("done").GetBoolean()).Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("fertility-referral", done);
        Assert.Contains("contraception", done);
    }

    [Fact]
    public async Task StartingAGonadotoxicTreatment_WithoutThePreservationProposed_WarnsThePrescriber_WhoMayStartAnyway()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1992-05-05");
        var pps = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", Pps(episodeId, "chemotherapy"))).JsonAsync();
        var start = $"/api/patients/{patientId}/programmes/{pps.GetProperty("id").GetGuid()}/phases/1/start";

        var warned = await oncologist.PostAsJsonAsync(start, new { on = "2026-11-23" });

        Assert.Equal(HttpStatusCode.BadRequest, warned.StatusCode);
        Assert.Contains("CECOS", (await warned.JsonAsync()).GetProperty("errors").GetProperty("fertilityPreservation")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync(start, new { on = "2026-11-23", fertilityWarningAcknowledged = true })).StatusCode);
    }

    [Fact]
    public async Task OnceThePreservationIsProposed_TheTreatmentStartsWithoutWarning()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1992-05-06");
        Assert.Equal(HttpStatusCode.OK, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/announcement/fertility",
            new { step = "proposed", on = "2026-11-20" })).StatusCode);
        var pps = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", Pps(episodeId, "chemotherapy"))).JsonAsync();

        var started = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/{pps.GetProperty("id").GetGuid()}/phases/1/start", new { on = "2026-11-23" });

        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class FertilitySqliteTests(SqliteRelaisFactory factory) : FertilityTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class FertilityPostgresTests(PostgresRelaisFactory factory) : FertilityTests(factory), IClassFixture<PostgresRelaisFactory>;
