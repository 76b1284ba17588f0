using Relais.Domain.Episodes;

namespace Relais.Domain.Pathways;

/// <summary>One step of an episode's pathway: who moved it, from which phase to which, on what clinical date.</summary>
public sealed class PathwayEvent
{
    private PathwayEvent() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public PathwayPhase? From { get; private set; }
    public PathwayPhase To { get; private set; }
    /// <summary>The clinical date of the step (Europe/Paris calendar day).</summary>
    public DateOnly OccurredOn { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? Note { get; private set; }

    internal static PathwayEvent Create(CancerEpisode episode, PathwayPhase? from, PathwayPhase to, DateOnly occurredOn, Guid by, DateTimeOffset now, string? note)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > 2000 })
            throw new DomainValidationException("note", "La note est limitée à 2000 caractères.");
        return new PathwayEvent
        {
            Id = Guid.CreateVersion7(now),
            PatientId = episode.PatientId,
            EpisodeId = episode.Id,
            From = from,
            To = to,
            OccurredOn = occurredOn,
            RecordedBy = by,
            RecordedAt = now,
            Note = text,
        };
    }

    public PathwayMilestone ToMilestone() => new(To, OccurredOn);

    /// <summary>
    /// An episode's events in the order the pathway went through them: by clinical date and recording instant,
    /// and, where one use case recorded several steps at the same instant (end of treatment, then shared
    /// follow-up), each step after the one it leaves.
    /// </summary>
    public static IReadOnlyList<T> InPathwayOrder<T>(IEnumerable<T> items, Func<T, PathwayEvent> eventOf)
    {
        ArgumentNullException.ThrowIfNull(eventOf);
        var remaining = items.OrderBy(x => eventOf(x).OccurredOn).ThenBy(x => eventOf(x).RecordedAt).ToList();
        var ordered = new List<T>(remaining.Count);
        while (remaining.Count > 0)
        {
            var first = eventOf(remaining[0]);
            // Among the events tied with the first, the one that leaves the phase reached so far comes next.
            var previous = ordered.Count > 0 ? eventOf(ordered[^1]).To : (PathwayPhase?)null;
            var next = remaining.FindIndex(x => eventOf(x) is var e && e.OccurredOn == first.OccurredOn && e.RecordedAt == first.RecordedAt && e.From == previous);
            var index = next < 0 ? 0 : next;
            ordered.Add(remaining[index]);
            remaining.RemoveAt(index);
        }
        return ordered;
    }
}
