namespace Relais.Domain.Continuity;

/// <summary>What can be deferred: an appointment or treatment cycle, or an item of the Carnet de Surveillance Alternée.</summary>
public enum DeferredItemKind { Appointment, CarnetItem }

/// <summary>
/// The clinical priority of deferred care, as the oncology team judges it case by case [C] "l'analyse au cas par cas
/// des bénéfices/risques", "évitant les pertes de chance". Three tiers, as the oncology societies' COVID-19
/// prioritisation used them [R] (ESMO, 2020: high — not to be put off; medium — a delay beyond 6 to 8 weeks could
/// change the outcome; low — can wait for the crisis to pass).
/// </summary>
public enum DeferralPriority { High, Medium, Low }

/// <summary>How long each priority may wait before the deferred care is overdue (<see cref="MaxDelayDays"/>): data, with its source.</summary>
public static class DeferralPriorities
{
    /// <summary>
    /// The longest a deferred step of each priority waits for its new date, counted from the decision [R] (ESMO COVID-19
    /// tiers, 2020, read for a worklist): high 7 days (only moved, never really put off), medium 42 days (the 6 weeks
    /// beyond which a delay could change the outcome), low 90 days (re-assessed after a quarter at the latest). The team
    /// may set an earlier "until" on each deferral; it never extends these.
    /// </summary>
    public static readonly IReadOnlyDictionary<DeferralPriority, int> MaxDelayDays = new Dictionary<DeferralPriority, int>
    {
        [DeferralPriority.High] = 7,
        [DeferralPriority.Medium] = 42,
        [DeferralPriority.Low] = 90,
    };

    public static string Label(this DeferralPriority priority) => priority switch
    {
        DeferralPriority.High => "Haute (à reprogrammer sous 7 jours)",
        DeferralPriority.Medium => "Moyenne (sous 6 semaines)",
        _ => "Basse (sous 3 mois)",
    };

    /// <summary>The last day the care may wait: the earlier of the team's "until" and the priority's maximum delay from the decision.</summary>
    public static DateOnly Deadline(DeferralPriority priority, DateOnly decidedOn, DateOnly? until)
    {
        var max = decidedOn.AddDays(MaxDelayDays[priority]);
        return until is { } u && u < max ? u : max;
    }

    /// <summary>Overdue: still waiting for a new date after its deadline.</summary>
    public static bool IsOverdue(DeferralPriority priority, DateOnly decidedOn, DateOnly? until, DateOnly today) => today > Deadline(priority, decidedOn, until);
}

/// <summary>
/// A decision to put off one step of care (PRODUCT.md §10, [C] "anticiper la reprogrammation"): which item, why, with
/// which clinical priority, who decided, when, and until when at the latest. It stays open on the re-scheduling
/// worklist until the item gets its new date (<see cref="End"/>).
/// </summary>
public sealed class Deferral
{
    private Deferral() { }

    public const int MaxReasonLength = 1000;

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public DeferredItemKind ItemKind { get; private set; }
    public Guid ItemId { get; private set; }
    /// <summary>When the item was due before it was put off.</summary>
    public DateOnly OriginalDate { get; private set; }
    public string Reason { get; private set; } = "";
    public DeferralPriority Priority { get; private set; }
    public DateOnly? Until { get; private set; }
    public Guid DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public Guid? EndedBy { get; private set; }
    /// <summary>The item's new date once re-scheduled.</summary>
    public DateOnly? RescheduledOn { get; private set; }

    public bool IsOpen => EndedAt is null;

    public static Deferral Decide(Guid patientId, DeferredItemKind kind, Guid itemId, DateOnly originalDate, string? reason, DeferralPriority? priority, DateOnly? until,
        Guid by, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind)) throw new DomainValidationException("item.kind", "Type d'élément inconnu : appointment ou carnet-item.");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) throw new DomainValidationException("reason", "Indiquez pourquoi ce soin est reporté.");
        if (why.Length > MaxReasonLength) throw new DomainValidationException("reason", $"Le motif est limité à {MaxReasonLength} caractères.");
        if (priority is not { } p || !Enum.IsDefined(p)) throw new DomainValidationException("priority", "Indiquez la priorité clinique : high, medium ou low.");
        if (until is { } u && u < today) throw new DomainValidationException("until", "La date limite de report ne peut pas être passée.");
        if (until is { } v && v > today.AddDays(DeferralPriorities.MaxDelayDays[p]))
            throw new DomainValidationException("until", $"Cette priorité ne permet pas d'attendre plus de {DeferralPriorities.MaxDelayDays[p]} jours.");
        return new Deferral
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            ItemKind = kind,
            ItemId = itemId,
            OriginalDate = originalDate,
            Reason = why,
            Priority = p,
            Until = until,
            DecidedBy = by,
            DecidedAt = now,
            DecidedOn = today,
        };
    }

    public DateOnly Deadline => DeferralPriorities.Deadline(Priority, DecidedOn, Until);

    public bool IsOverdue(DateOnly today) => IsOpen && DeferralPriorities.IsOverdue(Priority, DecidedOn, Until, today);

    /// <summary>The item got its new date: the deferral leaves the worklist.</summary>
    public void End(DateOnly newDate, Guid by, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainValidationException("item", "Ce report est déjà clos.");
        EndedAt = now;
        EndedBy = by;
        RescheduledOn = newDate;
    }
}
