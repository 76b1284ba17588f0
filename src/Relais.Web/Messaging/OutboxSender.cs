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
/// uses to recognise a duplicate. Nothing is lost either way. How one message is written: <c>OutboxSender.Building.cs</c>.
/// </summary>
public sealed partial class OutboxSender(RelaisDb db, TimeProvider time, IOptions<MailOptions> options, IHostEnvironment host, ReminderScheduler reminders,
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
