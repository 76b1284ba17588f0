namespace Relais.Domain.ContinuingTreatments;

/// <summary>
/// What the patient, the GP or the pharmacist reports about a continuing treatment: how it is taken and its side
/// effects. An intolerance, or a stop, is a criterion of early return to the specialist [B] "intolérances ou effets
/// secondaires des thérapeutiques" (<see cref="CallsForEarlyReturn"/>); side effects the reporter tolerates are
/// recorded and shown to the team and the GP without calling the patient back.
/// </summary>
public sealed class TreatmentReport
{
    private TreatmentReport() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid TreatmentId { get; private set; }
    public TreatmentReporter Reporter { get; private set; }
    public Guid ReportedBy { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateOnly ObservedOn { get; private set; }
    public Adherence Adherence { get; private set; }
    public string? SideEffects { get; private set; }
    public bool Intolerance { get; private set; }
    /// <summary>The early-return alert the report raised or updated, if it called for one.</summary>
    public Guid? AlertId { get; private set; }

    /// <summary>[B]: an intolerance or a side effect leading to a stop brings the patient back to the specialist early.</summary>
    public static bool IsEarlyReturn(Adherence adherence, bool intolerance) => intolerance || adherence == Adherence.Stopped;

    public bool CallsForEarlyReturn => IsEarlyReturn(Adherence, Intolerance);

    public static TreatmentReport Record(ContinuingTreatment treatment, TreatmentReporter reporter, Guid by, DateOnly? observedOn, Adherence adherence, string? sideEffects,
        bool intolerance, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        if (!Enum.IsDefined(adherence)) throw new DomainValidationException("adherence", "Observance inconnue.");
        var on = observedOn ?? today;
        if (on > today) throw new DomainValidationException("observedOn", "La date ne peut pas être dans le futur.");
        if (on < treatment.StartedOn) throw new DomainValidationException("observedOn", "La date précède le début du traitement.");
        var effects = sideEffects?.Trim();
        if (effects is { Length: > 1000 }) throw new DomainValidationException("sideEffects", "Les effets indésirables sont limités à 1000 caractères.");
        if (intolerance && string.IsNullOrEmpty(effects))
            throw new DomainValidationException("sideEffects", "Décrivez les effets indésirables qui rendent le traitement mal toléré.");
        return new TreatmentReport
        {
            Id = Guid.CreateVersion7(now),
            PatientId = treatment.PatientId,
            TreatmentId = treatment.Id,
            Reporter = reporter,
            ReportedBy = by,
            ReportedAt = now,
            ObservedOn = on,
            Adherence = adherence,
            SideEffects = string.IsNullOrEmpty(effects) ? null : effects,
            Intolerance = intolerance,
        };
    }

    public void Raised(Guid alertId) => AlertId = alertId;

    /// <summary>The note the early-return alert quotes: the drug, how it is taken and the side effects reported.</summary>
    public string Note(ContinuingTreatment treatment)
    {
        var note = $"{treatment.Drug} : {Adherence.Label()}";
        if (Intolerance) note += ", mal toléré";
        if (SideEffects is { } e) note += $" — {e}";
        return note.Length > 500 ? note[..500] : note;
    }
}
