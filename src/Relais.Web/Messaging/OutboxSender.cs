using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Relais.Domain.Patients;
using Relais.Web.Data;

namespace Relais.Web.Messaging;

/// <summary>
/// Sends what the outbox holds. Rows are claimed for a few minutes with a token: on PostgreSQL the
/// claim takes row locks and skips rows another instance holds (FOR UPDATE SKIP LOCKED), so two
/// instances never send the same message; each outcome is saved as soon as it is known.
/// </summary>
public sealed class OutboxSender(RelaisDb db, TimeProvider time, IOptions<MailOptions> options, ILogger<OutboxSender> logger)
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    public async Task<int> DispatchOnceAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        var claimed = await ClaimAsync(token, now, settings.BatchSize, ct);
        if (claimed == 0) return 0;

        var messages = await db.OutboxMessages.Where(m => m.ClaimToken == token).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
        var patientIds = messages.Where(m => m.PatientId != null).Select(m => m.PatientId!.Value).Distinct().ToList();
        var ins = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Ins, ct);
        var objections = await db.AccessObjections.AsNoTracking()
            .Where(o => patientIds.Contains(o.PatientId) && o.WithdrawnAt == null)
            .Select(o => new { o.PatientId, o.ProfessionalId }).ToListAsync(ct);

        SmtpClient? smtp = null;
        var sent = 0;
        try
        {
            foreach (var message in messages)
            {
                // Consent is checked again at send time: an objection recorded since the transmission stops the e-mail.
                if (message.PatientId is { } pid && objections.Any(o => o.PatientId == pid && o.ProfessionalId == message.RecipientUserId))
                {
                    message.Cancel("consent-withdrawn");
                    await db.SaveChangesAsync(ct);
                    continue;
                }
                try
                {
                    smtp ??= await ConnectAsync(settings, ct);
                    var mime = await BuildAsync(message, message.PatientId is { } p && ins.TryGetValue(p, out var i) ? i : null, settings, ct);
                    await smtp.SendAsync(mime, ct);
                    message.MarkSent(time.GetUtcNow());
                    await MarkRecipientAsync(message, failed: false, ct);
                    sent++;
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SslHandshakeException or AuthenticationException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
                {
                    var permanent = ex is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } or AuthenticationException;
                    message.MarkFailed($"{ex.GetType().Name}: {ex.Message}", permanent, time.GetUtcNow());
                    if (message.Status == OutboxStatus.DeadLetter) await MarkRecipientAsync(message, failed: true, ct);
                    logger.LogWarning("Outbox message {OutboxId} failed (attempt {Attempts}, {Status}): {Error}", message.Id, message.Attempts, message.Status, ex.GetType().Name);
                    if (ex is not SmtpCommandException)
                    {
                        // The server is unreachable: every message of the batch has had its attempt.
                        foreach (var other in messages.Where(m => m != message && m.Status == OutboxStatus.Pending && m.ClaimToken == token))
                        {
                            other.MarkFailed($"{ex.GetType().Name}: {ex.Message}", permanent: false, time.GetUtcNow());
                            if (other.Status == OutboxStatus.DeadLetter) await MarkRecipientAsync(other, failed: true, ct);
                        }
                        smtp?.Dispose();
                        smtp = null;
                        await db.SaveChangesAsync(ct);
                        return sent;
                    }
                }
                await db.SaveChangesAsync(ct);
            }
        }
        finally
        {
            if (smtp is not null)
            {
                try { await smtp.DisconnectAsync(true, CancellationToken.None); } catch (Exception ex) when (ex is IOException or SmtpProtocolException) { }
                smtp.Dispose();
            }
        }
        return sent;
    }

    private async Task<int> ClaimAsync(Guid token, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var until = now + ClaimDuration;
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
            await smtp.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), ct);
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

    private async Task<MimeMessage> BuildAsync(OutboxMessage message, string? ins, MailOptions settings, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId.Trim('<', '>');
        mime.Headers.Add("X-Relais-Outbox", message.Id.ToString());
        if (message.ObligationCode is not null) mime.Headers.Add("X-Relais-Obligation", message.ObligationCode);
        if (ins is not null) mime.Headers.Add("X-Relais-Patient-INS", ins);
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.AttachmentDocumentId is { } documentId)
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
                .Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync(ct);
            if (document is not null) body.Attachments.Add(document.FileName, document.Content, ContentType.Parse(document.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task MarkRecipientAsync(OutboxMessage message, bool failed, CancellationToken ct)
    {
        if (message.Kind != OutboxKind.Transmission || message.TransmissionRecipientId is not { } id) return;
        var recipient = await db.TransmissionRecipients.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recipient is null) return;
        if (failed) recipient.MailFailed(time.GetUtcNow());
        else recipient.MailSent(time.GetUtcNow());
    }
}

/// <summary>Runs the outbox dispatcher and the reminder scan in the background.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.DispatchIntervalSeconds)));
        var lastReminderScan = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                while (await sender.DispatchOnceAsync(stoppingToken) > 0) { }
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                if (clock - lastReminderScan >= TimeSpan.FromMinutes(1))
                {
                    await scope.ServiceProvider.GetRequiredService<Coordination.Reminders>().ScanAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Features.FollowUp.FollowUpService>().RemindPatientsAsync(stoppingToken);
                    lastReminderScan = clock;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
