using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Operations;

namespace Relais.Web.Messaging;

/// <summary>
/// Read receipts (MDN, RFC 8098) of the transmissions' e-mails. Each transmission e-mail to the MSSanté space asks
/// for one (Disposition-Notification-To); the mail system delivers what comes back into a drop folder
/// (Mail:ReceiptsDirectory, default App_Data/mail-receipts: one .eml per message, as a fetchmail/procmail or an
/// operator's MDA writes them), which the dispatcher reads every pass. A "displayed" disposition from the
/// recipient's own address, naming the Message-ID Relais sent, marks that recipient's transmission as read;
/// anything else is set aside unread (rejected/), a processed receipt is moved to processed/.
/// </summary>
public sealed class ReadReceipts(RelaisDb db, TimeProvider time, IOptions<MailOptions> options, IHostEnvironment host, ILogger<ReadReceipts> logger)
{
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var folder = options.Value.ReceiptsFolder(host.ContentRootPath);
        if (!Directory.Exists(folder)) return 0;
        var marked = 0;
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var outcome = await ReadAsync(file, ct);
            if (outcome) marked++;
            Move(file, outcome ? "processed" : "rejected");
        }
        return marked;
    }

    private async Task<bool> ReadAsync(string file, CancellationToken ct)
    {
        MimeMessage mail;
        try
        {
            mail = await MimeMessage.LoadAsync(file, ct);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            return false;
        }
        var mdn = mail.BodyParts.OfType<MessageDispositionNotification>().FirstOrDefault();
        var original = mdn?.Fields["Original-Message-ID"]?.Trim();
        var disposition = mdn?.Fields["Disposition"];
        if (original is not { Length: > 0 } || disposition is null) return false;
        // "displayed": the recipient's mail client showed the message to its reader (RFC 8098 §3.2.6.2); "processed",
        // "deleted" and the like are not a reading.
        var type = disposition.Split(';', 2).ElementAtOrDefault(1)?.Split('/', 2)[0].Trim();
        if (!string.Equals(type, "displayed", StringComparison.OrdinalIgnoreCase)) return false;
        var id = "<" + original.Trim('<', '>') + ">";
        var message = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.MessageId == id && m.Kind == OutboxKind.Transmission, ct);
        if (message?.TransmissionRecipientId is not { } recipientId || message.PatientId is not { } patientId) return false;
        // Only the recipient's own mailbox acknowledges its reading.
        var from = mail.From.Mailboxes.Select(m => m.Address).FirstOrDefault();
        var finalRecipient = mdn!.Fields["Final-Recipient"]?.Split(';', 2).ElementAtOrDefault(1)?.Trim();
        if (!string.Equals(from, message.ToAddress, StringComparison.OrdinalIgnoreCase) && !string.Equals(finalRecipient, message.ToAddress, StringComparison.OrdinalIgnoreCase))
            return false;
        var recipient = await db.TransmissionRecipients.FirstOrDefaultAsync(r => r.Id == recipientId, ct);
        if (recipient is null) return false;
        var now = time.GetUtcNow();
        recipient.MarkRead(now);
        db.AuditEntries.Add(AuditEntry.Create(now, recipient.RecipientId, null, patientId, AuditActions.Write, "transmission read receipt", AuditOutcomes.Allowed, message.Id.ToString()));
        await db.SaveChangesAsync(ct);
        logger.ReadReceiptApplied(message.Id);
        return true;
    }

    private static void Move(string file, string to)
    {
        var folder = Path.Combine(Path.GetDirectoryName(file)!, to);
        Directory.CreateDirectory(folder);
        File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }
}
