using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Relais.Bench.Driver;

/// <summary>Writes bench/results/&lt;yyyy-MM-dd-HHmm&gt;-&lt;commit&gt;.md and .json: machine, commit, data size, figures, budgets.</summary>
public static class Results
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Budget(string What, string Target, double? Measured, string Unit, bool? Met);

    public static async Task<(string Markdown, string Json)> WriteAsync(DriverOptions options, Report report)
    {
        var commit = options.Commit ?? Git("rev-parse HEAD") ?? "unknown";
        var shortCommit = commit.Length >= 7 ? commit[..7] : commit;
        var nproc = Environment.ProcessorCount;
        var memKb = Proc.MemTotalKb();
        var cpu = Proc.CpuModel();
        var budgets = Budgets(report);
        var inv = CultureInfo.InvariantCulture;

        var md = new StringBuilder();
        md.AppendLine(inv, $"# Relais benchmark — {report.At:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(inv, $"- commit `{commit}`");
        md.AppendLine(inv, $"- machine: {nproc} CPUs ({cpu}), {memKb / 1024 / 1024.0:N1} GiB RAM, {Environment.OSVersion}");
        md.AppendLine(inv, $"- data: {report.Patients:N0} patients (bench/Relais.Bench.Generator)");
        md.AppendLine(inv, $"- method: {options.Runs} runs of {options.Duration.TotalSeconds:N0} s per scenario and concurrency after a {options.Warmup.TotalSeconds:N0} s warm-up; one logged-in HttpClient per virtual user (the 16 GPs with the most enrolled patients; nurse coordinators for the team worklist); latencies over all runs, throughput = median run; CPU from /proc/<pid>/stat of the Relais process and of every `postgres` process");
        md.AppendLine();
        md.AppendLine("## Budgets");
        md.AppendLine();
        md.AppendLine("| budget | target | measured | met |");
        md.AppendLine("|---|---|---|---|");
        foreach (var b in budgets)
            md.AppendLine(inv, $"| {b.What} | {b.Target} | {(b.Measured is { } m ? $"{m:N1} {b.Unit}" : "n/a")} | {(b.Met is null ? "n/a" : b.Met.Value ? "yes" : "**no**")} |");
        md.AppendLine();
        md.AppendLine("## Scenarios");
        md.AppendLine();
        md.AppendLine("| scenario | concurrency | ops/s | p50 ms | p95 ms | p99 ms | server CPU s / 1,000 ops | DB CPU s / 1,000 ops | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in report.Measures)
            md.AppendLine(inv, $"| {m.Scenario} | {m.Concurrency} | {m.Throughput:N1} | {m.P50:N2} | {m.P95:N2} | {m.P99:N2} | {m.ServerCpuPer1000:N2} | {m.DbCpuPer1000:N2} | {m.Errors} |");
        md.AppendLine();
        md.AppendLine("## The same question in SQL (the statements Relais sent, replayed on one Npgsql connection)");
        md.AppendLine();
        md.AppendLine("Each twin is what Relais itself sent to PostgreSQL for one request of the scenario — the access rule, the audit inserts, " +
            "the paging — captured from the server's log (`log_statement = 'all'` while capturing) for " +
            "several requests (users in turn), then replayed on one connection with the same parameters, auto-prepared as Relais's " +
            "statements are, in a transaction rolled back when the sequence writes (fresh keys for the rows it inserts); SQL p50 is the " +
            "whole sequence's. Budget (issue 18 point 2): API p50 ≤ 1.5 × SQL p50, or SQL + 2 ms where SQL is under 4 ms.");
        md.AppendLine();
        md.AppendLine("| scenario | API p50 ms (lowest concurrency) | SQL p50 ms | API / SQL | statements | writes | pooled-connection resets | replays | budget |");
        md.AppendLine("|---|---:|---:|---:|---:|:-:|---:|---:|:-:|");
        foreach (var t in report.Twins)
            md.AppendLine(inv, $"| {t.Scenario} | {t.ApiP50:N2} | {t.SqlP50:N2} | {t.Ratio:N1}× | {t.Statements}{(t.MinStatements != t.MaxStatements ? $" ({t.MinStatements}–{t.MaxStatements})" : "")} | {(t.Writes ? "yes" : "no")} | {t.Resets} | {t.Replays} | {(t.Met ? "met" : "**no**")} |");
        md.AppendLine();
        md.AppendLine("## Writes");
        md.AppendLine();
        md.AppendLine(inv, $"- dispatcher: {report.DispatchNote}");
        foreach (var n in report.Notes) md.AppendLine(inv, $"- {n}");
        md.AppendLine(inv, $"- server peak memory (VmHWM): {report.ServerPeakKb / 1024.0:N0} MiB");

        Directory.CreateDirectory(options.ResultsDir);
        var stem = Path.Combine(options.ResultsDir, $"{report.At:yyyy-MM-dd-HHmm}-{shortCommit}");
        await File.WriteAllTextAsync(stem + ".md", md.ToString());
        var json = JsonSerializer.Serialize(new
        {
            report.At, commit, machine = new { nproc, memTotalKb = memKb, cpu, os = Environment.OSVersion.ToString() },
            report.Patients, options = new { options.Runs, duration = options.Duration.TotalSeconds, warmup = options.Warmup.TotalSeconds, options.Concurrency },
            report.Measures, report.Twins, report.DispatchPerSecond, report.DispatchNote, report.BurstIngestPerSecond, report.BatchIngestPerSecond, report.ServerPeakKb, report.Notes, budgets,
        }, Indented);
        await File.WriteAllTextAsync(stem + ".json", json);
        return (stem + ".md", stem + ".json");
    }

    private static readonly (string Scenario, string Label, string Issue)[] WorklistsOfLaterIssues =
    [
        ("triage", "triage worklist", "issue 14"), ("rescheduling", "re-scheduling worklist", "issue 15"), ("steps-gp", "GP's administrative steps", "issue 15"),
        ("steps-nurse", "hospital team's administrative steps", "issue 15"), ("expertise", "expertise worklist", "issue 16"),
    ];

    private static List<Budget> Budgets(Report r)
    {
        Measure? At(string s, int c) => r.Measures.FirstOrDefault(m => m.Scenario == s && m.Concurrency == c);
        var worklist = At("worklist", 4)?.P95;
        var inbox = At("inbox", 4)?.P95;
        var page = At("patient-page", 4)?.P95;
        var outreach = At("outreach", 4)?.P95;
        var directory = At("directory-search", 4)?.P95;
        var ingest = new[] { r.BurstIngestPerSecond ?? 0, r.BatchIngestPerSecond ?? 0 }.Concat(r.Measures.Where(m => m.Scenario == "marker-ingest").Select(m => m.Throughput)).Max();
        var memory = r.ServerPeakKb / 1024.0;
        var indicators = r.Measures.Where(m => m.Scenario.StartsWith("indicators-", StringComparison.Ordinal)).ToList();
        var twins = r.Twins.Where(t => !t.Scenario.StartsWith("indicators-", StringComparison.Ordinal) && t.Scenario != "marker-ingest").ToList();
        var twinsMet = twins.Count(t => t.Met);
        return
        [
            new($"list and page scenarios within their twin (API p50 ≤ 1.5 × SQL p50, or SQL + 2 ms under 4 ms; issue 18 point 2): {twinsMet} of {twins.Count}" +
                (twins.Any(t => !t.Met) ? $", not: {string.Join(", ", twins.Where(t => !t.Met).Select(t => $"{t.Scenario} {t.Ratio:N1}×"))}" : ""),
                "all", twins.Count == 0 ? null : twinsMet, "met", twins.Count == 0 ? null : twinsMet == twins.Count),
            .. indicators.Select(m => new Budget($"indicators p95, filter {m.Scenario["indicators-".Length..]}, concurrency 1 (issue 15)", "< 500 ms", m.P95, "ms", m.P95 < 500)),
            new("GP worklist p95 at concurrency 4", "< 20 ms", worklist, "ms", worklist is { } w ? w < 20 : null),
            new("GP inbox p95 at concurrency 4", "< 20 ms", inbox, "ms", inbox is { } i ? i < 20 : null),
            new("patient summary page p95 at concurrency 4", "< 50 ms", page, "ms", page is { } p ? p < 50 : null),
            new("outreach worklist p95 at concurrency 4 (issue 13; a worklist, as the GP's)", "< 20 ms", outreach, "ms", outreach is { } o ? o < 20 : null),
            new("supportive-care directory search p95 at concurrency 4 (issue 13)", "< 20 ms", directory, "ms", directory is { } ds ? ds < 20 : null),
            .. WorklistsOfLaterIssues.Select(s => (s, At(s.Scenario, 4)?.P95))
                .Select(x => new Budget($"{x.s.Label} p95 at concurrency 4 ({x.s.Issue}; a worklist)", "< 20 ms", x.P95, "ms", x.P95 is { } v ? v < 20 : null)),
            new("marker results ingested with their rules (best of single at c=1/4/16, single burst, laboratory-feed batches)", "≥ 5,000 /s", ingest > 0 ? ingest : null, "/s", ingest > 0 ? ingest >= 5000 : null),
            new("e-mails through the dispatcher to the local sink", "≥ 500 /s", r.DispatchPerSecond, "/s", r.DispatchPerSecond is { } d ? d >= 500 : null),
            new("server peak memory (VmHWM)", "< 1 GB", memory, "MiB", memory > 0 ? memory < 1024 : null),
        ];
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is null) return null;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
