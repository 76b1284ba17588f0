namespace Relais.Domain.ContinuingTreatments;

/// <summary>
/// A treatment that continues into follow-up (issue 16 point 1): adjuvant hormone therapy for 5 to 10 years,
/// androgen deprivation, maintenance or oral targeted therapy — or a treatment received whose late effects are
/// followed ([G] §3 "effets indésirables tardifs"). Recorded at the end of active treatment or any time after,
/// with its planned duration: the planned stop date is reminded to the GP and the specialist. A stop is recorded
/// with its date and reason; a change of drug is a stop and a new treatment.
/// </summary>
public sealed class ContinuingTreatment
{
    private ContinuingTreatment() { }

    /// <summary>The longest planned duration: adjuvant hormone therapy goes up to 10 years [G]; beyond is a typing error.</summary>
    public const int MaxPlannedMonths = 180;

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string Drug { get; private set; } = "";
    public TreatmentClass Class { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public int? PlannedMonths { get; private set; }
    public string Prescriber { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ContinuingTreatmentStatus Status { get; private set; }
    public DateOnly? StoppedOn { get; private set; }
    public string? StopReason { get; private set; }
    /// <summary>When the planned stop date was reminded to the GP and the specialist (once).</summary>
    public DateTimeOffset? StopRemindedAt { get; private set; }
    /// <summary>Concurrency token: a stop recorded from an older state is refused.</summary>
    public int Revision { get; private set; }

    /// <summary>The planned stop date: the start plus the planned duration; none for a treatment without a set duration. Stored, so that the reminder scan reads it.</summary>
    public DateOnly? PlannedStopOn { get; private set; }

    /// <summary>How long before the planned stop date the GP and the specialist are reminded of it.</summary>
    public const int StopReminderDaysAhead = 30;

    public static ContinuingTreatment Record(Guid patientId, string? drug, TreatmentClass treatmentClass, DateOnly? startedOn, int? plannedMonths, string? prescriber,
        Guid by, DateOnly today, DateTimeOffset now)
    {
        var name = drug?.Trim();
        if (string.IsNullOrEmpty(name)) throw new DomainValidationException("drug", "Indiquez le médicament (DCI).");
        if (name.Length > 200) throw new DomainValidationException("drug", "Le nom du médicament est limité à 200 caractères.");
        if (!Enum.IsDefined(treatmentClass)) throw new DomainValidationException("class", "Classe de traitement inconnue.");
        if (startedOn is not { } start) throw new DomainValidationException("startedOn", "Indiquez la date de début du traitement.");
        if (start > today.AddMonths(3)) throw new DomainValidationException("startedOn", "La date de début est à plus de 3 mois dans le futur.");
        if (plannedMonths is { } months && months is < 1 or > MaxPlannedMonths)
            throw new DomainValidationException("plannedMonths", $"La durée prévue va de 1 à {MaxPlannedMonths} mois.");
        var who = prescriber?.Trim();
        if (string.IsNullOrEmpty(who)) throw new DomainValidationException("prescriber", "Indiquez le prescripteur.");
        if (who.Length > 200) throw new DomainValidationException("prescriber", "Le nom du prescripteur est limité à 200 caractères.");
        return new ContinuingTreatment
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            Drug = name,
            Class = treatmentClass,
            StartedOn = start,
            PlannedMonths = plannedMonths,
            PlannedStopOn = plannedMonths is { } m ? start.AddMonths(m) : null,
            Prescriber = who,
            RecordedBy = by,
            RecordedAt = now,
            Status = ContinuingTreatmentStatus.Ongoing,
        };
    }

    public void EnsureRevision(int? expected)
    {
        if (expected is { } r && r != Revision) throw new StaleVersionException("revision", r, Revision);
    }

    /// <summary>Records the stop of the treatment: on a date not in the future nor before its start, with its reason.</summary>
    public void Stop(DateOnly? on, string? reason, DateOnly today)
    {
        if (Status == ContinuingTreatmentStatus.Stopped) throw new DomainValidationException("status", "Ce traitement est déjà arrêté.");
        if (on is not { } date) throw new DomainValidationException("stoppedOn", "Indiquez la date d'arrêt.");
        if (date > today) throw new DomainValidationException("stoppedOn", "La date d'arrêt ne peut pas être dans le futur.");
        if (date < StartedOn) throw new DomainValidationException("stoppedOn", "La date d'arrêt précède le début du traitement.");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) throw new DomainValidationException("reason", "Indiquez pourquoi le traitement est arrêté.");
        Status = ContinuingTreatmentStatus.Stopped;
        StoppedOn = date;
        StopReason = why.Length > 500 ? why[..500] : why;
        Revision++;
    }

    /// <summary>
    /// The planned stop date is near: an ongoing treatment with a planned duration whose stop date falls within
    /// <paramref name="daysAhead"/> days (or has passed), not reminded yet.
    /// </summary>
    public bool StopReminderDue(DateOnly today, int daysAhead) =>
        Status == ContinuingTreatmentStatus.Ongoing && StopRemindedAt is null && PlannedStopOn is { } stop && stop <= today.AddDays(daysAhead);

    public void StopReminded(DateTimeOffset now) => StopRemindedAt ??= now;

    /// <summary>One line for the PPAC and the transmissions: "Létrozole (inhibiteur de l'aromatase), depuis le 01/03/2027, 60 mois, jusqu'au 01/03/2032 — Dr X".</summary>
    public string Describe()
    {
        var line = $"{Drug} ({Class.Label().ToLowerInvariant()}), depuis le {StartedOn:dd/MM/yyyy}";
        if (PlannedMonths is { } m) line += $", {m} mois prévus, arrêt prévu le {PlannedStopOn:dd/MM/yyyy}";
        line += $" — prescrit par {Prescriber}";
        if (Status == ContinuingTreatmentStatus.Stopped) line += $" ; arrêté le {StoppedOn:dd/MM/yyyy} : {StopReason}";
        return line;
    }
}
