using System.Text;

namespace Relais.Web.Features.FollowUp.Calendar;

/// <summary>RFC 5545 iCalendar, written by hand: all-day events, escaped text, lines folded at 75 octets, CRLF.</summary>
public static class ICalendar
{
    public sealed record VEvent(string Uid, DateOnly Day, string Summary, string Description, bool Cancelled);

    public static string Write(string calendarName, IReadOnlyList<VEvent> events, DateTimeOffset stamp)
    {
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Relais//Carnet de surveillance alternee//FR");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line($"X-WR-CALNAME:{Escape(calendarName)}");
        Line("X-WR-TIMEZONE:Europe/Paris");
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Uid}");
            Line($"DTSTAMP:{dtstamp}");
            Line($"DTSTART;VALUE=DATE:{e.Day:yyyyMMdd}");
            Line($"DTEND;VALUE=DATE:{e.Day.AddDays(1):yyyyMMdd}");
            Line($"SUMMARY:{Escape(e.Summary)}");
            Line($"DESCRIPTION:{Escape(e.Description)}");
            Line("TRANSP:TRANSPARENT");
            Line($"STATUS:{(e.Cancelled ? "CANCELLED" : "CONFIRMED")}");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Folds a content line at 75 octets (UTF-8), never inside a multi-byte character.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > (first ? 75 : 74))
            {
                sb.Append("\r\n ");
                octets = 0;
                first = false;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
