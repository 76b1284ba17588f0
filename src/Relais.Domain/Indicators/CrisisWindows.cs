namespace Relais.Domain.Indicators;

public enum CrisisPhase { Before, During, After }

/// <summary>One window of a crisis comparison: its phase and its days (both included).</summary>
public sealed record CrisisWindow(CrisisPhase Phase, DateOnly From, DateOnly To);

/// <summary>
/// The windows in which the indicators compare deferred care before, during and after a crisis (issue 15 point 2,
/// PRODUCT.md §10, [C]): the crisis's own days; as many days just before it; and, once it has ended, as many days just
/// after it (up to today: a window still running is shown as far as it goes). Equal lengths make the counts comparable.
/// </summary>
public static class CrisisWindows
{
    public static IReadOnlyList<CrisisWindow> Of(DateOnly started, DateOnly? ended, DateOnly today)
    {
        if (ended is { } e && e < started) throw new ArgumentException("A crisis ends after it starts.", nameof(ended));
        var last = ended is { } end && end < today ? end : today;
        if (last < started) last = started;
        var length = last.DayNumber - started.DayNumber + 1;
        var windows = new List<CrisisWindow>
        {
            new(CrisisPhase.Before, started.AddDays(-length), started.AddDays(-1)),
            new(CrisisPhase.During, started, last),
        };
        if (ended is { } over && over < today)
            windows.Add(new(CrisisPhase.After, over.AddDays(1), Min(over.AddDays(length), today)));
        return windows;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
