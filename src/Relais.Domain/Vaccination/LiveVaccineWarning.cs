using Relais.Domain.ContinuingTreatments;
using Relais.Domain.Programmes;

namespace Relais.Domain.Vaccination;

/// <summary>One immunosuppressive treatment of the record: when it started and, once known, when it ended (null: ongoing).</summary>
public sealed record ImmunosuppressiveExposure(string What, DateOnly StartedOn, DateOnly? EndedOn);

public enum LiveVaccineWarningState
{
    /// <summary>No immunosuppressive treatment has started: nothing to warn of.</summary>
    None,
    /// <summary>A chemotherapy or another immunosuppressive treatment is under way.</summary>
    DuringTreatment,
    /// <summary>Treatment ended less than six months ago: the contraindication certainly holds.</summary>
    WithinSixMonths,
    /// <summary>Six months have passed, yet the warning stays until the oncology team lifts it: never by the calendar alone.</summary>
    UntilLifted,
    /// <summary>The oncology team lifted the warning after the last treatment.</summary>
    Lifted,
}

/// <summary>What the record shows of the warning, and from which day the oncology team may lift it.</summary>
public sealed record LiveVaccineWarningStatus(LiveVaccineWarningState State, DateOnly? TreatmentEndedOn, DateOnly? LiftableFrom, IReadOnlyList<string> Treatments)
{
    public bool Shown => State is LiveVaccineWarningState.DuringTreatment or LiveVaccineWarningState.WithinSixMonths or LiveVaccineWarningState.UntilLifted;
}

/// <summary>
/// Live vaccines during and after chemotherapy, [G] §1.4 (vaccinations): "Tous les vaccins vivants sont contre-indiqués
/// pendant et au moins 6 mois après la fin de la chimiothérapie" (HCSP recommendations for people under chemotherapy),
/// PRODUCT.md §9 → a warning on the record. "At least" six months: the calendar never lifts it, the oncology team does,
/// with who and when (<see cref="LiveVaccineWarningLift"/>); the issue extends it to the other immunosuppressive treatments.
/// </summary>
public static class LiveVaccines
{
    /// <summary>[G] §1.4: "au moins 6 mois après la fin de la chimiothérapie".</summary>
    public const int MonthsAfterEnd = 6;

    /// <summary>
    /// The PPS phases that expose the patient: chemotherapy itself; oral drugs at home, mostly oral chemotherapy
    /// (capecitabine) [G] 2.5; and targeted therapies, several of which depress immunity (mTOR inhibitors,
    /// CDK4/6 inhibitors' neutropenias) — the "other immunosuppressive treatments" the issue extends the warning to.
    /// Surgery, radiotherapy, hormone therapy and checkpoint immunotherapy do not by themselves.
    /// </summary>
    public static bool IsImmunosuppressive(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Chemotherapy or TreatmentKind.OralAtHome or TreatmentKind.Targeted => true,
        TreatmentKind.Surgery or TreatmentKind.Radiotherapy or TreatmentKind.Hormone or TreatmentKind.Immunotherapy => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The continuing treatments that expose the patient: oral targeted therapy or maintenance, for the reason above.</summary>
    public static bool IsImmunosuppressive(TreatmentClass treatmentClass) => treatmentClass == TreatmentClass.OralTargetedTherapy;

    /// <summary>
    /// The warning's state today. A lift covers the treatments started on or before its day: a treatment started
    /// later raises the warning again.
    /// </summary>
    public static LiveVaccineWarningStatus Evaluate(IEnumerable<ImmunosuppressiveExposure> exposures, DateOnly? liftedOn, DateOnly today)
    {
        var all = exposures.Where(e => e.StartedOn <= today).ToList();
        if (all.Count == 0) return new(LiveVaccineWarningState.None, null, null, []);
        var names = all.Select(e => e.What).Distinct().ToList();
        var ongoing = all.Any(e => e.EndedOn is null);
        DateOnly? ended = ongoing ? null : all.Max(e => e.EndedOn!.Value);
        DateOnly? liftable = ended?.AddMonths(MonthsAfterEnd);
        if (liftedOn is { } lifted && all.All(e => e.StartedOn <= lifted) && !ongoing)
            return new(LiveVaccineWarningState.Lifted, ended, liftable, names);
        var state = ongoing ? LiveVaccineWarningState.DuringTreatment
            : today < liftable ? LiveVaccineWarningState.WithinSixMonths
            : LiveVaccineWarningState.UntilLifted;
        return new(state, ended, liftable, names);
    }

    /// <summary>The oncology team lifts the warning only once every treatment has ended and six months have passed.</summary>
    public static void EnsureLiftable(LiveVaccineWarningStatus status)
    {
        switch (status.State)
        {
            case LiveVaccineWarningState.None or LiveVaccineWarningState.Lifted:
                throw new DomainValidationException("state", "Aucune alerte « vaccins vivants » n'est en cours sur ce dossier.");
            case LiveVaccineWarningState.DuringTreatment:
                throw new DomainValidationException("state", "Le traitement immunosuppresseur est en cours : les vaccins vivants restent contre-indiqués.");
            case LiveVaccineWarningState.WithinSixMonths:
                throw new DomainValidationException("state", $"Les vaccins vivants restent contre-indiqués au moins jusqu'au {status.LiftableFrom:dd/MM/yyyy} (6 mois après la fin du traitement).");
        }
    }
}

/// <summary>The oncology team's explicit lift of the live-vaccine warning: who, when, why.</summary>
public sealed class LiveVaccineWarningLift
{
    private LiveVaccineWarningLift() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public DateOnly LiftedOn { get; private set; }
    public Guid LiftedBy { get; private set; }
    public DateTimeOffset LiftedAt { get; private set; }
    public string? Note { get; private set; }

    public static LiveVaccineWarningLift Lift(Guid patientId, LiveVaccineWarningStatus status, string? note, Guid by, DateOnly today, DateTimeOffset now)
    {
        LiveVaccines.EnsureLiftable(status);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > 500 }) throw new DomainValidationException("note", "La note est limitée à 500 caractères.");
        return new LiveVaccineWarningLift { Id = Guid.CreateVersion7(now), PatientId = patientId, LiftedOn = today, LiftedBy = by, LiftedAt = now, Note = text };
    }
}
