using Relais.Domain.Announcements;
using Relais.Domain.Continuity;
using Relais.Domain.Coordination;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Surveillance;
using ReferralStatus = Relais.Domain.SupportiveCare.ReferralStatus;
using Relais.Domain.TumorBoards;

namespace Relais.Domain.Indicators;

/// <summary>What the announcement record of an episode says, as the indicators read it.</summary>
public sealed record AnnouncementFacts(bool MedicalTimeDone, bool FertilityInformed, TobaccoStatus Tobacco, bool CessationOffered, bool EpicesScored);

/// <summary>
/// What the indicators read of one cancer episode. The birth date and sex only place the patient in an age band (over 75,
/// reproductive age): neither leaves the computation.
/// </summary>
public sealed record EpisodeFacts(
    Guid? Hospital, DateOnly? DiagnosisDate, DateOnly BirthDate, Sex Sex, IReadOnlyList<PathwayMilestone> Milestones,
    AnnouncementFacts? Announcement, DateOnly? FirstG8On, bool CareProgrammeHandedOver, DateOnly? FirstAfterCancerProgrammeOn, bool OrientedToSupportiveCare);

/// <summary>One transmission to one recipient, as the coordination loop reads it.</summary>
public sealed record RecipientFacts(
    Guid? Hospital, ObligationCode Obligation, RecipientKinds Kind, DateTimeOffset CreatedAt, DateTimeOffset DueAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? AcknowledgedAt);

/// <summary>One item of a follow-up carnet.</summary>
public sealed record CarnetFacts(Guid? Hospital, DateOnly Due, CarnetItemStatus Status, DateOnly? DoneOn, bool HasResult);

/// <summary>
/// One decision to defer care: when it was taken, its priority and "until", the date the care was due, and — once
/// re-scheduled — the day the new date was fixed and that new date.
/// </summary>
public sealed record DeferralFacts(Guid? Hospital, DateOnly DecidedOn, DeferralPriority Priority, DateOnly? Until, DateOnly OriginalDate,
    DateOnly? RescheduledDay, DateOnly? RescheduledOn);

/// <summary>One supportive-care referral.</summary>
public sealed record ReferralFacts(Guid? Hospital, DateOnly ProposedOn, ReferralStatus Status);

/// <summary>
/// One case counted by an indicator: placed in the period and its month by <see cref="Anchor"/>, in the numerator when
/// <see cref="Met"/>, with the delay measured for a delay indicator. A case whose outcome is only known at a moment —
/// an obligation once due, a carnet item once its window has closed — counts from <see cref="CountsFrom"/> (null: at
/// once), so that an observation stays true as time passes and can be kept (<see cref="Count"/> is how many identical
/// cases it stands for: 1 for one case, more in a pre-aggregated answer).
/// </summary>
public sealed record IndicatorObservation(string Code, DateOnly Anchor, Guid? Hospital, bool Met, double? Measure = null, DateTimeOffset? CountsFrom = null, int Count = 1)
{
    /// <summary>Whether the case is counted at <paramref name="now"/>.</summary>
    public bool CountsAt(DateTimeOffset now) => CountsFrom is not { } start || start <= now;
}

/// <summary>
/// How each indicator of <see cref="IndicatorCatalogue"/> counts a case: one function per kind of fact, each line the
/// definition the dashboard shows. The delays between phases are <see cref="PathwayDelays"/>'s.
/// </summary>
public static class IndicatorRules
{
    /// <summary>
    /// The version of these rules: kept cases computed with another version are computed again. Change it with any
    /// rule of this class or of the catalogue that changes which cases are counted, or how.
    /// </summary>
    public const int Version = 3;

    /// <summary>The target of a delay indicator: the region's setting, else the catalogue's default.</summary>
    public static int Target(IndicatorDefinition definition, IReadOnlyDictionary<string, int>? targets) =>
        targets is not null && targets.TryGetValue(definition.Code, out var t) ? t : definition.DefaultTarget ?? 0;

    public static IEnumerable<IndicatorObservation> Observe(EpisodeFacts e, IReadOnlyDictionary<string, int>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var delays = PathwayDelays.Compute(e.DiagnosisDate, e.Milestones).ToDictionary(d => d.Code);
        var diagnosis = delays["diagnosis-to-tumor-board"].FromDate;
        var tumorBoard = e.Milestones.Where(m => m.Phase == PathwayPhase.TumorBoard).Select(m => (DateOnly?)m.Date).Min();
        var treatment = delays["diagnosis-to-first-treatment"].ToDate ?? First(e, PathwayPhase.ActiveTreatment);
        var endOfTreatment = First(e, PathwayPhase.EndOfTreatment);

        IndicatorObservation? Delay(string code, DateOnly? from, DateOnly? to)
        {
            if (from is not { } start || to is not { } end || end < start) return null;
            var days = end.DayNumber - start.DayNumber;
            return new(code, start, e.Hospital, days <= Target(IndicatorCatalogue.Get(code), targets), days);
        }

        var observations = new List<IndicatorObservation?>
        {
            Delay("diagnosis-to-tumor-board", diagnosis, delays["diagnosis-to-tumor-board"].ToDate),
            Delay("diagnosis-to-first-treatment", diagnosis, delays["diagnosis-to-first-treatment"].ToDate),
            Delay("tumor-board-to-care-programme", delays["tumor-board-to-care-programme"].FromDate, delays["tumor-board-to-care-programme"].ToDate),
            Delay("end-of-treatment-to-ppac", endOfTreatment, e.FirstAfterCancerProgrammeOn),
        };
        if (diagnosis is { } d)
        {
            observations.Add(new("announcement-done", d, e.Hospital, e.Announcement?.MedicalTimeDone == true || First(e, PathwayPhase.Announcement) is not null));
            observations.Add(new("supportive-care-oriented", d, e.Hospital, e.OrientedToSupportiveCare));
            if (e.Announcement is { } a)
            {
                // [G] 4: reproductive age by sex, at the diagnosis (the age the announcement informs at).
                if (FertilityAgeBounds.For(e.Sex).Contains(Patient.AgeOn(e.BirthDate, d)))
                    observations.Add(new("fertility-information", d, e.Hospital, a.FertilityInformed));
                if (a.Tobacco == TobaccoStatus.Current)
                    observations.Add(new("tobacco-cessation-offered", d, e.Hospital, a.CessationOffered));
                observations.Add(new("social-fragility-screened", d, e.Hospital, a.EpicesScored));
            }
        }
        if (treatment is { } t)
        {
            observations.Add(new("care-programme-delivered", t, e.Hospital, e.CareProgrammeHandedOver));
            observations.Add(new("tumor-board-before-treatment", t, e.Hospital, tumorBoard is { } rcp && rcp <= t));
        }
        if (tumorBoard is { } board && G8.Required(Patient.AgeOn(e.BirthDate, board)))
            observations.Add(new("g8-before-tumor-board", board, e.Hospital, e.FirstG8On is { } g8 && g8 <= board));
        if (endOfTreatment is { } end)
            observations.Add(new("ppac-at-end-of-treatment", end, e.Hospital, e.FirstAfterCancerProgrammeOn is not null));
        return observations.OfType<IndicatorObservation>();
    }

    /// <summary>
    /// A transmission to a professional counts for its obligation's on-time share ([G]: each "coordination ville-hôpital"
    /// box): met when acknowledged by its due time, counted from that due time (an obligation not yet due is not late).
    /// The patient's copy is not acknowledged as an obligation (the caller leaves out escalation copies: the same
    /// transmission again). A GP's copy also gives the delays of delivery and of acknowledgement.
    /// </summary>
    public static IEnumerable<IndicatorObservation> Observe(RecipientFacts r, Func<DateTimeOffset, DateOnly> toDate, IReadOnlyDictionary<string, int>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(toDate);
        if (r.Kind == RecipientKinds.Patient) yield break;
        yield return new(IndicatorCatalogue.OnTimeCode(r.Obligation), toDate(r.DueAt), r.Hospital, r.AcknowledgedAt is { } ack && ack <= r.DueAt, CountsFrom: r.DueAt);
        if (r.Kind != RecipientKinds.GeneralPractitioner) yield break;
        if (r.DeliveredAt is { } delivered)
        {
            var hours = (delivered - r.CreatedAt).TotalHours;
            yield return new("gp-delivery-delay", toDate(r.CreatedAt), r.Hospital, hours <= Target(IndicatorCatalogue.Get("gp-delivery-delay"), targets), Distribution.KeptHours(hours));
            if (r.AcknowledgedAt is { } acknowledged && acknowledged >= delivered)
            {
                var ackHours = (acknowledged - delivered).TotalHours;
                yield return new("gp-acknowledgement-delay", toDate(delivered), r.Hospital, ackHours <= Target(IndicatorCatalogue.Get("gp-acknowledgement-delay"), targets), Distribution.KeptHours(ackHours));
            }
        }
    }

    /// <summary>
    /// A carnet item counts once its window is closed — from the day after its due date plus the overdue tolerance
    /// (<paramref name="startOfDay"/> gives that day's first instant where the patient lives) —: met when done within it
    /// and closed by a result or a report — a click alone does not count [B]. A cancelled item is not counted.
    /// </summary>
    public static IndicatorObservation? Observe(CarnetFacts c, int overdueDays, Func<DateOnly, DateTimeOffset> startOfDay)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(startOfDay);
        if (c.Status == CarnetItemStatus.Cancelled) return null;
        var closes = c.Due.AddDays(overdueDays);
        return new("follow-up-items-on-time", c.Due, c.Hospital, c.Status == CarnetItemStatus.Done && c.DoneOn is { } done && done <= closes && c.HasResult,
            CountsFrom: startOfDay(closes.AddDays(1)));
    }

    public static IndicatorObservation Observe(ReferralFacts r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new("supportive-care-renounced", r.ProposedOn, r.Hospital, r.Status == ReferralStatus.Renounced);
    }

    /// <summary>
    /// A deferral counts at once for the share of high priority; for the share re-scheduled in time once its outcome is
    /// known — when it gets its new date, or from the day after its deadline (<see cref="DeferralPriorities.Deadline"/>)
    /// while it still waits —; for the postponement (new date − date first planned, never negative) once re-scheduled.
    /// </summary>
    public static IEnumerable<IndicatorObservation> Observe(DeferralFacts d, Func<DateOnly, DateTimeOffset> startOfDay, IReadOnlyDictionary<string, int>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(startOfDay);
        yield return new("deferral-high-priority", d.DecidedOn, d.Hospital, d.Priority == DeferralPriority.High);
        var deadline = DeferralPriorities.Deadline(d.Priority, d.DecidedOn, d.Until);
        if (d.RescheduledDay is { } fixedOn)
            yield return new("deferral-rescheduled-in-time", d.DecidedOn, d.Hospital, fixedOn <= deadline);
        else
            yield return new("deferral-rescheduled-in-time", d.DecidedOn, d.Hospital, false, CountsFrom: startOfDay(deadline.AddDays(1)));
        if (d.RescheduledOn is { } newDate)
        {
            var days = Math.Max(0, newDate.DayNumber - d.OriginalDate.DayNumber);
            yield return new("deferral-postponement", d.DecidedOn, d.Hospital, days <= Target(IndicatorCatalogue.Get("deferral-postponement"), targets), days);
        }
    }

    private static DateOnly? First(EpisodeFacts e, PathwayPhase phase) =>
        e.Milestones.Where(m => m.Phase == phase).Select(m => (DateOnly?)m.Date).Min();
}
