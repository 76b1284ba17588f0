using System.Globalization;

namespace Relais.Bench.Driver;

/// <summary>CPU time and peak memory of the Relais process and of the PostgreSQL processes, from /proc.</summary>
public static class Proc
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command (which may hold spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the full line, i.e. 11 and 12 after the state field.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0; // the process ended between the listing and the read
        }
    }

    /// <summary>Every process named "postgres" (the postmaster and its backends, counted with their
    /// children's time through cutime/cstime of the postmaster for those that exited).</summary>
    public static double PostgresCpuSeconds()
    {
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name, out var pid)) continue;
            try
            {
                if (File.ReadAllText($"{dir}/comm").Trim() != "postgres") continue;
                var stat = File.ReadAllText($"{dir}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var self = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                // The postmaster reaps its backends: their time lands in its cutime/cstime when they exit.
                var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var reaped = ppid == 1 || !IsPostgres(ppid) ? long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : 0;
                total += (self + reaped) / TicksPerSecond;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return total;
    }

    private static bool IsPostgres(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres"; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static long StatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    public static long MemTotalKb() =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
