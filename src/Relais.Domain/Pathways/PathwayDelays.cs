namespace Relais.Domain.Pathways;

/// <summary>An episode reached <paramref name="Phase"/> on <paramref name="Date"/>.</summary>
public sealed record PathwayMilestone(PathwayPhase Phase, DateOnly Date);

/// <summary>
/// The delay between two steps of the pathway. <see cref="Code"/> is a stable kebab-case id used
/// by the indicator dashboard; <see cref="ToDate"/> is null while the second step is not reached.
/// </summary>
public sealed record PathwayDelay(string Code, PathwayPhase From, PathwayPhase To, DateOnly? FromDate, DateOnly? ToDate)
{
    /// <summary>Calendar days from <see cref="FromDate"/> to <see cref="ToDate"/>; null while either is unknown.</summary>
    public int? Days => FromDate is { } from && ToDate is { } to ? to.DayNumber - from.DayNumber : null;
}

/// <summary>
/// The delays that are the first quality indicators of the pathway: "faire démarrer le parcours
/// dès le diagnostic de cancer et réduire les délais de prise en charge" [P]; the 3C/RRC
/// dashboard reports diagnosis → RCP, diagnosis → first treatment and RCP → PPS (PRODUCT.md §11).
/// </summary>
public static class PathwayDelays
{
    private static readonly (string Code, PathwayPhase From, PathwayPhase To)[] Measured =
    [
        ("diagnosis-to-announcement", PathwayPhase.DiagnosisConfirmed, PathwayPhase.Announcement),
        ("diagnosis-to-tumor-board", PathwayPhase.DiagnosisConfirmed, PathwayPhase.TumorBoard),
        ("diagnosis-to-first-treatment", PathwayPhase.DiagnosisConfirmed, PathwayPhase.ActiveTreatment),
        ("tumor-board-to-care-programme", PathwayPhase.TumorBoard, PathwayPhase.CareProgramme),
    ];

    /// <summary>
    /// Computes the four delays of an episode. The start of each delay is the first milestone of
    /// its phase; for the diagnosis, <paramref name="diagnosisDate"/> (the episode's date of
    /// diagnosis) stands in when no milestone records it. The end is the first milestone of the
    /// target phase on or after that start: a later return to RCP for a recurrence [G] 3.3 does
    /// not lengthen the initial delay, and an event dated before the start is not a delay.
    /// </summary>
    /// <remarks>When the start is unknown, the end is the first milestone of its phase and
    /// <see cref="PathwayDelay.Days"/> stays null.</remarks>
    public static IReadOnlyList<PathwayDelay> Compute(DateOnly? diagnosisDate, IEnumerable<PathwayMilestone> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var datesByPhase = milestones
            .GroupBy(m => m.Phase)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Date).Order().ToArray());

        DateOnly? FirstOnOrAfter(PathwayPhase phase, DateOnly? start) =>
            datesByPhase.TryGetValue(phase, out var dates)
                ? dates.Cast<DateOnly?>().FirstOrDefault(d => start is null || d >= start)
                : null;

        DateOnly? StartOf(PathwayPhase phase) =>
            FirstOnOrAfter(phase, null) ?? (phase == PathwayPhase.DiagnosisConfirmed ? diagnosisDate : null);

        return Measured
            .Select(delay =>
            {
                var fromDate = StartOf(delay.From);
                return new PathwayDelay(delay.Code, delay.From, delay.To, fromDate, FirstOnOrAfter(delay.To, fromDate));
            })
            .ToArray();
    }
}
