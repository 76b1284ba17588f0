namespace Relais.Domain.Coordination;

public enum TransmissionStatus { Pending, Delivered, Acknowledged, Late, Failed }

/// <summary>
/// What travels under one obligation: a document and/or a message, to named recipients, with the
/// time by which each recipient should have acknowledged it.
/// </summary>
public sealed class Transmission
{
    private readonly List<TransmissionRecipient> recipients = [];

    private Transmission() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ObligationCode Obligation { get; private set; }
    public Guid? DocumentId { get; private set; }
    /// <summary>Plain-language title shown in inboxes; never sent as an e-mail subject.</summary>
    public string Title { get; private set; } = "";
    public string? Message { get; private set; }
    public Guid SenderId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public bool Urgent { get; private set; }
    public IReadOnlyList<TransmissionRecipient> Recipients => recipients;

    public bool HasNoRecipient => recipients.Count == 0;

    public static Transmission Create(Guid patientId, ObligationCode code, Guid? documentId, string? title, string? message, Guid senderId,
        IEnumerable<(Guid UserId, RecipientKinds Kind)> to, DateTimeOffset now, TimeSpan dueDelay, bool urgent = false, bool requireRecipients = true)
    {
        var obligation = ObligationCatalogue.Get(code);
        var text = string.IsNullOrWhiteSpace(title) ? obligation.WhatTravels : title.Trim();
        if (text.Length > 200) throw new DomainValidationException("title", "Le titre est limité à 200 caractères.");
        var body = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (body is { Length: > 10_000 }) throw new DomainValidationException("message", "Le message est limité à 10 000 caractères.");
        if (documentId is null && body is null)
            throw new DomainValidationException("message", "Une transmission porte un document ou un message.");
        var transmission = new Transmission
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            Obligation = code,
            DocumentId = documentId,
            Title = text,
            Message = body,
            SenderId = senderId,
            CreatedAt = now,
            DueAt = now + dueDelay,
            Urgent = urgent || obligation.Urgent,
        };
        foreach (var (userId, kind) in to.DistinctBy(r => r.UserId))
        {
            if (userId == senderId) continue;
            transmission.recipients.Add(new TransmissionRecipient(transmission, userId, kind));
        }
        // A clinical step never waits for an address book: an automatic transmission with nobody to
        // receive it is kept, addressed to no one, and shown on the team's worklist until resolved.
        if (transmission.recipients.Count == 0 && requireRecipients)
            throw new DomainValidationException("recipients", "Aucun destinataire : le médecin traitant, le patient ou l'équipe ne sont pas renseignés, ou se sont opposés au partage.");
        return transmission;
    }
}

/// <summary>One recipient of a transmission, with the life of the hand-over: delivered, read, acknowledged.</summary>
public sealed class TransmissionRecipient
{
    private TransmissionRecipient() { }

    internal TransmissionRecipient(Transmission transmission, Guid userId, RecipientKinds kind)
    {
        Id = Guid.CreateVersion7(transmission.CreatedAt);
        TransmissionId = transmission.Id;
        PatientId = transmission.PatientId;
        RecipientId = userId;
        Kind = kind;
        DueAt = transmission.DueAt;
        // The in-app inbox is written in the same transaction: delivered as soon as committed — except to a patient
        // who has no portal account yet, for whom it waits, bound to the record (AwaitsPortalAccount).
        DeliveredAt = AwaitsPortalAccount ? null : transmission.CreatedAt;
    }

    public Guid Id { get; private set; }
    public Guid TransmissionId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid RecipientId { get; private set; }
    public RecipientKinds Kind { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? MailSentAt { get; private set; }
    public DateTimeOffset? MailFailedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? ReminderBeforeAt { get; private set; }
    public DateTimeOffset? ReminderAfterAt { get; private set; }
    /// <summary>On a team item (<see cref="TeamSignals"/>): when its owner last handed it on, and who did.</summary>
    public DateTimeOffset? HandedOnAt { get; private set; }
    public Guid? HandedOnBy { get; private set; }
    /// <summary>On a team item: when its owner's lateness was escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }
    /// <summary>This row is the escalation of a late team item to the referring physician, not the item itself.</summary>
    public bool IsEscalation { get; private set; }

    /// <summary>An item of the specialist team's queue: the one row its owner answers for.</summary>
    public bool IsTeamItem => Kind == RecipientKinds.SpecialistTeam && !IsEscalation;

    /// <summary>
    /// Addressed to a patient who has no portal account yet (issue 11: "what is addressed to the patient waits for
    /// them; nothing is dropped"): the row is bound to the patient's record, undelivered, shown to the team as not
    /// yet received, until the account is activated (<see cref="ReceivedThroughPortal"/>).
    /// </summary>
    public bool AwaitsPortalAccount => Kind == RecipientKinds.Patient && RecipientId == PatientId;

    /// <summary>The patient activated their portal account: what waited for them is theirs, delivered now, same due time.</summary>
    public void ReceivedThroughPortal(Guid accountId, DateTimeOffset now)
    {
        if (!AwaitsPortalAccount) throw new DomainValidationException("recipient", "Cette transmission n'attend pas l'ouverture du compte du patient.");
        RecipientId = accountId;
        DeliveredAt = now;
    }

    /// <summary>
    /// The owner hands the team item on to another member: the new owner has it delivered now and unread,
    /// and the same due time — handing on never buys time for a signal that was already waiting.
    /// </summary>
    public void HandOn(Guid to, Guid by, DateTimeOffset now)
    {
        if (!IsTeamItem) throw new DomainValidationException("to", "Seul un signal de la file de l'équipe peut être confié à un autre membre.");
        if (AcknowledgedAt is not null) throw new DomainValidationException("to", "Ce signal a déjà été pris en charge.");
        if (to == RecipientId) throw new DomainValidationException("to", "Ce membre de l'équipe est déjà responsable du signal.");
        RecipientId = to;
        HandedOnAt = now;
        HandedOnBy = by;
        DeliveredAt = now;
        ReadAt = null;
        MailSentAt = null;
        MailFailedAt = null;
        ReminderBeforeAt = null;
        ReminderAfterAt = null;
    }

    /// <summary>A late team item whose team has no physician to escalate to: it stays late in the queue, escalated to nobody.</summary>
    public void NoOneToEscalateTo(DateTimeOffset now)
    {
        if (TransmissionRules.NeedsEscalation(this, now)) EscalatedAt = now;
    }

    /// <summary>
    /// Escalates a late team item to the referring physician: a row of his own, late as the item is, so that
    /// it stands in his inbox; acknowledging either row takes the item in charge.
    /// </summary>
    public TransmissionRecipient EscalateTo(Guid physicianId, DateTimeOffset now)
    {
        if (!TransmissionRules.NeedsEscalation(this, now)) throw new DomainValidationException("escalation", "Ce signal n'est pas en retard.");
        EscalatedAt = now;
        return new TransmissionRecipient
        {
            Id = Guid.CreateVersion7(now),
            TransmissionId = TransmissionId,
            PatientId = PatientId,
            RecipientId = physicianId,
            Kind = RecipientKinds.SpecialistTeam,
            DueAt = DueAt,
            DeliveredAt = now,
            // The escalation's own mail is its first late notice: the next reminder comes an interval later, not at the next scan.
            ReminderAfterAt = now,
            IsEscalation = true,
        };
    }

    public TransmissionStatus StatusAt(DateTimeOffset now) => TransmissionRules.Status(DeliveredAt, AcknowledgedAt, MailFailedAt, DueAt, now);

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    /// <summary>"Pris connaissance": closes the loop. Acknowledging twice keeps the first time.</summary>
    public void Acknowledge(DateTimeOffset now)
    {
        ReadAt ??= now;
        AcknowledgedAt ??= now;
    }

    public void MailSent(DateTimeOffset now) => MailSentAt ??= now;

    public void MailFailed(DateTimeOffset now) => MailFailedAt ??= now;

    public void RemindedBefore(DateTimeOffset now) => ReminderBeforeAt ??= now;

    public void RemindedAfter(DateTimeOffset now) => ReminderAfterAt = now;
}

public static class TransmissionRules
{
    /// <summary>A reminder goes to the recipient this long before the due time, if not yet acknowledged.</summary>
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(1);

    /// <summary>Once late, a reminder goes again at this interval until acknowledged.</summary>
    public static readonly TimeSpan ReminderAfterInterval = TimeSpan.FromDays(2);

    public static TransmissionStatus Status(DateTimeOffset? deliveredAt, DateTimeOffset? acknowledgedAt, DateTimeOffset? failedAt, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (acknowledgedAt is not null) return TransmissionStatus.Acknowledged;
        if (deliveredAt is null) return failedAt is not null ? TransmissionStatus.Failed : now >= dueAt ? TransmissionStatus.Late : TransmissionStatus.Pending;
        return now >= dueAt ? TransmissionStatus.Late : TransmissionStatus.Delivered;
    }

    public static bool ReminderBeforeDue(DateTimeOffset? acknowledgedAt, DateTimeOffset? remindedAt, DateTimeOffset dueAt, DateTimeOffset now) =>
        acknowledgedAt is null && remindedAt is null && now >= dueAt - ReminderBefore && now < dueAt;

    /// <summary>A team item is escalated once, when its owner has not acknowledged it by its due time.</summary>
    public static bool NeedsEscalation(TransmissionRecipient row, DateTimeOffset now) =>
        row.IsTeamItem && row.AcknowledgedAt is null && row.EscalatedAt is null && now >= row.DueAt;

    /// <summary>
    /// Which late reminder this is: the number of whole <see cref="ReminderAfterInterval"/> periods since the due
    /// time. Reminders are at least one interval apart, so each falls in a period of its own, and the number is the
    /// key by which two instances scanning at once issue it once.
    /// </summary>
    public static int LateReminderOccurrence(DateTimeOffset dueAt, DateTimeOffset now) =>
        now < dueAt ? 0 : (int)((now - dueAt).Ticks / ReminderAfterInterval.Ticks);

    public static bool ReminderAfterDue(DateTimeOffset? acknowledgedAt, DateTimeOffset? lastRemindedAfter, DateTimeOffset dueAt, DateTimeOffset now) =>
        acknowledgedAt is null && now >= dueAt && (lastRemindedAfter is null || now >= lastRemindedAfter + ReminderAfterInterval);
}
