using System.Net;
using System.Net.Http.Json;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.Coordination;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Admin;

/// <summary>A message the dispatcher gave up on is listed for administrators, who can send it again.</summary>
public abstract class RetryDeadLetterTests(RelaisFactory factory)
{
    [Fact]
    public async Task AMessageThatKeepsFailing_IsParkedForAdministrators_WhoCanRetryIt()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var marie = await app.MarieDurandAsync();
        using var outage = new SmtpOutage(app);
        {
            var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c1", message = "Scanner du 20/11 : résultat joint au dossier." });
            var outbox = await app.OutboxIdsAsync((await response.JsonAsync()).GetProperty("id").GetGuid());
            for (var i = 0; i < Domain.Messaging.OutboxRules.MaxAttempts; i++)
            {
                await app.DispatchAsync();
                app.Time.Advance(TimeSpan.FromHours(1));
            }
            Assert.Equal(OutboxStatus.DeadLetter, (await SmtpOutage.OutboxAsync(app, outbox[0])).Status);

            var admin = await app.ClientAsAsync(Api.Admin);
            var dead = await admin.GetJsonAsync("/api/admin/outbox/dead-letters");
            Assert.Contains(dead.EnumerateArray(), d => d.GetProperty("id").GetGuid() == outbox[0]);
            outage.ServerBack();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/outbox/{outbox[0]}/retry", null)).StatusCode);
            await app.DispatchAsync();
            Assert.Single(await Mailbox.WaitForAsync(outbox, 1));
        }
    }
}

[Collection("sqlite")]
public sealed class RetryDeadLetterSqliteTests(SqliteRelaisFactory factory) : RetryDeadLetterTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RetryDeadLetterPostgresTests(PostgresRelaisFactory factory) : RetryDeadLetterTests(factory), IClassFixture<PostgresRelaisFactory>;
