using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>
/// Secure mail through a real SMTP server on loopback (the test command's aiosmtpd sink): delivery
/// in batches, a server that is down, consent withdrawn before sending, a restart between commit and send.
/// </summary>
public abstract class MailDeliveryTests(RelaisFactory factory)
{
    [Fact]
    public async Task ABatchSpreadOverSeveralConnections_SendsEachMessageOnce_AndMarksEveryRecipient()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var outbox = new List<Guid>();
        var transmissions = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c12", message = $"Protocole {i}" });
            transmissions.Add((await response.JsonAsync()).GetProperty("id").GetGuid());
            outbox.AddRange(await factory.OutboxIdsAsync(transmissions[^1]));
        }
        Assert.Equal(40, outbox.Count);

        await factory.DispatchAsync();
        var mails = await Mailbox.WaitForAsync(outbox, 40);
        Assert.Equal(40, mails.Count);
        Assert.Equal(40, mails.Select(m => m.MessageId).Distinct().Count());
        // The sink records each client's address and port: one batch went out over several connections.
        Assert.True(mails.Select(m => m.Headers["X-Peer"]).Distinct().Count() > 1, "the batch should be shared by several SMTP connections");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.Equal(40, await db.OutboxMessages.CountAsync(m => outbox.Contains(m.Id) && m.Status == OutboxStatus.Sent && m.SentAt != null));
        var recipients = db.OutboxMessages.Where(m => outbox.Contains(m.Id)).Select(m => m.TransmissionRecipientId);
        Assert.Equal(40, await db.TransmissionRecipients.CountAsync(r => recipients.Contains(r.Id) && r.MailSentAt != null));

        // The GP takes note of each of them: they leave the inbox once delivered.
        var gp = await factory.ClientAsAsync(Api.Gp);
        foreach (var transmission in transmissions)
            Assert.Equal(HttpStatusCode.OK, (await gp.PostAsync($"/api/patients/{marie}/transmissions/{transmission}/acknowledge", null)).StatusCode);
    }

    [Fact]
    public async Task WithTheSmtpServerDown_NothingIsLost_AndExactlyOneMailArrivesOnceItIsBack()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var marie = await app.MarieDurandAsync();
        using var outage = new SmtpOutage(app);
        {
            var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c12", message = "Protocole de suivi : voir le PPAC." });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var outbox = await app.OutboxIdsAsync((await response.JsonAsync()).GetProperty("id").GetGuid());
            Assert.Single(outbox);
            await app.DispatchAsync();
            var failed = await SmtpOutage.OutboxAsync(app, outbox[0]);
            Assert.Equal(OutboxStatus.Pending, failed.Status);
            Assert.Equal(1, failed.Attempts);
            Assert.NotNull(failed.LastError);

            outage.ServerBack();
            // Back-off: not before its next attempt time...
            await app.DispatchAsync();
            Assert.Equal(OutboxStatus.Pending, (await SmtpOutage.OutboxAsync(app, outbox[0])).Status);
            Assert.Empty(Mailbox.WithOutboxIds(outbox));
            // ...then sent once, and never again.
            app.Time.Advance(TimeSpan.FromMinutes(1));
            await app.DispatchAsync();
            await app.DispatchAsync();
            Assert.Single(await Mailbox.WaitForAsync(outbox, 1));
            await Task.Delay(300);
            Assert.Single(Mailbox.WithOutboxIds(outbox));
            Assert.Equal(OutboxStatus.Sent, (await SmtpOutage.OutboxAsync(app, outbox[0])).Status);
        }
    }

    [Fact]
    public async Task ConsentWithdrawnBeforeSending_StopsTheSend()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c8", message = "Début de l'hormonothérapie." });
        var outbox = await factory.OutboxIdsAsync((await response.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(2, outbox.Count);

        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        var pharmacistId = (await oncologist.GetJsonAsync("/api/professionals?role=Pharmacist"))[0].GetProperty("id").GetGuid();
        var objection = await patient.PostAsJsonAsync("/api/me/objections", new { professionalId = pharmacistId });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);

        await factory.DispatchAsync();
        var statuses = new List<OutboxStatus>();
        foreach (var id in outbox) statuses.Add((await SmtpOutage.OutboxAsync(factory, id)).Status);
        Assert.Contains(OutboxStatus.Cancelled, statuses);
        Assert.Contains(OutboxStatus.Sent, statuses);
        var mails = await Mailbox.WaitForAsync(outbox, 1);
        Assert.Equal("medecin.traitant@relais.demo", Assert.Single(mails).To.Mailboxes.Single().Address);

        // And from now on nothing more leaves for that pharmacist.
        var next = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c8", message = "Adaptation de dose." });
        var recipients = (await next.JsonAsync()).GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["general-practitioner"], recipients);
        await patient.DeleteAsync($"/api/me/objections/{(await objection.JsonAsync()).GetGuid()}");
    }

    [Fact]
    public async Task KillingTheAppBetweenCommitAndSend_StillYieldsExactlyOneMailAfterRestart()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c11", message = "PPAC remis ce jour." });
        var outbox = await factory.OutboxIdsAsync((await response.JsonAsync()).GetProperty("id").GetGuid());
        Assert.NotEmpty(outbox);

        // A second instance starts on the same database, its dispatcher running every second, as after a restart.
        await using var restarted = factory.Sibling();
        restarted.Settings["Mail:DispatchIntervalSeconds"] = "1";
        restarted.Time.SetUtcNow(factory.Time.GetUtcNow());
        _ = restarted.Server;
        var mails = await Mailbox.WaitForAsync(outbox, outbox.Count);
        Assert.Equal(outbox.Count, mails.Count);
        await Task.Delay(1500);
        Assert.Equal(outbox.Count, Mailbox.WithOutboxIds(outbox).Count);
        Assert.Equal(outbox.Count, mails.Select(m => m.MessageId).Distinct().Count());
    }
}

[Collection("sqlite")]
public sealed class MailDeliverySqliteTests(SqliteRelaisFactory factory) : MailDeliveryTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MailDeliveryPostgresTests(PostgresRelaisFactory factory) : MailDeliveryTests(factory), IClassFixture<PostgresRelaisFactory>;

/// <summary>Two app instances on one PostgreSQL database share the outbox and send each message once.</summary>
[Collection("postgres")]
public sealed class TwoInstancesTests(PostgresRelaisFactory factory) : IClassFixture<PostgresRelaisFactory>
{
    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabase_SendEachMessageOnce()
    {
        factory.Settings["Mail:BatchSize"] = "3";
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var outbox = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c12", message = $"Message {i}" });
            outbox.AddRange(await factory.OutboxIdsAsync((await response.JsonAsync()).GetProperty("id").GetGuid()));
        }
        Assert.Equal(24, outbox.Count);

        await using var second = factory.Sibling();
        second.Settings["Mail:BatchSize"] = "3";
        // Its background pass stays off so that every send below is counted by the test.
        second.Settings["Mail:Enabled"] = "false";
        second.Time.SetUtcNow(factory.Time.GetUtcNow());
        _ = second.Server;
        var results = await Task.WhenAll(factory.DispatchAsync(), second.DispatchAsync(), factory.DispatchAsync(), second.DispatchAsync());
        Assert.True(results[1] + results[3] > 0, "the second instance should have taken part");
        // A pass that finds every remaining row locked by the other instance stops; the next tick takes what is left.
        await factory.DispatchAsync();
        await second.DispatchAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.AsNoTracking()
                .Where(m => outbox.Contains(m.Id) && m.Status != OutboxStatus.Sent).Select(m => $"{m.Status} {m.Attempts} {m.LastError}").ToListAsync();
            Assert.True(left.Count == 0, string.Join("; ", left));
        }

        var mails = await Mailbox.WaitForAsync(outbox, 24);
        Assert.Equal(24, mails.Count);
        Assert.Equal(24, mails.Select(m => m.MessageId).Distinct().Count());
    }
}
