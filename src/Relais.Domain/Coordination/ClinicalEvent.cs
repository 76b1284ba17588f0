namespace Relais.Domain.Coordination;

public enum ClinicalEventKind
{
    /// <summary>An event between two cycles of treatment (C9).</summary>
    BetweenCycles,
    /// <summary>An event during follow-up (C13).</summary>
    DuringFollowUp,
    /// <summary>A suspected recurrence: referral back to the specialist team (C14).</summary>
    SuspectedRecurrence,
}

/// <summary>
/// An event the GP reports to the team (C9, C13, C14): what happened, when, its CTCAE v5 grade, what
/// was given. Grade 3 or more is urgent to the team; a suspected drug then calls for a
/// pharmacovigilance declaration [G] (PRODUCT.md §9).
/// </summary>
public sealed class ClinicalEvent
{
    private ClinicalEvent() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ClinicalEventKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly OccurredOn { get; private set; }
    /// <summary>CTCAE v5 grade: 1 mild, 2 moderate, 3 severe, 4 life-threatening, 5 death.</summary>
    public int? Grade { get; private set; }
    public string? TreatmentsGiven { get; private set; }
    public string? SuspectedDrug { get; private set; }
    public Guid ReportedBy { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public Guid? TransmissionId { get; private set; }
    public DateTimeOffset? PharmacovigilanceDeclaredAt { get; private set; }

    public bool IsUrgent => Kind == ClinicalEventKind.SuspectedRecurrence || Grade >= 3;

    /// <summary>A severe event with a suspected drug must be declared to pharmacovigilance [G].</summary>
    public bool NeedsPharmacovigilance => Grade >= 3 && SuspectedDrug is not null;

    public ObligationCode Obligation => ObligationFor(Kind);

    /// <summary>Which obligation an event of this kind fires: C9 between cycles [G] 2.5, C13 during follow-up [G] 3.5, C14 a suspected recurrence [G] 3.3.</summary>
    public static ObligationCode ObligationFor(ClinicalEventKind kind) => kind switch
    {
        ClinicalEventKind.BetweenCycles => ObligationCode.C9,
        ClinicalEventKind.DuringFollowUp => ObligationCode.C13,
        _ => ObligationCode.C14,
    };

    public static ClinicalEvent Report(Guid patientId, ClinicalEventKind kind, string? description, DateOnly occurredOn, int? grade,
        string? treatmentsGiven, string? suspectedDrug, Guid by, DateOnly today, DateTimeOffset now)
    {
        var text = description?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("description", "Décrivez l'événement.");
        if (text.Length > 4000) throw new DomainValidationException("description", "La description est limitée à 4000 caractères.");
        if (occurredOn > today) throw new DomainValidationException("occurredOn", "L'événement ne peut pas être daté dans le futur.");
        if (grade is < 1 or > 5) throw new DomainValidationException("grade", "Le grade CTCAE v5 va de 1 à 5.");
        if (kind != ClinicalEventKind.SuspectedRecurrence && grade is null)
            throw new DomainValidationException("grade", "Le grade CTCAE v5 (1 à 5) est obligatoire.");
        return new ClinicalEvent
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            Kind = kind,
            Description = text,
            OccurredOn = occurredOn,
            Grade = grade,
            TreatmentsGiven = string.IsNullOrWhiteSpace(treatmentsGiven) ? null : treatmentsGiven.Trim(),
            SuspectedDrug = string.IsNullOrWhiteSpace(suspectedDrug) ? null : suspectedDrug.Trim(),
            ReportedBy = by,
            ReportedAt = now,
        };
    }

    public void Transmitted(Guid transmissionId) => TransmissionId = transmissionId;

    public void PharmacovigilanceDeclared(DateTimeOffset now) => PharmacovigilanceDeclaredAt ??= now;
}

public enum ReferralStatus { Open, Done, Cancelled }

/// <summary>The specialist team's task after a suspected recurrence (C14): see the patient by the due date, then RCP [G].</summary>
public sealed class ReferralTask
{
    private ReferralTask() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid? ClinicalEventId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public ReferralStatus Status { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Default time to see a patient referred back for suspected recurrence [R].</summary>
    public const int DefaultDueDays = 7;

    public static ReferralTask Open(Guid patientId, Guid? eventId, string reason, DateOnly today, Guid by, DateTimeOffset now, int dueDays = DefaultDueDays) => new()
    {
        Id = Guid.CreateVersion7(now),
        PatientId = patientId,
        ClinicalEventId = eventId,
        Reason = reason.Length > 500 ? reason[..500] : reason,
        DueOn = today.AddDays(dueDays),
        Status = ReferralStatus.Open,
        CreatedBy = by,
        CreatedAt = now,
    };

    public void Close(Guid by, DateTimeOffset now, bool done = true)
    {
        if (Status != ReferralStatus.Open) throw new DomainValidationException("status", "Cette demande est déjà close.");
        Status = done ? ReferralStatus.Done : ReferralStatus.Cancelled;
        ClosedBy = by;
        ClosedAt = now;
    }
}
