using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Expertise;

/// <summary>
/// Rare cancers and lymphomas tracked to completion (issue 16 point 3): the second pathology reading and, for a rare
/// cancer, the expert network's tumor board stay on the team's worklist as missing until recorded ([G] §1 and §1.1).
/// </summary>
public abstract class ExpertReviewsTests(RelaisFactory factory)
{
    private static async Task<List<string>> MissingAsync(HttpClient client, Guid patientId) =>
        [.. (await client.GetJsonAsync("/api/expertise/worklist")).EnumerateArray()
            .Where(l => l.GetProperty("patientId").GetGuid() == patientId && l.GetProperty("kind").GetString() == "rare-cancer")
            .Select(l => l.GetProperty("missing").GetString()!).Order()];

    [Fact]
    public async Task RareCancer_IsMissingItsSecondReadingAndExpertBoard_UntilBothAreRecorded()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Rare", "Sarah").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C49.2", "Sarcome des tissus mous de la cuisse").RareCancer().CreateAsync(oncologist, patientId);

        // Flagged rare, nothing recorded yet: both steps are missing.
        Assert.Equal(["expert-board", "second-reading"], await MissingAsync(oncologist, patientId));

        var opened = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews", new { episodeId, ground = "high-complexity" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var review = await opened.JsonAsync();
        Assert.Contains("sarcomes des tissus mous", review.GetProperty("source").GetString());
        var reviewId = review.GetProperty("id").GetGuid();
        var again = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews", new { episodeId, ground = "high-complexity" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var reading = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews/{reviewId}/second-reading",
            new { secondReadingOn = "2026-11-20", secondReadingConclusion = "Dr Expert (centre de référence) : liposarcome confirmé" });
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        Assert.Equal(["expert-board"], await MissingAsync(await factory.ClientAsAsync(Api.Gp), patientId));

        var board = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews/{reviewId}/expert-board", new { expertBoardOn = "2026-11-23", expertNetwork = "NetSarc" });
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Empty((await board.JsonAsync()).GetProperty("missing").EnumerateArray());
        Assert.Empty(await MissingAsync(oncologist, patientId));
    }

    [Fact]
    public async Task Lymphoma_FoundByItsSite_IsMissingOnlyItsSecondReading()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Lymphome", "Luc").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C83.3", "Lymphome diffus à grandes cellules B").Histology("9680/3").CreateAsync(oncologist, patientId);

        Assert.Equal(["second-reading"], await MissingAsync(oncologist, patientId));

        var review = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews", new { episodeId, ground = "lymphoma" })).JsonAsync();
        Assert.False(review.GetProperty("requiresExpertBoard").GetBoolean());
        var missingField = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews/{review.GetProperty("id").GetGuid()}/second-reading", new { secondReadingOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.BadRequest, missingField.StatusCode);
        Assert.True((await missingField.JsonAsync()).GetProperty("errors").TryGetProperty("secondReadingConclusion", out _));
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews/{review.GetProperty("id").GetGuid()}/second-reading",
            new { secondReadingOn = "2026-11-20", secondReadingConclusion = "Relecture LYSA-P : confirmé" });
        Assert.Empty(await MissingAsync(oncologist, patientId));
    }

    [Fact]
    public async Task TheGp_ReadsButDoesNotRecord_AndAnOutsiderGetsNotFound()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Rare", "Rémi").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C69.4", "Mélanome de l'uvée").RareCancer().CreateAsync(oncologist, patientId);
        var gp = await factory.ClientAsAsync(Api.Gp);

        var refused = await gp.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews", new { episodeId, ground = "special-site" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("manage-expert-review", (await refused.JsonAsync()).GetProperty("capability").GetString());
        Assert.Equal(JsonValueKind.Array, (await gp.GetJsonAsync($"/api/patients/{patientId}/expert-reviews")).ValueKind);

        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/expert-reviews")).StatusCode);
        Assert.Empty(await MissingAsync(outsider, patientId));
    }

    [Fact]
    public async Task ThePage_ShowsWhatIsMissing_InFrench()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Rare", "Paule").CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C48.2", "Tumeur du péritoine").RareCancer().CreateAsync(oncologist, patientId);
        await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/expert-reviews", new { episodeId, ground = "special-site" });
        var cookies = await factory.CookieClientAsync(Api.Oncologist);

        var page = WebUtility.HtmlDecode(await cookies.GetStringAsync($"/patients/{patientId}/cancers-rares"));
        Assert.Contains("Siège particulier (mélanome de l'uvée, tumeurs du péritoine...)", page);
        Assert.Contains("Enregistrer la seconde lecture", page);
        var worklist = WebUtility.HtmlDecode(await cookies.GetStringAsync("/expertises"));
        Assert.Contains($"/patients/{patientId}/cancers-rares", worklist);
        Assert.Contains("RCP du réseau expert", worklist);
    }
}

[Collection("sqlite")]
public sealed class ExpertReviewsSqliteTests(SqliteRelaisFactory factory) : ExpertReviewsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ExpertReviewsPostgresTests(PostgresRelaisFactory factory) : ExpertReviewsTests(factory), IClassFixture<PostgresRelaisFactory>;
