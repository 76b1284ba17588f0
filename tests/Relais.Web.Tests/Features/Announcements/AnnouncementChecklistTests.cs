using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Announcements;

/// <summary>The announcement scheme, step by step: the checklist of what is missing, EPICES and the social worker, the GP's context (C4).</summary>
public abstract class AnnouncementChecklistTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheAnnouncementChecklist_ShowsWhatIsMissing_AndEpicesOrientsToTheSocialWorker()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1990-04-04");
        var url = $"/api/patients/{patientId}/episodes/{episodeId}/announcement";
        var record = await oncologist.GetJsonAsync(url);
        Assert.True(record.GetProperty("reproductiveAge").GetBoolean());
        Assert.NotNull(record.GetProperty("gpContactedAt").GetString());
        Assert.False(record.GetProperty("complete").GetBoolean());

        var precarious = new[] { true, false, false, false, true, false, false, false, false, false, false };
        var refused = await oncologist.PostAsJsonAsync($"{url}/epices", new { answers = precarious, socialWorkerOriented = false });
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("socialWorkerOriented", out _));
        var epices = await (await oncologist.PostAsJsonAsync($"{url}/epices", new { answers = precarious, socialWorkerOriented = true })).JsonAsync();
        Assert.Equal(100m, epices.GetProperty("epicesScore").GetDecimal());

        var gp = await factory.ClientAsAsync(Api.Gp);
        await gp.PostAsJsonAsync($"/api/patients/{patientId}/transmissions", new { obligation = "c4", message = "Mère de deux enfants, travaille à temps plein." });
        var medical = await (await oncologist.PostAsJsonAsync($"{url}/medical-time", new { on = "2026-11-20", explained = "Diagnostic, traitement proposé, bénéfices, effets indésirables." })).JsonAsync();
        Assert.Equal("Claire MARTIN", medical.GetProperty("medicalTimePhysician").GetString());
        await oncologist.PostAsJsonAsync($"{url}/nursing-time", new { state = "accepted", on = "2026-11-21" });
        await oncologist.PostAsJsonAsync($"{url}/supportive-care", new { needs = "Anxiété, besoin d'aide à domicile." });
        // At 36, the fertility preservation is proposed and the contraception advised before treatment (issue 10 point 8).
        await oncologist.PostAsJsonAsync($"{url}/fertility", new { step = "proposed", on = "2026-11-21", contraceptionAdvice = "Contraception non hormonale pendant le traitement." });
        var info = await (await oncologist.PostAsJsonAsync($"{url}/information", new
        {
            fertilityInformed = true, tobacco = "current", cessationOffered = true, trustedPersonInformed = true, advanceDirectivesInformed = true,
        })).JsonAsync();
        Assert.Equal("Mère de deux enfants, travaille à temps plein.", info.GetProperty("gpContext").GetString());
        Assert.True(info.GetProperty("complete").GetBoolean(), info.GetProperty("checklist").ToString());
    }

    [Fact]
    public async Task AnEpisodeOfAnotherPatient_IsNotFound()
    {
        var (oncologist, patientId, _) = await factory.NewPatientAsync("1991-05-05");
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{Guid.NewGuid()}/announcement/supportive-care", new { needs = "Aucun." });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Épisode introuvable", (await response.JsonAsync()).GetProperty("title").GetString());
    }
}

[Collection("sqlite")]
public sealed class AnnouncementChecklistSqliteTests(SqliteRelaisFactory factory) : AnnouncementChecklistTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AnnouncementChecklistPostgresTests(PostgresRelaisFactory factory) : AnnouncementChecklistTests(factory), IClassFixture<PostgresRelaisFactory>;
