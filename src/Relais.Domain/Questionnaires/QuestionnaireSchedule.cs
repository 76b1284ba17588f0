using Relais.Domain.Pathways;

namespace Relais.Domain.Questionnaires;

/// <summary>Where a patient stands with the questionnaire assigned to the current phase.</summary>
public enum ScheduleState
{
    /// <summary>Nothing is assigned, or the current occurrence is answered or not yet due.</summary>
    UpToDate,
    /// <summary>Due and unanswered: the patient is reminded.</summary>
    Remind,
    /// <summary>Still unanswered after the reminder during active treatment: the patient goes on the nurse coordinator's call list.</summary>
    CallList,
}

/// <summary>
/// The questionnaire a treatment phase assigns: during active treatment (chemotherapy or oral treatment) the toxicity
/// questionnaire every week, as in the trials that showed the benefit (Basch, JAMA 2017: weekly reports). A week not
/// answered is reminded the day after it was due; still unanswered a day after the reminder, the patient is called by
/// the nurse coordinator. After the hand-over to the GP (shared follow-up) there is no hospital call list.
/// </summary>
public static class QuestionnaireSchedule
{
    public const int EveryDays = 7;
    public const int RemindAfterDays = 1;
    public const int CallListAfterDays = 2;

    /// <summary>The questionnaire the phase assigns weekly, if any.</summary>
    public static string? Assigned(PathwayPhase phase) => phase == PathwayPhase.ActiveTreatment ? ToxicityQuestionnaire.Code : null;

    /// <summary>The latest occurrence due on or before <paramref name="today"/> (the first a week after the phase began), with its number (1 for the first).</summary>
    public static (int Occurrence, DateOnly Due)? CurrentDue(DateOnly phaseSince, DateOnly today)
    {
        var days = today.DayNumber - phaseSince.DayNumber;
        if (days < EveryDays) return null;
        var occurrence = days / EveryDays;
        return (occurrence, phaseSince.AddDays(occurrence * EveryDays));
    }

    /// <summary>
    /// The state of the current occurrence: answered when an answer came after the previous occurrence was due (the
    /// week's answer may come early in the week).
    /// </summary>
    /// <summary>
    /// The current occurrence is due and not answered yet (from its due day on: what the patient's home page shows as
    /// "to answer", before any reminder).
    /// </summary>
    public static bool IsDue(PathwayPhase phase, DateOnly phaseSince, DateOnly? lastAnswered, DateOnly today)
    {
        if (Assigned(phase) is null || CurrentDue(phaseSince, today) is not { } current) return false;
        var windowStart = current.Due.AddDays(-EveryDays);
        return lastAnswered is not { } answered || answered <= windowStart;
    }

    public static ScheduleState State(PathwayPhase phase, DateOnly phaseSince, DateOnly? lastAnswered, DateOnly today)
    {
        if (!IsDue(phase, phaseSince, lastAnswered, today) || CurrentDue(phaseSince, today) is not { } current) return ScheduleState.UpToDate;
        var late = today.DayNumber - current.Due.DayNumber;
        return late >= CallListAfterDays && phase == PathwayPhase.ActiveTreatment ? ScheduleState.CallList
            : late >= RemindAfterDays ? ScheduleState.Remind
            : ScheduleState.UpToDate;
    }
}
