using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>The care-team thread and the patient thread: who may write in which, and the read state.</summary>
public abstract class PostMessageTests(RelaisFactory factory)
{
    [Fact]
    public async Task Threads_CareTeamForProfessionals_PatientThreadWithThePatient_WithReadState()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var marie = await factory.MarieDurandAsync();

        Assert.Equal(HttpStatusCode.Created, (await gp.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "Je la vois jeudi pour le renouvellement." })).StatusCode);
        var unread = await oncologist.GetJsonAsync($"/api/patients/{marie}/messages?thread=care-team");
        Assert.True(unread.EnumerateArray().Last().GetProperty("unread").GetBoolean());
        var read = await oncologist.GetJsonAsync($"/api/patients/{marie}/messages?thread=care-team");
        Assert.False(read.EnumerateArray().Last().GetProperty("unread").GetBoolean());

        var refused = await patient.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "Bonjour" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await patient.GetAsync($"/api/patients/{marie}/messages?thread=care-team")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/patients/{marie}/messages", new { body = "J'ai une question sur mon traitement." })).StatusCode);
        var patientThread = await oncologist.GetJsonAsync($"/api/patients/{marie}/messages?thread=patient");
        Assert.Contains(patientThread.EnumerateArray(), m => m.GetProperty("body").GetString() == "J'ai une question sur mon traitement.");
        var empty = await gp.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "  " });
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("\"99\"")]
    public async Task AThreadGivenAsANumber_IsRefusedNamingTheField_AndNothingIsWritten(string thread)
    {
        // Review M1: {"thread":99} was stored, in a thread no one sees.
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var body = $"nombre {thread} {Guid.NewGuid():N}";
        var answer = await gp.PostAsync($"/api/patients/{marie}/messages",
            new StringContent($"{{\"thread\":{thread},\"body\":\"{body}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.JsonAsync()).GetProperty("errors").TryGetProperty("thread", out _));
        // Read by the GP and the patient: reading marks a thread read, and the other test watches the oncologist's unread state.
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        Assert.DoesNotContain((await gp.GetJsonAsync($"/api/patients/{marie}/messages?thread=care-team")).EnumerateArray(), m => m.GetProperty("body").GetString() == body);
        Assert.DoesNotContain((await patient.GetJsonAsync($"/api/patients/{marie}/messages?thread=patient")).EnumerateArray(), m => m.GetProperty("body").GetString() == body);
    }
}

[Collection("sqlite")]
public sealed class PostMessageSqliteTests(SqliteRelaisFactory factory) : PostMessageTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class PostMessagePostgresTests(PostgresRelaisFactory factory) : PostMessageTests(factory), IClassFixture<PostgresRelaisFactory>;
