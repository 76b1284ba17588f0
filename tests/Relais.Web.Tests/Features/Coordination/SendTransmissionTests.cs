using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Coordination.TransmissionAssertions;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>A deliberate send under C1–C15 reaches the catalogue's recipients, and must name someone.</summary>
public abstract class SendTransmissionTests(RelaisFactory factory)
{
    [Fact]
    public async Task C4_ConfirmingTheDiagnosis_AsksTheGpForTheContextBeforeTheAnnouncement_AndTheGpAnswers()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new
        {
            ins = Api.Ins("2660176123001"), birthName = "Caron", firstNames = "Agnès", birthDate = "1966-01-20", sex = "female", generalPractitionerId = gpId,
        })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new { primarySite = "C50.1", initialPhase = "suspicion", openedOn = "2026-11-10" })).JsonAsync();
        var step = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episode.GetProperty("id").GetGuid()}/transitions",
            new { to = "diagnosis-confirmed", occurredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        await oncologist.PutAsJsonAsync($"/api/patients/{id}/episodes/{episode.GetProperty("id").GetGuid()}", new { primarySite = "C50.1", diagnosisDate = "2026-11-20" });
        step = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episode.GetProperty("id").GetGuid()}/transitions",
            new { to = "diagnosis-confirmed", occurredOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        AssertTransmission(await oncologist.TransmissionAsync(id, "c4"), "c4", "general-practitioner");

        var gp = await factory.ClientAsAsync(Api.Gp);
        var answer = await gp.PostAsJsonAsync($"/api/patients/{id}/transmissions", new { obligation = "c4", message = "Vit seule, aide à domicile à prévoir ; anxieuse." });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        AssertTransmission(await answer.JsonAsync(), "c4", "specialist-team");
    }

    [Fact]
    public async Task C6_CaseRegisteredForATumorBoard_InvitesTheGp()
    {
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        var marie = await factory.MarieDurandAsync();
        var response = await secretary.PostAsJsonAsync($"/api/patients/{marie}/transmissions",
            new { obligation = "c6", message = "Dossier inscrit à la RCP sein du 1er décembre 2026 : vous pouvez nous adresser vos informations." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertTransmission(await response.JsonAsync(), "c6", "general-practitioner");
    }

    [Fact]
    public async Task C10_ASupportiveCareNeed_TravelsBothWays()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var fromGp = await gp.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "Fatigue importante : orientation vers l'activité physique adaptée ?" });
        AssertTransmission(await fromGp.JsonAsync(), "c10", "specialist-team");
        var fromTeam = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "Consultation diététique proposée." });
        AssertTransmission(await fromTeam.JsonAsync(), "c10", "general-practitioner");
    }

    [Fact]
    public async Task ThePendingList_PagedToItsEnd_HoldsAsManyRowsAsItsTotal_InDueOrder()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c2", message = $"Complément {i}." })).StatusCode);
        var first = await oncologist.GetJsonAsync("/api/transmissions/pending?pageSize=2");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3, $"{total}");
        var seen = new List<JsonElement>();
        for (var page = 1; seen.Count < total && page <= total; page++)
            seen.AddRange((await oncologist.GetJsonAsync($"/api/transmissions/pending?pageSize=2&page={page}")).GetProperty("items").EnumerateArray());
        Assert.Equal(total, seen.Count);
        // The transmissions nobody received head the first page; the others follow in due order, page after page.
        var due = seen.Where(x => !x.GetProperty("recipient").GetString()!.StartsWith("Aucun destinataire", StringComparison.Ordinal))
            .Select(x => x.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(due.Order(), due);
    }

    [Fact]
    public async Task AnObligationWithNobodyToReceiveIt_NeverBlocksCare_AndWaitsOnTheTeamsWorklist()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new { ins = Api.Ins("1550576123777"), birthName = "Sans", firstNames = "Médecin", birthDate = "1955-05-05", sex = "male" })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new { primarySite = "C61", initialPhase = "diagnosis-confirmed", diagnosisDate = "2026-11-20", openedOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, episode.StatusCode);
        var c4 = (await oncologist.GetJsonAsync($"/api/patients/{id}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c4");
        Assert.Equal(0, c4.GetProperty("recipients").GetArrayLength());
        var pending = await oncologist.GetJsonAsync("/api/transmissions/pending?pageSize=100");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == c4.GetProperty("id").GetGuid()
            && i.GetProperty("status").GetString() == "failed");
        // A deliberate send, though, must name someone.
        var manual = await oncologist.PostAsJsonAsync($"/api/patients/{id}/transmissions", new { obligation = "c1", message = "Résultat." });
        Assert.True((await manual.JsonAsync()).GetProperty("errors").TryGetProperty("recipients", out _));
    }
}

[Collection("sqlite")]
public sealed class SendTransmissionSqliteTests(SqliteRelaisFactory factory) : SendTransmissionTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SendTransmissionPostgresTests(PostgresRelaisFactory factory) : SendTransmissionTests(factory), IClassFixture<PostgresRelaisFactory>;
