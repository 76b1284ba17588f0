using Relais.Domain.Messaging;

namespace Relais.Web.Messaging;

public enum OutboxStatus { Pending, Sent, DeadLetter, Cancelled }

/// <summary>Transmission, Reminder, PatientReport and SupportiveCareReferral (a referral sent to its provider, issue 13) concern a patient; Account is an account e-mail (invitation, password reset) with no patient.</summary>
public enum OutboxKind
{
    Transmission,
    Reminder,
    Account,
    /// <summary>A grade ≥ 3 patient report copied to the GP (issue 14): its own kind, not the GP's C9 to the team.</summary>
    PatientReport,
    /// <summary>A supportive-care referral sent straight to its provider (issue 13): its own kind, not C10.</summary>
    SupportiveCareReferral,
    /// <summary>The notice that something new waits in Relais (issue 14, point 4): no patient, no clinical content.</summary>
    Notification,
}

/// <summary>
/// An e-mail waiting to leave, written in the same transaction as what caused it (the transactional
/// outbox): a crash after commit loses nothing, and the dispatcher sends it when it can.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public Guid? PatientId { get; private set; }
    public OutboxKind Kind { get; private set; }
    public Guid? TransmissionRecipientId { get; private set; }
    public Guid RecipientUserId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public Guid? AttachmentDocumentId { get; private set; }
    /// <summary>Stable across retries, so that a receiving system can recognise a resend.</summary>
    public string MessageId { get; private set; } = "";
    public string? ObligationCode { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(Guid? patientId, OutboxKind kind, Guid? transmissionRecipientId, Guid recipientUserId, string toAddress,
        string subject, string body, Guid? attachment, string? obligationCode, string domain, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new OutboxMessage
        {
            Id = id,
            PatientId = patientId,
            Kind = kind,
            TransmissionRecipientId = transmissionRecipientId,
            RecipientUserId = recipientUserId,
            ToAddress = toAddress,
            Subject = subject,
            Body = body,
            AttachmentDocumentId = attachment,
            MessageId = OutboxRules.MessageId(id, domain),
            ObligationCode = obligationCode,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
        ClaimToken = null;
        ClaimedUntil = null;
    }

    /// <summary>A failed attempt: retried with back-off, or parked in the dead-letter list when permanent or exhausted.</summary>
    public void MarkFailed(string error, bool permanent, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimToken = null;
        ClaimedUntil = null;
        if (permanent || Attempts >= OutboxRules.MaxAttempts)
            Status = OutboxStatus.DeadLetter;
        else
            NextAttemptAt = now + OutboxRules.Backoff(Attempts);
    }

    public void Cancel(string reason)
    {
        Status = OutboxStatus.Cancelled;
        LastError = reason;
        ClaimToken = null;
        ClaimedUntil = null;
    }

    /// <summary>An administrator sends a dead letter again: a fresh series of attempts, same Message-ID.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != OutboxStatus.DeadLetter) throw new Domain.DomainValidationException("status", "Seuls les messages en échec définitif peuvent être relancés.");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
