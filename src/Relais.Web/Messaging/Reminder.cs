namespace Relais.Web.Messaging;

/// <summary><see cref="AlertUpdated"/>: an open alert's owners told of new values (its subject is the owner's copy of the alert's transmission); <see cref="SymptomAlertEscalated"/>: an urgent triage alert to the physician on call; <see cref="QuestionnaireDue"/>: a weekly questionnaire unanswered (its subject is the episode, its occurrence the week); <see cref="AldExpiry"/>: an ALD admission about to expire, to the GP; <see cref="CareChanged"/>: a step of care deferred or re-scheduled, to the patient and the GP (its subject is the deferral, its occurrence 0 for the deferral and 1 for the new date); <see cref="HadRenewal"/>: a home hospitalisation about to end, to its prescriber (its occurrence the renewal's number).</summary>
public enum ReminderKind { TransmissionBeforeDue, TransmissionLate, CarnetItem, AlertUpdated, SymptomAlertEscalated, QuestionnaireDue, AldExpiry, TreatmentPlannedStop, CareChanged, AdministrativeStep, HadRenewal }

/// <summary>
/// Where a reminder stands: <see cref="Pending"/> while its e-mail waits in the outbox, <see cref="Sent"/>
/// once the mail server took it, <see cref="Failed"/> when it never could, <see cref="InAppOnly"/> when no
/// e-mail could be written (mail off, no address). Whatever the state, the app shows it to its recipient.
/// </summary>
public enum ReminderDelivery { Pending, Sent, Failed, InAppOnly }

/// <summary>
/// One reminder of one thing to one person, issued once: (kind, subject, recipient, occurrence) is unique, so
/// that several instances scanning at once remind once — the first insert claims it, the others' fail and
/// retry with what is left. It is marked sent only when its e-mail was delivered (<see cref="ReminderScheduler"/>).
/// </summary>
public sealed class Reminder
{
    private Reminder() { }

    public Guid Id { get; private set; }
    public ReminderKind Kind { get; private set; }
    /// <summary>The transmission recipient row, or the carnet item.</summary>
    public Guid SubjectId { get; private set; }
    public Guid RecipientUserId { get; private set; }
    /// <summary>Which reminder of the series: 0 for a one-off, the late period's number for a late transmission.</summary>
    public int Occurrence { get; private set; }
    public Guid PatientId { get; private set; }
    /// <summary>What the reminder says in the app, without clinical detail (the same words as the e-mail's subject).</summary>
    public string Title { get; private set; } = "";
    /// <summary>The page it points to, inside Relais.</summary>
    public string Link { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public ReminderDelivery Delivery { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public Guid? OutboxMessageId { get; private set; }

    public static Reminder Issue(ReminderKind kind, Guid subjectId, Guid recipientUserId, int occurrence, Guid patientId, string title, string link,
        OutboxMessage? mail, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        SubjectId = subjectId,
        RecipientUserId = recipientUserId,
        Occurrence = occurrence,
        PatientId = patientId,
        Title = title,
        Link = link,
        IssuedAt = now,
        Delivery = mail is null ? ReminderDelivery.InAppOnly : ReminderDelivery.Pending,
        OutboxMessageId = mail?.Id,
    };

    /// <summary>
    /// A reminder to a patient who had no portal account was issued to the record itself (its recipient is the
    /// patient's id): once the account is activated it is the account's, and the patient sees it.
    /// </summary>
    public bool AwaitsPortalAccount => RecipientUserId == PatientId;

    public void ReceivedThroughPortal(Guid accountId)
    {
        if (AwaitsPortalAccount) RecipientUserId = accountId;
    }

    public void MailDelivered(DateTimeOffset at)
    {
        Delivery = ReminderDelivery.Sent;
        DeliveredAt ??= at;
    }

    public void MailFailed() => Delivery = ReminderDelivery.Failed;
}
