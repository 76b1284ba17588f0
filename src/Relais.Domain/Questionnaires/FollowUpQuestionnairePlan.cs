using Relais.Domain.Pathways;
using Relais.Domain.Surveillance;

namespace Relais.Domain.Questionnaires;

/// <summary>The unit of a follow-up questionnaire's period: every N weeks or every N months.</summary>
public enum PlanPeriodUnit { Weeks, Months }

/// <summary>Where the patient stands with the follow-up protocol a plan belongs to.</summary>
public enum ProtocolStanding
{
    /// <summary>An episode is at the end of treatment or in shared follow-up: the protocol lasts.</summary>
    Lasting,
    /// <summary>No episode is followed under the protocol any more (after-cancer, recurrence back to the tumor board, palliative care, lost to follow-up).</summary>
    Ended,
    /// <summary>The patient died or moved away from the care teams.</summary>
    LeftCare,
}

/// <summary>What became of a plan at a given day.</summary>
public enum PlanStatus
{
    /// <summary>Chosen, its first occurrence still ahead.</summary>
    Scheduled,
    Running,
    /// <summary>Stopped by the team.</summary>
    Stopped,
    /// <summary>Past the last day the team gave.</summary>
    Ended,
    /// <summary>The follow-up protocol ended (the patient left shared follow-up).</summary>
    ProtocolEnded,
    /// <summary>The patient died or moved away: nothing is asked of them any more.</summary>
    LeftCare,
}

/// <summary>
/// A questionnaire the team chooses for a patient in follow-up under a surveillance protocol, to answer at a regular
/// period (every N weeks or months) from a day, until a day or while the protocol lasts: e.g. the warning signs of the
/// patient's cancer every three months, or ESAS-r every month. The rule, from its <see cref="Source"/>:
/// <list type="bullet">
/// <item>occurrence n is due on <c>StartsOn + (n − 1) × period</c> (months counted from the start each time, as the
/// carnet's months are counted from J0), none after <see cref="EndsOn"/>;</item>
/// <item>an occurrence is answered by an answer to that questionnaire given from <see cref="EarlyDays"/> days before
/// its due day (never before the previous occurrence was due, nor before the plan was chosen);</item>
/// <item>unanswered the day after its due day, the patient is reminded, once per occurrence; there is no hospital call
/// list: after the hand-over to the GP, only reminders;</item>
/// <item>stopping the plan, the end of the protocol (no episode at the end of treatment or in shared follow-up) or the
/// patient's death or move away stops everything: nothing is due and nothing is reminded.</item>
/// </list>
/// </summary>
public sealed class FollowUpQuestionnairePlan
{
    private FollowUpQuestionnairePlan() { }

    public const string Source =
        "Issue 14, point 2 : « un questionnaire est assigné par phase de traitement, par protocole de suivi quand l'équipe le choisit, ou envoyé une fois ; "
        + "le patient reçoit un rappel […] ; après le relais au médecin traitant, seulement des rappels — pas de liste d'appels hospitalière » ; "
        + "point 3 : « rappels et questionnaires s'arrêtent quand le patient décède ».";

    public const int MaxEveryWeeks = 52;
    public const int MaxEveryMonths = 24;
    /// <summary>The first occurrence is at most a year ahead.</summary>
    public const int MaxStartDaysAhead = 365;
    /// <summary>An occurrence may be answered up to a week before its due day.</summary>
    public const int EarlyDays = 7;
    public const int RemindAfterDays = QuestionnaireSchedule.RemindAfterDays;

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    /// <summary>The patient's follow-up enrolment (protocol, version) the plan was chosen under.</summary>
    public Guid EnrolmentId { get; private set; }
    public string ProtocolCode { get; private set; } = "";
    public int ProtocolVersion { get; private set; }
    public string QuestionnaireCode { get; private set; } = "";
    public int Every { get; private set; }
    public PlanPeriodUnit Unit { get; private set; }
    /// <summary>The first occurrence's due day.</summary>
    public DateOnly StartsOn { get; private set; }
    /// <summary>The last day an occurrence may fall on; null: while the protocol lasts.</summary>
    public DateOnly? EndsOn { get; private set; }
    public Guid ChosenBy { get; private set; }
    public DateTimeOffset ChosenAt { get; private set; }
    /// <summary>The day it was chosen (Paris): an answer given before does not answer it.</summary>
    public DateOnly ChosenOn { get; private set; }
    public Guid? StoppedBy { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }

    public static FollowUpQuestionnairePlan Choose(Guid patientId, Enrolment enrolment, string questionnaireCode, int? every, PlanPeriodUnit? unit,
        DateOnly? startsOn, DateOnly? endsOn, Guid by, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (string.IsNullOrWhiteSpace(questionnaireCode)) throw new DomainValidationException("questionnaire", "Choisissez le questionnaire.");
        if (unit is not { } u || !Enum.IsDefined(u)) throw new DomainValidationException("unit", "Indiquez l'unité de la période : semaines ou mois.");
        var max = u == PlanPeriodUnit.Weeks ? MaxEveryWeeks : MaxEveryMonths;
        if (every is not { } n || n < 1 || n > max)
            throw new DomainValidationException("every", u == PlanPeriodUnit.Weeks
                ? $"La période est un nombre de semaines entre 1 et {MaxEveryWeeks}."
                : $"La période est un nombre de mois entre 1 et {MaxEveryMonths}.");
        var start = startsOn ?? today;
        if (start < today) throw new DomainValidationException("startsOn", "Le premier questionnaire ne peut pas être dans le passé.");
        if (start > today.AddDays(MaxStartDaysAhead)) throw new DomainValidationException("startsOn", $"Le premier questionnaire est au plus dans {MaxStartDaysAhead} jours.");
        if (start < enrolment.TreatmentEnd) throw new DomainValidationException("startsOn", "Le premier questionnaire se place après la fin du traitement actif (J0).");
        if (endsOn is { } end && end < start) throw new DomainValidationException("endsOn", "La fin précède le premier questionnaire.");
        return new FollowUpQuestionnairePlan
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            EnrolmentId = enrolment.Id,
            ProtocolCode = enrolment.ProtocolCode,
            ProtocolVersion = enrolment.ProtocolVersion,
            QuestionnaireCode = questionnaireCode.Trim(),
            Every = n,
            Unit = u,
            StartsOn = start,
            EndsOn = endsOn,
            ChosenBy = by,
            ChosenAt = now,
            ChosenOn = today,
        };
    }

    /// <summary>The same choice again (a repeated submission): it changes nothing.</summary>
    public bool IsSameChoice(string questionnaireCode, int? every, PlanPeriodUnit? unit, DateOnly? startsOn, DateOnly? endsOn) =>
        QuestionnaireCode == questionnaireCode.Trim() && Every == every && Unit == unit && (startsOn is null || startsOn == StartsOn) && EndsOn == endsOn;

    /// <summary>The team stops the plan; stopping it again changes nothing.</summary>
    public void Stop(Guid by, DateTimeOffset now)
    {
        if (StoppedAt is not null) return;
        StoppedAt = now;
        StoppedBy = by;
    }

    /// <summary>The protocol lasts while an episode is at the end of treatment or in shared follow-up, and the patient is still in care.</summary>
    public static ProtocolStanding StandingOf(IEnumerable<PathwayPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var list = phases.ToList();
        if (list.Any(PathwayTransitions.HasLeftCare)) return ProtocolStanding.LeftCare;
        return list.Any(p => p is PathwayPhase.EndOfTreatment or PathwayPhase.SharedFollowUp) ? ProtocolStanding.Lasting : ProtocolStanding.Ended;
    }

    /// <summary>The due day of occurrence <paramref name="occurrence"/> (1 for the first; 0 is one period before the first).</summary>
    public DateOnly DueOn(int occurrence) => Unit == PlanPeriodUnit.Weeks
        ? StartsOn.AddDays(7 * Every * (occurrence - 1))
        : StartsOn.AddMonths(Every * (occurrence - 1));

    public PlanStatus Status(DateOnly today, ProtocolStanding standing) =>
        standing == ProtocolStanding.LeftCare ? PlanStatus.LeftCare
        : StoppedAt is not null ? PlanStatus.Stopped
        : standing == ProtocolStanding.Ended ? PlanStatus.ProtocolEnded
        : EndsOn is { } end && today > end ? PlanStatus.Ended
        : today < StartsOn ? PlanStatus.Scheduled
        : PlanStatus.Running;

    /// <summary>The latest occurrence due on or before <paramref name="today"/>, none after the last day; null before the first.</summary>
    public (int Occurrence, DateOnly Due)? CurrentDue(DateOnly today)
    {
        var last = EndsOn is { } end && end < today ? end : today;
        if (last < StartsOn) return null;
        var n = Unit == PlanPeriodUnit.Weeks
            ? (last.DayNumber - StartsOn.DayNumber) / (7 * Every) + 1
            : ((last.Year - StartsOn.Year) * 12 + last.Month - StartsOn.Month) / Every + 1;
        while (n > 1 && DueOn(n) > last) n--;
        return (n, DueOn(n));
    }

    /// <summary>The first day an answer counts for <paramref name="occurrence"/>.</summary>
    public DateOnly AnswerableFrom(int occurrence)
    {
        var from = DueOn(occurrence).AddDays(-EarlyDays);
        var afterPrevious = DueOn(occurrence - 1).AddDays(1);
        if (afterPrevious > from) from = afterPrevious;
        return ChosenOn > from ? ChosenOn : from;
    }

    /// <summary>
    /// The current occurrence waits for the patient's answer (what the portal and the home page show as "to answer"):
    /// the plan runs, an occurrence is due, and the patient's last answer to the questionnaire came before it could count.
    /// </summary>
    public bool IsDue(DateOnly today, DateOnly? lastAnswered, ProtocolStanding standing)
    {
        if (Status(today, standing) is not (PlanStatus.Running or PlanStatus.Ended) || CurrentDue(today) is not { } current) return false;
        // Past the last day the team gave, only the last occurrence may still wait, until the next period would have come.
        if (EndsOn is { } end && today > end && today >= DueOn(current.Occurrence + 1)) return false;
        return lastAnswered is not { } answered || answered < AnswerableFrom(current.Occurrence);
    }

    /// <summary>
    /// The state of the current occurrence: a reminder the day after its due day; never the call list — after the
    /// hand-over to the GP, only reminders (<see cref="Source"/>).
    /// </summary>
    public ScheduleState State(DateOnly today, DateOnly? lastAnswered, ProtocolStanding standing)
    {
        if (!IsDue(today, lastAnswered, standing) || CurrentDue(today) is not { } current) return ScheduleState.UpToDate;
        return today.DayNumber - current.Due.DayNumber >= RemindAfterDays ? ScheduleState.Remind : ScheduleState.UpToDate;
    }
}
