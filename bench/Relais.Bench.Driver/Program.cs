using System.Diagnostics;
using System.Globalization;
using Relais.Bench.Driver;

// Relais.Bench.Driver --url http://127.0.0.1:PORT --connection <npgsql> --server-pid <pid>
//   [--runs 3] [--duration 10s] [--warmup 5s] [--concurrency 1,4,16] [--smtp-maildir DIR] [--results DIR]
//   [--commit SHA] [--password P] [--only scenario,scenario] [--dispatch 2000]
//   [--pg-log FILE]   PostgreSQL's server log (stderr), from which the SQL twins are captured (Capture.cs)
//   [--twin-dump DIR] writes each scenario's captured statements to DIR/<scenario>.sql
//   [--soak 10m --other-urls http://127.0.0.1:PORT2 --soak-marker FILE --faults-log FILE]   (the soak: Soak.cs)
//   --replica-bench ...  the read scale-out on a streaming replica (ReplicaBench.cs, bench/run.sh --replica)
if (args.Contains("--replica-bench")) return await ReplicaBench.RunAsync(args);
var options = DriverOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Relais.Bench.Driver --url http://127.0.0.1:PORT --connection <npgsql> --server-pid <pid> [--runs 3] [--duration 10s] [--warmup 5s] [--concurrency 1,4,16] [--smtp-maildir DIR] [--results DIR] [--commit SHA] [--only a,b] [--dispatch N] [--pg-log FILE]");
    return 2;
}
if (options.Soak is not null) return await new Soak(options).RunAsync();
var clock = Stopwatch.StartNew();
var bench = new Bench(options);
var report = await bench.RunAsync();
var (md, json) = await Results.WriteAsync(options, report);
Console.WriteLine();
Console.WriteLine(await File.ReadAllTextAsync(md));
Console.WriteLine($"results: {md}, {json} ({clock.Elapsed.TotalMinutes:N1} min)");
return 0;

public sealed record DriverOptions(string Url, string Connection, int ServerPid, int Runs, TimeSpan Duration, TimeSpan Warmup, int[] Concurrency,
    string? Maildir, string ResultsDir, string? Commit, string Password, HashSet<string>? Only, int Dispatch,
    TimeSpan? Soak = null, string[]? OtherUrlList = null, string? SoakMarker = null, string? FaultsLog = null, string? PgLog = null, string? TwinDump = null,
    TimeSpan? RenewAfter = null)
{
    public static DriverOptions? Parse(string[] args)
    {
        string? url = null, connection = null, maildir = null, commit = null, only = null, marker = null, faults = null, pgLog = null, twinDump = null;
        string[] others = [];
        TimeSpan? soak = null;
        var renewAfter = TimeSpan.FromMinutes(30);
        var results = "bench/results";
        var password = "Relais-Bench-2026!";
        int pid = 0, runs = 3, dispatch = 2000;
        TimeSpan duration = TimeSpan.FromSeconds(10), warmup = TimeSpan.FromSeconds(5);
        int[] concurrency = [1, 4, 16];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--url": url = v.TrimEnd('/'); break;
                case "--connection": connection = v; break;
                case "--server-pid": pid = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--duration": duration = Span(v); break;
                case "--warmup": warmup = Span(v); break;
                case "--concurrency": concurrency = [.. v.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))]; break;
                case "--smtp-maildir": maildir = v; break;
                case "--results": results = v; break;
                case "--commit": commit = v; break;
                case "--password": password = v; break;
                case "--only": only = v; break;
                case "--dispatch": dispatch = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--soak": soak = Span(v); break;
                case "--other-urls": others = [.. v.Split(',').Select(x => x.TrimEnd('/'))]; break;
                case "--soak-marker": marker = v; break;
                case "--faults-log": faults = v; break;
                case "--pg-log": pgLog = v; break;
                case "--twin-dump": twinDump = v; break;
                case "--renew-after": renewAfter = Span(v); break;
                default: return null;
            }
        }
        if (args.Length % 2 != 0 || url is null || connection is null || pid <= 0) return null;
        return new DriverOptions(url, connection, pid, Math.Max(1, runs), duration, warmup, concurrency, maildir, results, commit, password,
            only is null ? null : [.. only.Split(',')], dispatch, soak, others, marker, faults, pgLog, twinDump, renewAfter);
    }

    public string[] OtherUrls => OtherUrlList ?? [];

    private static TimeSpan Span(string v) => v.EndsWith("ms", StringComparison.Ordinal)
        ? TimeSpan.FromMilliseconds(double.Parse(v[..^2], CultureInfo.InvariantCulture))
        : v.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(v[..^1], CultureInfo.InvariantCulture))
        : v.EndsWith('m') ? TimeSpan.FromMinutes(double.Parse(v[..^1], CultureInfo.InvariantCulture))
        : TimeSpan.FromSeconds(double.Parse(v, CultureInfo.InvariantCulture));
}
