using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>A serious adverse event with a suspected drug prompts a pharmacovigilance declaration until the GP says it is done.</summary>
public abstract class DeclarePharmacovigilanceTests(RelaisFactory factory)
{
    [Fact]
    public async Task ASevereEventWithASuspectedDrug_PromptsPharmacovigilance_UntilDeclared()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var evt = await (await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new
        {
            kind = "between-cycles", description = "Neutropénie fébrile", occurredOn = "2026-11-22", grade = 4, suspectedDrug = "Docétaxel",
        })).JsonAsync();
        Assert.True(evt.GetProperty("pharmacovigilancePrompt").GetBoolean());
        Assert.StartsWith("https://", evt.GetProperty("pharmacovigilanceUrl").GetString());
        var id = evt.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await gp.PostAsync($"/api/patients/{marie}/events/{id}/pharmacovigilance", null)).StatusCode);
        var events = await gp.GetJsonAsync($"/api/patients/{marie}/events");
        var declared = events.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
        Assert.False(declared.GetProperty("pharmacovigilancePrompt").GetBoolean());

        var noGrade = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new { kind = "between-cycles", description = "Nausées", occurredOn = "2026-11-22" });
        Assert.True((await noGrade.JsonAsync()).GetProperty("errors").TryGetProperty("grade", out _));
        var badGrade = await gp.PostAsJsonAsync($"/api/patients/{marie}/events", new { kind = "between-cycles", description = "Nausées", occurredOn = "2026-11-22", grade = 6 });
        Assert.True((await badGrade.JsonAsync()).GetProperty("errors").TryGetProperty("grade", out _));
    }
}

[Collection("sqlite")]
public sealed class DeclarePharmacovigilanceSqliteTests(SqliteRelaisFactory factory) : DeclarePharmacovigilanceTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DeclarePharmacovigilancePostgresTests(PostgresRelaisFactory factory) : DeclarePharmacovigilanceTests(factory), IClassFixture<PostgresRelaisFactory>;
