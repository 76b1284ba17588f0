using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>Duplicate submissions are harmless: the same Idempotency-Key gives the first answer again.</summary>
public abstract class IdempotencyTests(RelaisFactory factory)
{
    private async Task<int> CountAsync(Func<RelaisDb, Task<int>> count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<RelaisDb>());
    }

    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task TheSameKeyTwice_CreatesOneTransmission_AndAnswersTheSame()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var before = await CountAsync(db => db.Transmissions.CountAsync(t => t.PatientId == marie));
        var body = new { obligation = "c10", message = "Orientation vers la psycho-oncologie." };
        var first = await oncologist.SendAsync(Post($"/api/patients/{marie}/transmissions", body, "cle-transmission-1"));
        var second = await oncologist.SendAsync(Post($"/api/patients/{marie}/transmissions", body, "cle-transmission-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetGuid(), (await second.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(before + 1, await CountAsync(db => db.Transmissions.CountAsync(t => t.PatientId == marie)));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBody_Is422()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.SendAsync(Post($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "A" }, "cle-2"))).StatusCode);
        var reused = await oncologist.SendAsync(Post($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "B" }, "cle-2"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("Idempotency-Key", (await reused.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task ConcurrentTwins_CreateOneEvent()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var before = await CountAsync(db => db.ClinicalEvents.CountAsync(e => e.PatientId == marie));
        var body = new { kind = "during-follow-up", description = "Lymphœdème du bras", occurredOn = "2026-11-20", grade = 2 };
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => gp.SendAsync(Post($"/api/patients/{marie}/events", body, "cle-evenement"))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"answered {(int)a.StatusCode}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(before + 1, await CountAsync(db => db.ClinicalEvents.CountAsync(e => e.PatientId == marie)));
    }

    [Fact]
    public async Task ADocumentUploadedTwiceWithTheSameKey_IsStoredOnce()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var before = await CountAsync(db => db.Documents.CountAsync(d => d.PatientId == marie));
        var content = Relais.Web.Demo.DemoPdf.Create("Lettre", "Courrier de liaison.");
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{marie}/documents") { Content = Infrastructure.Coordination.DocumentForm("letter", "Courrier de liaison", false, content) };
            request.Headers.Add("Idempotency-Key", "cle-document");
            Assert.Equal(HttpStatusCode.Created, (await oncologist.SendAsync(request)).StatusCode);
        }
        Assert.Equal(before + 1, await CountAsync(db => db.Documents.CountAsync(d => d.PatientId == marie)));
    }

    [Fact]
    public async Task AFileIsCheckedByItsContent_NotItsName()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var fake = System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var response = await oncologist.PostAsync($"/api/patients/{marie}/documents", Infrastructure.Coordination.DocumentForm("letter", "Faux PDF", false, fake, "faux.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        var unknownKind = await oncologist.PostAsync($"/api/patients/{marie}/documents", Infrastructure.Coordination.DocumentForm("horoscope", "X", false));
        Assert.True((await unknownKind.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task ASignedDocumentIsImmutable_ARevisionIsANewVersion()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var v1 = await oncologist.UploadAsync(marie, "letter", "Courrier", sign: true);
        var again = await oncologist.PostAsync($"/api/patients/{marie}/documents/{v1.GetProperty("id").GetGuid()}/sign", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var form = Infrastructure.Coordination.DocumentForm("letter", "Courrier (corrigé)", true);
        form.Add(new StringContent(v1.GetProperty("id").GetGuid().ToString()), "previousVersionId");
        var v2 = await (await oncologist.PostAsync($"/api/patients/{marie}/documents", form)).JsonAsync();
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1.GetProperty("lineageId").GetGuid(), v2.GetProperty("lineageId").GetGuid());
        Assert.Equal("Claire MARTIN", v2.GetProperty("signedBy").GetString());
    }
}

[Collection("sqlite")]
public sealed class IdempotencySqliteTests(SqliteRelaisFactory factory) : IdempotencyTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class IdempotencyPostgresTests(PostgresRelaisFactory factory) : IdempotencyTests(factory), IClassFixture<PostgresRelaisFactory>;
