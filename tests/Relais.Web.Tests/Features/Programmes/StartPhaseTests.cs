using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Features.Coordination;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Programmes;

/// <summary>C8 at every treatment phase start [G] 2.5: the GP for each phase, the community pharmacist for the phases whose drugs he dispenses.</summary>
public abstract class StartPhaseTests(RelaisFactory factory)
{
    [Fact]
    public async Task C8_EveryPhaseInformsTheGp_TheChemotherapyAlsoThePharmacist()
    {
        var team = await factory.PatientWithFullTeamAsync();
        var oncologist = team.Oncologist;
        foreach (var (to, on) in new[] { ("announcement", "2026-10-12"), ("tumor-board", "2026-10-19") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/episodes/{team.EpisodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        var pps = await (await oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/programmes/pps", new
        {
            episodeId = team.EpisodeId,
            phases = new object[]
            {
                new { order = 1, kind = "surgery", description = "Tumorectomie et ganglion sentinelle", plannedStart = "2026-11-02", frequentComplications = "Lymphocèle", advice = "Surveiller la cicatrice" },
                new { order = 2, kind = "chemotherapy", description = "EC puis paclitaxel hebdomadaire", plannedStart = "2026-11-20",
                      frequentComplications = "Neutropénie fébrile, nausées", advice = "Température au moindre frisson ; antiémétiques prescrits" },
            },
            assessments = Array.Empty<object>(),
        })).JsonAsync();
        var programme = pps.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/programmes/{programme}/phases/1/start", new { on = "2026-11-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/programmes/{programme}/phases/2/start", new { on = "2026-11-20" })).StatusCode);

        var c8 = (await oncologist.GetJsonAsync($"/api/patients/{team.PatientId}/transmissions")).EnumerateArray()
            .Where(t => t.GetProperty("obligation").GetString() == "c8").OrderBy(t => t.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(2, c8.Count);
        var surgery = c8.Single(t => t.GetProperty("message").GetString()!.Contains("Tumorectomie", StringComparison.Ordinal));
        var chemotherapy = c8.Single(t => t.GetProperty("message").GetString()!.Contains("paclitaxel", StringComparison.Ordinal));
        TransmissionAssertions.AssertTransmission(surgery, "c8", "general-practitioner");
        TransmissionAssertions.AssertTransmission(chemotherapy, "c8", "general-practitioner", "pharmacist");
        Assert.Contains("Neutropénie fébrile", chemotherapy.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("antiémétiques", chemotherapy.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(chemotherapy.GetProperty("recipients").EnumerateArray(), r => r.GetProperty("userId").GetGuid() == team.Pharmacist);
    }
}

[Collection("sqlite")]
public sealed class StartPhaseSqliteTests(SqliteRelaisFactory factory) : StartPhaseTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class StartPhasePostgresTests(PostgresRelaisFactory factory) : StartPhaseTests(factory), IClassFixture<PostgresRelaisFactory>;
