using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relais.Web.Data;
using Relais.Web.Demo;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>
/// Secure mail through a real SMTP server on loopback (the test command's aiosmtpd sink): delivery
/// with the attachment, acknowledgement, a server that is down, a restart between commit and send.
/// </summary>
public abstract class MailDeliveryTests(RelaisFactory factory)
{
    /// <summary>
    /// Points the dispatcher at a closed port — the SMTP server is "down" — until disposed or
    /// <see cref="SmtpOutage.ServerBack"/>; the sink itself keeps running for the other tests.
    /// </summary>
    private sealed class SmtpOutage : IDisposable
    {
        private readonly MailOptions options;
        private readonly int realPort;

        public SmtpOutage(RelaisFactory factory)
        {
            options = factory.Services.GetRequiredService<IOptions<MailOptions>>().Value;
            realPort = options.Port;
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            options.Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        public void ServerBack() => options.Port = realPort;

        public void Dispose() => ServerBack();
    }

    private static async Task<OutboxMessage> OutboxAsync(RelaisFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id);
    }

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

        // The GP takes note of them, so that they leave the inbox the other tests of this class read.
        var gp = await factory.ClientAsAsync(Api.Gp);
        foreach (var transmission in transmissions)
            Assert.Equal(HttpStatusCode.OK, (await gp.PostAsync($"/api/patients/{marie}/transmissions/{transmission}/acknowledge", null)).StatusCode);
    }

    [Fact]
    public async Task ADocumentSentToTheGp_ReachesTheSmtpServerWithItsAttachment_AndTheInbox_AndAcknowledgingClosesTheLoop()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var pdf = DemoPdf.Create("Compte rendu anatomopathologique", "Carcinome canalaire infiltrant, grade II.");
        var document = await oncologist.UploadAsync(marie, "pathology-report", "Compte rendu anatomopathologique", content: pdf);
        var transmission = await oncologist.TransmissionAsync(marie, "c2");
        var transmissionId = transmission.GetProperty("id").GetGuid();
        var outbox = await factory.OutboxIdsAsync(transmissionId);
        Assert.Single(outbox);

        await factory.DispatchAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(outbox, 1));
        Assert.Equal("medecin.traitant@relais.demo", mail.To.Mailboxes.Single().Address);
        Assert.Contains("DURAND Marie", mail.Subject);
        Assert.Contains("INS", mail.Subject);
        Assert.DoesNotContain("anatomo", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("carcinome", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("C2", mail.Headers["X-Relais-Obligation"]);
        Assert.Equal((await OutboxAsync(factory, outbox[0])).MessageId.Trim('<', '>'), mail.MessageId);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());
        Assert.Equal(document.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())));

        var gp = await factory.ClientAsAsync(Api.Gp);
        var inbox = await gp.GetJsonAsync("/api/inbox?filter=to-acknowledge");
        var item = inbox.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
            .Single(i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        Assert.Equal("delivered", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("unread").GetBoolean());

        var content = await gp.GetAsync($"/api/patients/{marie}/documents/{document.GetProperty("id").GetGuid()}/content");
        Assert.Equal(pdf, await content.Content.ReadAsByteArrayAsync());
        var ack = await gp.PostAsync($"/api/patients/{marie}/transmissions/{transmissionId}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", (await ack.JsonAsync()).GetProperty("status").GetString());
        var after = await gp.GetJsonAsync("/api/inbox?filter=to-acknowledge");
        Assert.DoesNotContain(after.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()),
            i => i.GetProperty("transmissionId").GetGuid() == transmissionId);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == marie && a.Action == "write" && a.Resource == "acknowledge" && a.Detail == transmissionId.ToString()));
        var pending = await oncologist.GetJsonAsync("/api/transmissions/pending");
        Assert.DoesNotContain(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
    }

    [Fact]
    public async Task OnlyTheRecipientAcknowledges()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var sent = await (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c10", message = "Bilan diététique proposé." })).JsonAsync();
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var refused = await nurse.PostAsync($"/api/patients/{marie}/transmissions/{sent.GetProperty("id").GetGuid()}/acknowledge", null);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
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
            var failed = await OutboxAsync(app, outbox[0]);
            Assert.Equal(OutboxStatus.Pending, failed.Status);
            Assert.Equal(1, failed.Attempts);
            Assert.NotNull(failed.LastError);

            outage.ServerBack();
            // Back-off: not before its next attempt time...
            await app.DispatchAsync();
            Assert.Equal(OutboxStatus.Pending, (await OutboxAsync(app, outbox[0])).Status);
            Assert.Empty(Mailbox.WithOutboxIds(outbox));
            // ...then sent once, and never again.
            app.Time.Advance(TimeSpan.FromMinutes(1));
            await app.DispatchAsync();
            await app.DispatchAsync();
            Assert.Single(await Mailbox.WaitForAsync(outbox, 1));
            await Task.Delay(300);
            Assert.Single(Mailbox.WithOutboxIds(outbox));
            Assert.Equal(OutboxStatus.Sent, (await OutboxAsync(app, outbox[0])).Status);
        }
    }

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
            Assert.Equal(OutboxStatus.DeadLetter, (await OutboxAsync(app, outbox[0])).Status);

            var admin = await app.ClientAsAsync(Api.Admin);
            var dead = await admin.GetJsonAsync("/api/admin/outbox/dead-letters");
            Assert.Contains(dead.EnumerateArray(), d => d.GetProperty("id").GetGuid() == outbox[0]);
            outage.ServerBack();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/outbox/{outbox[0]}/retry", null)).StatusCode);
            await app.DispatchAsync();
            Assert.Single(await Mailbox.WaitForAsync(outbox, 1));
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
        foreach (var id in outbox) statuses.Add((await OutboxAsync(factory, id)).Status);
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
