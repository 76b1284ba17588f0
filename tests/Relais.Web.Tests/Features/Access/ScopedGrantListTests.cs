using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>
/// A scoped grant that opens the identity lists the patient for its holder (issue 11: a supportive-care provider
/// finds the referred patient by searching, not only from her home page); one limited to the messages lists nobody,
/// and a revoked or objected grant no longer lists.
/// </summary>
public abstract class ScopedGrantListTests(RelaisFactory factory)
{
    private static readonly string[] MessagesOnly = ["messages"];
    private static readonly string[] IdentityAndMessages = ["identity", "messages"];
    private static readonly string[] IdentityOnly = ["identity"];

    private static async Task<bool> ListsAsync(HttpClient client, Guid patientId) =>
        (await client.GetJsonAsync("/api/patients?search=durand")).GetProperty("items").EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == patientId);

    [Fact]
    public async Task AGrantOpeningTheIdentity_ListsThePatient_UntilRevoked_AndAMessagesOnlyGrantListsNobody()
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var roche = (await oncologist.GetJsonAsync("/api/professionals?search=Roche"))[0].GetProperty("id").GetGuid();
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        Assert.False(await ListsAsync(outsider, marie));

        var messagesOnly = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/access-grants",
            new { professionalId = roche, sections = MessagesOnly, from = "2026-11-01", reason = "Avis demandé au confrère" });
        Assert.Equal(HttpStatusCode.Created, messagesOnly.StatusCode);
        Assert.False(await ListsAsync(outsider, marie));

        var withIdentity = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/access-grants",
            new { professionalId = roche, sections = IdentityAndMessages, from = "2026-11-01", reason = "Orientation vers le confrère" });
        Assert.Equal(HttpStatusCode.Created, withIdentity.StatusCode);
        Assert.True(await ListsAsync(outsider, marie));

        var grantId = (await withIdentity.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsync($"/api/patients/{marie}/access-grants/{grantId}/revoke", null)).StatusCode);
        Assert.False(await ListsAsync(outsider, marie));
    }

    [Fact]
    public async Task AGrantStartingTomorrow_DoesNotListYet()
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var roche = (await oncologist.GetJsonAsync("/api/professionals?search=Roche"))[0].GetProperty("id").GetGuid();
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        await using var scope = factory.Services.CreateAsyncScope();
        var tomorrow = scope.ServiceProvider.GetRequiredService<Clock>().Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/access-grants",
            new { professionalId = roche, sections = IdentityOnly, from = tomorrow, reason = "Consultation prévue demain" })).StatusCode);

        Assert.False(await ListsAsync(outsider, marie));
    }
}

[Collection("sqlite")]
public sealed class ScopedGrantListSqliteTests(SqliteRelaisFactory factory) : ScopedGrantListTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ScopedGrantListPostgresTests(PostgresRelaisFactory factory) : ScopedGrantListTests(factory), IClassFixture<PostgresRelaisFactory>;
