using Relais.Web.Operations;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Relais.Domain.Patients;
using Relais.Domain.Messaging;
using Relais.Web.Data;

namespace Relais.Web.Messaging;

/// <summary>
/// Sends what the outbox holds. Rows are claimed for a few minutes with a token: on PostgreSQL the
/// claim takes row locks and skips rows another instance holds (FOR UPDATE SKIP LOCKED), so two
/// instances never send the same message. A batch is sent over a few SMTP connections in parallel
/// and its outcomes are saved together at its end: a crash in between leaves the batch claimed
/// until the claim expires (Mail:ClaimSeconds), and the resend carries the same Message-ID, which the receiving side
/// uses to recognise a duplicate. Nothing is lost either way.
/// </summary>
public sealed class OutboxSender(RelaisDb db, TimeProvider time, IOptions<MailOptions> options, IHostEnvironment host, ReminderScheduler reminders,
    Features.Cda.CdaExport cdaExport, ILogger<OutboxSender> logger)
{
    /// <summary>One message's attempt: sent, or the error that stopped it.</summary>
    private sealed record Outcome(OutboxMessage Message, Exception? Error, DateTimeOffset At);

    public async Task<int> DispatchOnceAsync(CancellationToken ct = default)
    {
        // Each batch starts from an empty change tracker: what earlier batches loaded is not compared again.
        db.ChangeTracker.Clear();
        var settings = options.Value;
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        var claimed = await ClaimAsync(token, now, settings.BatchSize, ct);
        if (claimed == 0) return 0;

        var messages = await db.OutboxMessages.Where(m => m.ClaimToken == token).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
        var patientIds = messages.Where(m => m.PatientId != null).Select(m => m.PatientId!.Value).Distinct().ToList();
        // Only a qualified INS leaves Relais (RNIV): the header is left out for any other identity.
        var people = (await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Ins, p.InsOid, p.IdentityStatus, p.BirthName, p.FirstNames, p.BirthDate, p.Sex }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new MailPatient(p.Id, IdentityStatuses.MayLeaveRelais(p.IdentityStatus) ? p.Ins : null, p.InsOid ?? InsOids.Nir,
                p.BirthName, p.FirstNames, p.BirthDate, p.Sex));
        var objections = (await db.AccessObjections.AsNoTracking()
            .Where(o => patientIds.Contains(o.PatientId) && o.WithdrawnAt == null)
            .Select(o => new { o.PatientId, o.ProfessionalId }).ToListAsync(ct))
            .Select(o => (o.PatientId, o.ProfessionalId)).ToHashSet();

        var toSend = new List<(OutboxMessage Message, MimeMessage Mime)>();
        var unsendable = new List<Outcome>();
        var attachments = await AttachmentsAsync(messages, ct);
        var cdas = await CdasAsync(messages, attachments, people, settings, ct);
        foreach (var message in messages)
        {
            // Consent is checked again at send time: an objection recorded since the transmission stops the e-mail.
            if (message.PatientId is { } pid && objections.Contains((pid, message.RecipientUserId)))
            {
                message.Cancel("consent-withdrawn");
                continue;
            }
            // A message that cannot even be written (an address no parser reads) fails alone; the batch goes on (review H2).
            try
            {
                toSend.Add((message, Build(message, message.PatientId is { } p ? people.GetValueOrDefault(p) : null, attachments, cdas, settings, time.GetUtcNow())));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unsendable.Add(new Outcome(message, ex, time.GetUtcNow()));
            }
        }

        // Round-robin over a few connections; a lane that loses its server gives its remaining messages the same error.
        var lanes = Math.Clamp(Math.Min(settings.Connections, (toSend.Count + 7) / 8), 1, Math.Max(1, settings.Connections));
        var results = await Task.WhenAll(Enumerable.Range(0, lanes)
            .Select(lane => SendLaneAsync(toSend.Where((_, index) => index % lanes == lane).ToList(), settings, ct)));

        var sent = 0;
        var finished = new List<(OutboxMessage Message, bool Failed)>();
        foreach (var outcome in results.SelectMany(r => r).Concat(unsendable))
        {
            var message = outcome.Message;
            if (outcome.Error is null)
            {
                message.MarkSent(outcome.At);
                finished.Add((message, false));
                sent++;
                continue;
            }
            var ex = outcome.Error;
            // A refusal by the server (5xx), refused credentials, or a fault of the message itself: no retry would change it.
            var permanent = ex is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } or AuthenticationException || IsMessageFault(ex);
            message.MarkFailed($"{ex.GetType().Name}: {ex.Message}", permanent, outcome.At);
            if (message.Status == OutboxStatus.DeadLetter) finished.Add((message, true));
            logger.OutboxMessageFailed(message.Id, message.Attempts, message.Status, ex.GetType().Name);
        }
        await MarkRecipientsAsync(finished, ct);
        await reminders.MarkDeliveredAsync(finished, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<List<Outcome>> SendLaneAsync(List<(OutboxMessage Message, MimeMessage Mime)> lane, MailOptions settings, CancellationToken ct)
    {
        var outcomes = new List<Outcome>(lane.Count);
        if (lane.Count == 0) return outcomes;
        if (settings.WritesFiles) return await WriteLaneAsync(lane, settings.PickupFolder(host.ContentRootPath), ct);
        SmtpClient? smtp = null;
        try
        {
            for (var index = 0; index < lane.Count; index++)
            {
                var (message, mime) = lane[index];
                try
                {
                    smtp ??= await ConnectAsync(settings, ct);
                    await smtp.SendAsync(mime, ct);
                    outcomes.Add(new Outcome(message, null, time.GetUtcNow()));
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
                {
                    outcomes.Add(new Outcome(message, ex, time.GetUtcNow()));
                    // The server refused this message (a recipient, its size): the connection serves the next one.
                    if (ex is SmtpCommandException) continue;
                    if (!IsMailFailure(ex, ct))
                    {
                        // Something about this message alone: it fails by itself, the others go out on a fresh connection.
                        await CloseAsync(smtp);
                        smtp = null;
                        continue;
                    }
                    // The server is unreachable or the connection broke: every message of the lane has had its attempt.
                    outcomes.AddRange(lane.Skip(index + 1).Select(rest => new Outcome(rest.Message, ex, time.GetUtcNow())));
                    return outcomes;
                }
            }
            return outcomes;
        }
        finally
        {
            await CloseAsync(smtp);
        }
    }

    private static async Task CloseAsync(SmtpClient? smtp)
    {
        if (smtp is null) return;
        try { await smtp.DisconnectAsync(true, CancellationToken.None); } catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or ServiceNotConnectedException) { }
        smtp.Dispose();
    }

    /// <summary>
    /// Without a mail server each e-mail becomes a readable .eml file. It is written under a temporary
    /// name and then renamed, so a reader never sees half a message; a resend after a crash overwrites
    /// the same file (named after the outbox message), so nothing is duplicated.
    /// </summary>
    private async Task<List<Outcome>> WriteLaneAsync(List<(OutboxMessage Message, MimeMessage Mime)> lane, string folder, CancellationToken ct)
    {
        var outcomes = new List<Outcome>(lane.Count);
        foreach (var (message, mime) in lane)
        {
            try
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{message.Id}.eml");
                var temporary = path + ".tmp";
                await mime.WriteToAsync(temporary, ct);
                File.Move(temporary, path, overwrite: true);
                outcomes.Add(new Outcome(message, null, time.GetUtcNow()));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                outcomes.Add(new Outcome(message, ex, time.GetUtcNow()));
            }
        }
        return outcomes;
    }

    /// <summary>The message itself cannot be written or sent (an address no parser reads, a malformed header).</summary>
    private static bool IsMessageFault(Exception ex) => ex is ParseException or FormatException or ArgumentException or NotSupportedException;

    private static bool IsMailFailure(Exception ex, CancellationToken ct) =>
        ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SslHandshakeException
            or AuthenticationException or TimeoutException or ServiceNotConnectedException
        || ex is OperationCanceledException && !ct.IsCancellationRequested;

    private async Task<int> ClaimAsync(Guid token, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var until = now + TimeSpan.FromSeconds(Math.Max(1, options.Value.ClaimSeconds));
        if (db.IsPostgres)
        {
            return await db.Database.ExecuteSqlAsync($"""
                UPDATE "OutboxMessages" SET "ClaimToken" = {token}, "ClaimedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        // SQLite serialises writers: the single UPDATE is atomic, and there is only one instance.
        return await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(batch)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct);
    }

    private static async Task<SmtpClient> ConnectAsync(MailOptions settings, CancellationToken ct)
    {
        var smtp = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(settings.User))
                await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }

    private async Task<Dictionary<Guid, Attachment>> AttachmentsAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        var ids = messages.Where(m => m.AttachmentDocumentId != null).Select(m => m.AttachmentDocumentId!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.PatientId, d.Kind, d.FileName, d.ContentType, d.Content }).ToListAsync(ct);
        return documents.ToDictionary(d => d.Id, d => new Attachment(d.PatientId, d.Kind, d.FileName, d.ContentType, d.Content));
    }

    /// <summary>The CDA of each attached report or PPS that goes to an address of the MSSanté space (written once per document).</summary>
    private async Task<Dictionary<Guid, Features.Cda.CdaFile>> CdasAsync(List<OutboxMessage> messages, Dictionary<Guid, Attachment> attachments,
        Dictionary<Guid, MailPatient> people, MailOptions settings, CancellationToken ct)
    {
        var result = new Dictionary<Guid, Features.Cda.CdaFile>();
        foreach (var m in messages)
        {
            if (m.AttachmentDocumentId is not { } id || result.ContainsKey(id) || !attachments.TryGetValue(id, out var a) || !Features.Cda.CdaExport.HasCda(a.Kind)) continue;
            if (m.PatientId is not { } pid || !MssanteSpace.Admits(m.ToAddress, settings.MssanteSpace, people.GetValueOrDefault(pid)?.QualifiedIns)) continue;
            if (await cdaExport.ForDocumentAsync(a.PatientId, id, ct) is { } cda) result[id] = cda;
        }
        return result;
    }

    private static MimeMessage Build(OutboxMessage message, MailPatient? patient, Dictionary<Guid, Attachment> attachments,
        Dictionary<Guid, Features.Cda.CdaFile> cdas, MailOptions settings, DateTimeOffset now)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.MessageId = message.MessageId.Trim('<', '>');
        mime.Headers.Add("X-Relais-Outbox", message.Id.ToString());
        // Health data and identity travel only inside the MSSanté space: any other address is told that something waits
        // in Relais, with the link, and nothing else (no name, no INS, no obligation, no document).
        if (message.PatientId is not null && !MssanteSpace.Admits(message.ToAddress, settings.MssanteSpace, patient?.QualifiedIns))
        {
            var (subject, text) = MailTexts.OutsideMssante(message.Body, settings);
            mime.Subject = subject;
            mime.Body = new TextPart("plain") { Text = text };
            return mime;
        }
        mime.Subject = message.Subject;
        if (message.ObligationCode is not null) mime.Headers.Add("X-Relais-Obligation", message.ObligationCode);
        if (patient?.QualifiedIns is { } ins) mime.Headers.Add("X-Relais-Patient-INS", ins);
        // A transmission asks for a read receipt (MDN, RFC 8098), which marks it read when it comes back (ReadReceipts).
        if (message.Kind == OutboxKind.Transmission) mime.Headers.Add(HeaderId.DispositionNotificationTo, new MailboxAddress(settings.FromName, settings.From).ToString());
        if (settings.MssanteProductReference is { Length: > 0 } nil) mime.Headers.Add("X-MSS-NIL", nil);
        if (patient?.QualifiedIns is { } box && string.Equals(message.ToAddress.Trim(), MssanteSpace.PatientBox(box), StringComparison.OrdinalIgnoreCase))
            mime.Headers.Add("X-MSS-MES", "FIN");
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.AttachmentDocumentId is { } documentId && attachments.TryGetValue(documentId, out var document))
        {
            if (cdas.TryGetValue(documentId, out var cda) && patient is not null)
            {
                // The CDA travels in an IHE XDM package with its PDF (MSSanté); the PDF also goes alone, for any mail client.
                var zip = XdmPackage.Build(Submission(message, patient, settings, now),
                [
                    new XdmDocument(cda.Content, "text/xml", "DOC0001.XML", cda.LoincCode, cda.Title, "urn:asip:ci-sis:2010"),
                    new XdmDocument(document.Content, document.ContentType, "DOC0002.PDF", cda.LoincCode, cda.Title, "urn:ihe:iti:xds-sd:pdf:2008"),
                ]);
                body.Attachments.Add(XdmPackage.FileName, zip, new ContentType("application", "zip"));
                mime.Headers.Add("X-MSS-CODECDA", cda.LoincCode);
                mime.Headers.Add("X-MSS-INS", cda.QualifiedIns is null ? "N" : "O");
            }
            body.Attachments.Add(document.FileName, document.Content, ContentType.Parse(document.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>The XDS submission of one e-mail: the patient by qualified INS (else by Relais's identifier), sent by Relais to the recipient.</summary>
    private static XdmSubmission Submission(OutboxMessage message, MailPatient patient, MailOptions settings, DateTimeOffset now)
    {
        var patientId = patient.QualifiedIns is { } ins
            ? $"{ins}^^^&{patient.InsOid}&ISO^NH"
            : $"{patient.Id:N}^^^&2.25&ISO^PI";
        var sex = patient.Sex switch { Domain.Patients.Sex.Female => "F", Domain.Patients.Sex.Male => "M", _ => "U" };
        return new XdmSubmission(message.Id, now, patientId, $"{patient.BirthName}^{patient.FirstNames}^^^", patient.BirthDate, sex,
            settings.FromName, settings.FromName, $"|{message.ToAddress}");
    }

    /// <summary>The transmission recipients of the batch's sent and dead messages, loaded in one query.</summary>
    private async Task MarkRecipientsAsync(List<(OutboxMessage Message, bool Failed)> finished, CancellationToken ct)
    {
        var ids = finished.Where(f => f.Message.Kind == OutboxKind.Transmission && f.Message.TransmissionRecipientId != null)
            .Select(f => f.Message.TransmissionRecipientId!.Value).Distinct().ToList();
        if (ids.Count == 0) return;
        var recipients = await db.TransmissionRecipients.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var (message, failed) in finished)
        {
            if (message.Kind != OutboxKind.Transmission || message.TransmissionRecipientId is not { } id || !recipients.TryGetValue(id, out var recipient)) continue;
            if (failed) recipient.MailFailed(message.SentAt ?? time.GetUtcNow());
            else recipient.MailSent(message.SentAt ?? time.GetUtcNow());
        }
    }
}

/// <summary>A document attached to an e-mail.</summary>
internal sealed record Attachment(Guid PatientId, Domain.Documents.DocumentKind Kind, string FileName, string ContentType, byte[] Content);

/// <summary>The patient an e-mail is about: the INS only when qualified (RNIV).</summary>
internal sealed record MailPatient(Guid Id, string? QualifiedIns, string InsOid, string BirthName, string FirstNames, DateOnly BirthDate, Domain.Patients.Sex Sex);
