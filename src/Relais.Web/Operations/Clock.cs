namespace Relais.Web;

/// <summary>French wall-clock time: clinical dates are calendar days in Europe/Paris.</summary>
public sealed class Clock(TimeProvider time)
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris);

    /// <summary>The first instant of a calendar day in Paris: from then on, <see cref="Today"/> is that day.</summary>
    public static DateTimeOffset StartOfParisDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // Paris never skips midnight (its changes happen at 02:00 and 03:00), so the local midnight exists and is unique.
        return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
