using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Demo;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>The recipient, and only the recipient, takes note of a transmission ("pris connaissance"), which closes the loop for the sender.</summary>
public abstract class AcknowledgeTransmissionTests(RelaisFactory factory)
{
    [Fact]
    public async Task ADocumentSentToTheGp_ReachesTheSmtpServerWithItsAttachment_AndTheInbox_AndAcknowledgingClosesTheLoop()
    {
        var marie = await factory.MarieDurandAsync();
        // Issue 11: the pathology report is the pathologist's to sign (the oncologist signed it here before).
        var pathologist = await factory.PathologistInTeamAsync(marie);
        var pdf = DemoPdf.Create("Compte rendu anatomopathologique", "Carcinome canalaire infiltrant, grade II.");
        var document = await pathologist.UploadAsync(marie, "pathology-report", "Compte rendu anatomopathologique", content: pdf);
        var transmission = await pathologist.TransmissionAsync(marie, "c2");
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
        Assert.Equal((await SmtpOutage.OutboxAsync(factory, outbox[0])).MessageId.Trim('<', '>'), mail.MessageId);
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
        var pending = await pathologist.GetJsonAsync("/api/transmissions/pending");
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
}

[Collection("sqlite")]
public sealed class AcknowledgeTransmissionSqliteTests(SqliteRelaisFactory factory) : AcknowledgeTransmissionTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AcknowledgeTransmissionPostgresTests(PostgresRelaisFactory factory) : AcknowledgeTransmissionTests(factory), IClassFixture<PostgresRelaisFactory>;
