using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Relais.Bench.Driver;

/// <summary>
/// The read scale-out measure of issue 18 point 4 (<c>bench/run.sh N --replica</c>): the reads that name no patient — the
/// 3C/DSRC indicators and the supportive-care directory search — measured in requests/s at a few concurrencies against each
/// phase <c>bench/run.sh</c> started: one Relais on the primary alone, one Relais reading from the streaming replica, and
/// two Relais reading from the replica behind a local balancer. Besides the latencies: the CPU of the Relais processes of the
/// phase, of the primary cluster and of the replica cluster (each cluster's postmaster and its backends, from /proc), and the
/// replica's lag sampled from the primary's <c>pg_stat_replication</c> during the runs.
/// <para>
/// Relais.Bench.Driver --replica-bench --connection PRIMARY --replica-connection REPLICA --primary-pg PID --replica-pg PID
///   --phase "label|url|pid[,pid]" (repeated) [--concurrency 1,4,16] [--duration 5s] [--warmup 2s] [--results DIR]
///   [--commit SHA] [--password P] [--note TEXT] (repeated)
/// </para>
/// </summary>
public sealed class ReplicaBench
{
    private sealed record Phase(string Label, string Url, int[] ServerPids);

    private sealed record Scenario(string Name, string Role, string Path);

    private sealed record Row(string Phase, string Scenario, int Concurrency, long Ops, long Errors, double Seconds, double Throughput, double P50, double P95,
        double ServerCpuPer1000, double PrimaryCpuPer1000, double ReplicaCpuPer1000, long MaxLagBytes, double? MaxReplayLagMs);

    private sealed record User(string Email, Guid Id, string Role, string Token);

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly string[] Services = ["psychology", "dietetics", "adapted-physical-activity", "pain", "social-work"];

    private readonly List<Phase> phases = [];
    private readonly List<string> notes = [];
    private string primary = "", replica = "", resultsDir = "bench/results", password = "Relais-Bench-2026!";
    private string? commit;
    private int primaryPg, replicaPg;
    private int[] concurrency = [1, 4, 16];
    private TimeSpan duration = TimeSpan.FromSeconds(5), warmup = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var bench = new ReplicaBench();
        if (!bench.Parse(args))
        {
            Console.Error.WriteLine("usage: Relais.Bench.Driver --replica-bench --connection PRIMARY --replica-connection REPLICA --primary-pg PID --replica-pg PID " +
                "--phase \"label|url|pid[,pid]\"... [--concurrency 1,4,16] [--duration 5s] [--warmup 2s] [--results DIR] [--commit SHA] [--note TEXT]...");
            return 2;
        }
        return await bench.RunAsync();
    }

    private bool Parse(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var rest = args.Where(a => a != "--replica-bench").ToArray();
        if (rest.Length % 2 != 0) return false;
        for (var i = 0; i < rest.Length; i += 2)
        {
            var v = rest[i + 1];
            switch (rest[i])
            {
                case "--connection": primary = v; break;
                case "--replica-connection": replica = v; break;
                case "--primary-pg": primaryPg = int.Parse(v, inv); break;
                case "--replica-pg": replicaPg = int.Parse(v, inv); break;
                case "--phase":
                    var parts = v.Split('|');
                    if (parts.Length != 3) return false;
                    phases.Add(new Phase(parts[0], parts[1].TrimEnd('/'), [.. parts[2].Split(',').Select(p => int.Parse(p, inv))]));
                    break;
                case "--concurrency": concurrency = [.. v.Split(',').Select(x => int.Parse(x, inv))]; break;
                case "--duration": duration = Seconds(v); break;
                case "--warmup": warmup = Seconds(v); break;
                case "--results": resultsDir = v; break;
                case "--commit": commit = v; break;
                case "--password": password = v; break;
                case "--note": notes.Add(v); break;
                default: return false;
            }
        }
        return primary.Length > 0 && replica.Length > 0 && primaryPg > 0 && replicaPg > 0 && phases.Count > 0;
    }

    private static TimeSpan Seconds(string v) => TimeSpan.FromSeconds(double.Parse(v.TrimEnd('s'), CultureInfo.InvariantCulture));

    private async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(primary) { ApplicationName = "relais-bench-replica" }.ConnectionString);
        await using var standby = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(replica) { ApplicationName = "relais-bench-replica" }.ConnectionString);
        var patients = await ScalarAsync<long>(db, "SELECT count(*) FROM \"Patients\"");
        Console.WriteLine($"replica bench: {patients:N0} patients, phases {string.Join(", ", phases.Select(p => $"{p.Label} ({p.Url})"))}");

        // The indicators' kept cases are computed by Relais in the background after a bulk load: measured once they are.
        var wait = Stopwatch.StartNew();
        while (await ScalarAsync<long>(db, "SELECT count(*) FROM \"IndicatorStaleMarks\"") > 0
            || await ScalarAsync<long>(db, "SELECT count(*) FROM \"IndicatorRefreshStates\" WHERE \"SettledUntil\" IS NOT NULL") == 0)
        {
            Console.WriteLine($"indicator cases: waiting for Relais's background refresh ({wait.Elapsed:mm\\:ss})");
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        notes.Add($"indicator cases computed by Relais after the load in {wait.Elapsed.TotalSeconds:N0} s (waited before measuring)");
        var caughtUp = await CatchUpAsync(db, standby);
        notes.Add($"the replica replayed the primary's WAL up to its current position {caughtUp.TotalSeconds:N1} s after the cases were computed (waited before measuring)");
        var onReplica = await ScalarAsync<long>(standby, "SELECT count(*) FROM \"IndicatorObservations\"");
        var onPrimary = await ScalarAsync<long>(db, "SELECT count(*) FROM \"IndicatorObservations\"");
        notes.Add($"kept indicator cases: {onPrimary:N0} on the primary, {onReplica:N0} on the replica");

        var users = await SignInAsync(db, phases[0].Url);
        var quality = users.Where(u => u.Role == "quality").ToList();
        var gps = users.Where(u => u.Role == "gp").ToList();
        var scenarios = new List<Scenario>
        {
            new("indicators-none", "quality", "/api/indicators"),
            new("indicators-site", "quality", "/api/indicators?site=breast"),
            new("directory-search", "gp", ""),
        };

        var rows = new List<Row>();
        foreach (var phase in phases)
        {
            // One HttpClient per user and phase, carrying the bearer token of the sign-in (the data-protection keys are in the
            // database: every instance accepts it).
            var clients = users.ToDictionary(u => u.Email, u => Client(phase.Url, u.Token));
            foreach (var s in scenarios)
            {
                var pool = s.Role == "quality" ? quality : gps;
                if (pool.Count == 0)
                {
                    notes.Add($"{s.Name}: not run, no {s.Role} account in the database");
                    continue;
                }
                foreach (var c in concurrency)
                {
                    var row = await MeasureAsync(db, phase, s, pool, clients, c);
                    rows.Add(row);
                    Console.WriteLine($"{phase.Label,-22} {s.Name,-17} c={c,-3} {row.Throughput,8:N1} req/s  p50 {row.P50,7:N1} ms  p95 {row.P95,7:N1} ms  " +
                        $"cpu/1000: relais {row.ServerCpuPer1000,5:N2} s, primary {row.PrimaryCpuPer1000,5:N2} s, replica {row.ReplicaCpuPer1000,5:N2} s  " +
                        $"lag ≤ {row.MaxLagBytes:N0} B{(row.Errors > 0 ? $"  ERRORS {row.Errors}" : "")}");
                }
            }
            foreach (var client in clients.Values) client.Dispose();
        }
        var (md, json) = await WriteAsync(patients, rows);
        Console.WriteLine();
        Console.WriteLine(await File.ReadAllTextAsync(md));
        Console.WriteLine($"results: {md}, {json} ({clock.Elapsed.TotalMinutes:N1} min)");
        return 0;
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Waits until the replica has replayed the primary's WAL up to where it stood when asked.</summary>
    private static async Task<TimeSpan> CatchUpAsync(NpgsqlDataSource db, NpgsqlDataSource standby)
    {
        var watch = Stopwatch.StartNew();
        var target = await ScalarAsync<string>(db, "SELECT pg_current_wal_lsn()::text");
        while (!await ScalarAsync<bool>(standby, $"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"))
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(10)) throw new InvalidOperationException($"the replica did not reach {target} in 10 minutes");
            await Task.Delay(200);
        }
        return watch.Elapsed;
    }

    private async Task<Row> MeasureAsync(NpgsqlDataSource db, Phase phase, Scenario s, List<User> pool, Dictionary<string, HttpClient> clients, int c)
    {
        var random = new Random(c * 31 + s.Name.Length);
        string PathOf() => s.Path.Length > 0 ? s.Path
            : $"/api/supportive-care/providers?service={Services[random.Next(Services.Length)]}&postcode=76000";
        var loops = Enumerable.Range(0, c).Select(i => clients[pool[i % pool.Count].Email]).ToList();
        await LoadAsync(loops, PathOf, warmup, null, null);
        var latencies = new List<double>();
        var server0 = phase.ServerPids.Sum(Proc.CpuSeconds);
        var primary0 = ClusterCpuSeconds(primaryPg);
        var replica0 = ClusterCpuSeconds(replicaPg);
        using var lag = new LagSampler(db);
        var sampling = lag.RunAsync();
        var errors = new long[1];
        var watch = Stopwatch.StartNew();
        var ops = await LoadAsync(loops, PathOf, duration, latencies, errors);
        var seconds = watch.Elapsed.TotalSeconds;
        var server = phase.ServerPids.Sum(Proc.CpuSeconds) - server0;
        var primaryCpu = ClusterCpuSeconds(primaryPg) - primary0;
        var replicaCpu = ClusterCpuSeconds(replicaPg) - replica0;
        lag.Stop();
        await sampling;
        latencies.Sort();
        double Per1000(double cpu) => ops == 0 ? 0 : cpu / ops * 1000;
        return new Row(phase.Label, s.Name, c, ops, errors[0], seconds, ops / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95),
            Per1000(server), Per1000(primaryCpu), Per1000(replicaCpu), lag.MaxBytes, lag.MaxReplayLagMs);
    }

    /// <summary><paramref name="loops"/>: one HttpClient per concurrent loop; each loop sends its next request when the last one answered.</summary>
    private static async Task<long> LoadAsync(List<HttpClient> loops, Func<string> path, TimeSpan length, List<double>? sample, long[]? errors)
    {
        long ops = 0;
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(loops.Select(async client =>
        {
            var local = new List<double>();
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < end)
            {
                string url;
                lock (loops) url = path();
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url);
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        if (errors is not null && Interlocked.Increment(ref errors[0]) <= 3)
                            Console.Error.WriteLine($"{url}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    if (errors is not null && Interlocked.Increment(ref errors[0]) <= 3) Console.Error.WriteLine($"{url}: {ex.Message}");
                    continue;
                }
                local.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                Interlocked.Increment(ref ops);
            }
            if (sample is not null) lock (sample) sample.AddRange(local);
        }));
        return ops;
    }

    /// <summary>The replica's distance behind the primary, sampled every 250 ms from <c>pg_stat_replication</c>.</summary>
    private sealed class LagSampler(NpgsqlDataSource db) : IDisposable
    {
        private readonly CancellationTokenSource stop = new();

        public void Dispose() => stop.Dispose();
        public long MaxBytes { get; private set; }
        public double? MaxReplayLagMs { get; private set; }

        public void Stop() => stop.Cancel();

        public async Task RunAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await using (var c = await db.OpenConnectionAsync())
                    await using (var cmd = new NpgsqlCommand("""
                        SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0)::bigint,
                               max(extract(epoch FROM replay_lag) * 1000)::float8
                        FROM pg_stat_replication
                        """, c))
                    await using (var r = await cmd.ExecuteReaderAsync())
                    {
                        await r.ReadAsync();
                        MaxBytes = Math.Max(MaxBytes, r.GetInt64(0));
                        if (!r.IsDBNull(1)) MaxReplayLagMs = Math.Max(MaxReplayLagMs ?? 0, r.GetDouble(1));
                    }
                    await Task.Delay(250, stop.Token);
                }
            }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>The CPU seconds of one PostgreSQL cluster: its postmaster (with its reaped backends) and its live children.</summary>
    private static double ClusterCpuSeconds(int postmaster)
    {
        var total = Ticks(postmaster, withChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == postmaster) continue;
            try
            {
                var stat = File.ReadAllText($"{dir}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster) total += Ticks(pid, withChildren: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return total / 100.0;
    }

    private static double Ticks(int pid, bool withChildren)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
            return Field(11) + Field(12) + (withChildren ? Field(13) + Field(14) : 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    private async Task<List<User>> SignInAsync(NpgsqlDataSource db, string url)
    {
        // The GPs with the most enrolled patients (as the main bench's) and the quality coordinator the indicators scenarios use.
        var accounts = new List<(Guid Id, string Email, string Role)>();
        accounts.AddRange((await QueryAsync(db, """
            SELECT u."Id", u."Email" FROM "AspNetUsers" u
            JOIN "Patients" p ON p."GeneralPractitionerId" = u."Id"
            JOIN "Enrolments" e ON e."PatientId" = p."Id"
            WHERE u."Email" LIKE 'medecin%@bench.relais'
            GROUP BY u."Id", u."Email" ORDER BY count(*) DESC, u."Email" LIMIT 16
            """, r => (r.GetGuid(0), r.GetString(1)))).Select(x => (x.Item1, x.Item2, "gp")));
        accounts.AddRange((await QueryAsync(db, """
            SELECT u."Id", u."Email" FROM "AspNetUsers" u WHERE u."Email" LIKE 'qualite%@bench.relais' ORDER BY u."Email" LIMIT 1
            """, r => (r.GetGuid(0), r.GetString(1)))).Select(x => (x.Item1, x.Item2, "quality")));
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var users = new List<User>();
        foreach (var (id, email, role) in accounts)
        {
            var key = (await QueryAsync(db, """
                SELECT "Value" FROM "AspNetUserTokens" WHERE "UserId" = $1 AND "LoginProvider" = '[AspNetUserStore]' AND "Name" = 'AuthenticatorKey'
                """, r => r.GetString(0), id)).FirstOrDefault()
                ?? throw new InvalidOperationException($"{email} has no authenticator key: regenerate the database with this generator.");
            var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
            using var r = await http.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode = totp.ComputeTotp() });
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"login {email}: HTTP {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            users.Add(new User(email, id, role, doc.RootElement.GetProperty("accessToken").GetString()!));
        }
        Console.WriteLine($"signed in {users.Count(u => u.Role == "gp")} GPs and {users.Count(u => u.Role == "quality")} quality coordinator(s)");
        return users;
    }

    private async Task<(string Markdown, string Json)> WriteAsync(long patients, List<Row> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var sha = commit ?? "unknown";
        var at = DateTimeOffset.UtcNow;
        Directory.CreateDirectory(resultsDir);
        var stem = Path.Combine(resultsDir, $"{at:yyyy-MM-dd-HHmm}-{(sha.Length >= 7 ? sha[..7] : sha)}-replica");
        var md = new StringBuilder();
        md.AppendLine(inv, $"# Relais read scale-out on a streaming replica — {at:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(inv, $"- commit `{sha}`");
        md.AppendLine(inv, $"- machine: {Environment.ProcessorCount} CPUs ({Proc.CpuModel()}), {Proc.MemTotalKb() / 1024 / 1024.0:N1} GiB RAM, load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        md.AppendLine(inv, $"- data: {patients:N0} patients (bench/Relais.Bench.Generator), loaded on the primary while the replica streamed");
        md.AppendLine(inv, $"- method: for each phase, scenario and concurrency, {warmup.TotalSeconds:N0} s of warm-up then one run of {duration.TotalSeconds:N0} s; " +
            $"each concurrent loop sends its next request when the last one answered; CPU from /proc of the phase's Relais processes and of each " +
            $"cluster (postmaster, its live backends and those it reaped); lag = the primary's `pg_stat_replication` sampled every 250 ms during the run");
        md.AppendLine("- phases (all on this machine, 127.0.0.1):");
        foreach (var p in phases) md.AppendLine(inv, $"  - **{p.Label}**: {p.Url} (Relais pid{(p.ServerPids.Length > 1 ? "s" : "")} {string.Join(", ", p.ServerPids.Select(x => x.ToString(inv)))})");
        md.AppendLine();
        md.AppendLine("## Read throughput");
        md.AppendLine();
        md.AppendLine("| phase | scenario | concurrency | req/s | p50 ms | p95 ms | Relais CPU s / 1,000 | primary CPU s / 1,000 | replica CPU s / 1,000 | max lag bytes | max replay lag ms | errors |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            md.AppendLine(inv, $"| {r.Phase} | {r.Scenario} | {r.Concurrency} | {r.Throughput:N1} | {r.P50:N1} | {r.P95:N1} | {r.ServerCpuPer1000:N2} | {r.PrimaryCpuPer1000:N2} | {r.ReplicaCpuPer1000:N2} | {r.MaxLagBytes:N0} | {(r.MaxReplayLagMs is { } l ? l.ToString("N1", inv) : "—")} | {r.Errors} |");
        md.AppendLine();
        md.AppendLine("## Best throughput by phase");
        md.AppendLine();
        md.AppendLine("| scenario | " + string.Join(" | ", phases.Select(p => p.Label)) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", phases.Count)));
        foreach (var s in rows.Select(r => r.Scenario).Distinct())
        {
            var best = phases.Select(p => rows.Where(r => r.Phase == p.Label && r.Scenario == s).Select(r => r.Throughput).DefaultIfEmpty().Max().ToString("N1", inv));
            md.AppendLine("| " + s + " | " + string.Join(" | ", best) + " |");
        }
        md.AppendLine();
        if (notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var n in notes) md.AppendLine(inv, $"- {n}");
        }
        await File.WriteAllTextAsync(stem + ".md", md.ToString());
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(new { at, commit = sha, patients, phases, rows, notes },
            Indented));
        return (stem + ".md", stem + ".json");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> map, params object[] parameters)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await r.ReadAsync()) list.Add(map(r));
        return list;
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
