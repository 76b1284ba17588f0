using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Relais.Bench.Driver;

/// <summary>A GP or nurse coordinator logged in, with the patients of their care teams the scenarios draw from.</summary>
public sealed class VirtualUser
{
    public required string Email;
    public required Guid Id;
    public required HttpClient Bearer;
    /// <summary>The bearer's refresh token and when the access token was issued: a run outlives the access token's hour.</summary>
    public string? RefreshToken;
    public DateTimeOffset BearerIssuedAt;
    public HttpClient? Cookie;
    public required List<SampledPatient> Patients;
    public Random Random = new(1);
}

public sealed record SampledPatient(Guid Id, string? Marker, decimal? LastValue, string? Laboratory);

public sealed record Measure(string Scenario, int Concurrency, int Runs, long Operations, long Errors, double Seconds, double Throughput,
    double P50, double P95, double P99, double ServerCpuPer1000, double DbCpuPer1000);

/// <summary>
/// A scenario beside its twin: the statements Relais sent for one request of it (captured from PostgreSQL's log, replayed on
/// one connection); <paramref name="Statements"/> the median count over the captured requests (<paramref name="MinStatements"/>
/// to <paramref name="MaxStatements"/>), <paramref name="Met"/> the budget of issue 18 point 2 (API p50 ≤ 1.5 × twin, or
/// twin + 2 ms where the twin is under 4 ms).
/// </summary>
public sealed record SqlTwin(string Scenario, double ApiP50, double SqlP50, double Ratio, int Statements, int MinStatements, int MaxStatements,
    int Captures, int Replays, bool Writes, bool Met, string? Note, int Resets = 0)
{
    public static bool Within(double api, double sql) => api <= 1.5 * sql || (sql < 4 && api <= sql + 2);
}

public sealed record Report(DateTimeOffset At, long Patients, IReadOnlyList<Measure> Measures, IReadOnlyList<SqlTwin> Twins,
    double? DispatchPerSecond, string DispatchNote, double? BurstIngestPerSecond, double? BatchIngestPerSecond, long ServerPeakKb, IReadOnlyList<string> Notes);

public sealed class Bench(DriverOptions options)
{
    private const int MaxUsers = 16;
    private readonly List<string> notes = [];
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
    private NpgsqlDataSource db = null!;
    private Capture? capture;
    private const int Captures = 4;

    /// <summary><paramref name="Concurrency"/>: the levels this scenario runs at, when not the driver's (the indicators: one coordinator at a time).</summary>
    private sealed record Scenario(string Name, string Role, Func<VirtualUser, Task<HttpResponseMessage>> Call, int[]? Concurrency = null);

    public async Task<Report> RunAsync()
    {
        // The driver's own statements carry an application name: the capture of the twins tells them from Relais's.
        db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.Connection) { ApplicationName = Capture.AppName }.ConnectionString);
        if (options.PgLog is { } log) capture = new Capture(db, log);
        else notes.Add("no --pg-log: the SQL twins were not captured");
        var patients = await ScalarAsync<long>("SELECT count(*) FROM \"Patients\"");
        Console.WriteLine($"Relais at {options.Url}, {patients:N0} patients, server pid {options.ServerPid}");

        var gps = await SampleGpsAsync();
        var nurses = await SampleNursesAsync();
        var quality = await SampleQualityAsync();
        Console.WriteLine($"logging in {gps.Count} GPs, {nurses.Count} nurse coordinators and {quality.Count} quality coordinator(s)");
        foreach (var u in gps.Concat(nurses).Concat(quality)) await LoginAsync(u);
        await WaitForIndicatorCasesAsync();
        var (hospital, territory) = await IndicatorFiltersAsync();

        var scenarios = new List<Scenario>
        {
            new("inbox", "gp", u => u.Bearer.GetAsync("/api/inbox")),
            new("worklist", "gp", u => u.Bearer.GetAsync("/api/follow-up/worklist")),
            new("pending-late", "nurse", u => u.Bearer.GetAsync("/api/transmissions/pending?lateOnly=true")),
            new("team-queue", "nurse", u => u.Bearer.GetAsync("/api/team-queue")),
            // Issue 14: the nurse's triage worklist (open symptom alerts of the patients she may see, most severe then oldest first).
            new("triage", "nurse", u => u.Bearer.GetAsync("/api/worklists/triage")),
            // The generator writes no reminder rows: this measures the query's cost over the access rule and the index, not a full list.
            new("reminders", "gp", u => u.Bearer.GetAsync("/api/reminders")),
            new("patient-page", "gp", u => u.Cookie!.GetAsync($"/patients/{Pick(u).Id}")),
            new("patient-alerts", "gp", u => u.Bearer.GetAsync($"/api/patients/{Pick(u).Id}/alerts")),
            new("protocol-preview", "gp", u => u.Bearer.PostAsJsonAsync("/api/protocols/breast/preview",
                new { endOfTreatment = today.AddDays(-u.Random.Next(0, 2000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), radiotherapy = u.Random.Next(2) == 0, horizonMonths = 120 })),
            // Issue 13: the outreach worklist over the nurse's teams, and the directory search nearest first from a commune. The
            // generator writes no supportive-care rows yet: the worklist measures its three queries over the access rule and the
            // indexes (an empty list), the search the directory Relais ships with its geography.
            new("outreach", "nurse", u => u.Bearer.GetAsync("/api/worklists/outreach")),
            // Issue 15 point 2: the re-scheduling worklist of deferred care (the generator puts off the next cycle of one patient
            // in treatment in twelve), and issue 16 point 3: the oncogenetics referrals and expert reviews still missing, each
            // over the nurse's patients (the generator writes no referral or review: the access rule and the indexes).
            new("rescheduling", "nurse", u => u.Bearer.GetAsync("/api/worklists/rescheduling")),
            // Issue 15 point 3: the administrative steps due within 30 days or late, the GP's own and the hospital team's.
            new("steps-gp", "gp", u => u.Bearer.GetAsync("/api/worklists/steps")),
            new("steps-nurse", "nurse", u => u.Bearer.GetAsync("/api/worklists/steps")),
            new("expertise", "nurse", u => u.Bearer.GetAsync("/api/expertise/worklist")),
            new("directory-search", "gp", u => u.Bearer.GetAsync($"/api/supportive-care/providers?service={DirectoryServices[u.Random.Next(DirectoryServices.Length)]}&postcode=76000")),
            // Issue 13 point 3: a patient's post-cancer packages with their balance, as the GP reads them on the record (the
            // generator writes no package: the access rule and the patient's index, then an empty list).
            new("post-cancer-packages", "gp", u => u.Bearer.GetAsync($"/api/patients/{Pick(u).Id}/post-cancer-package")),
            // Issue 14, point 5: the home page's counts for each role the driver signs in (GPs and nurse coordinators), each line
            // counted through its worklist; and the count of what is new on every page (point 4: unread messages and documents).
            new("home-gp", "gp", u => u.Bearer.GetAsync("/api/me/home")),
            new("home-nurse", "nurse", u => u.Bearer.GetAsync("/api/me/home")),
            new("notifications-gp", "gp", u => u.Bearer.GetAsync("/api/me/notifications")),
            new("marker-ingest", "gp", u => u.Bearer.PostAsJsonAsync($"/api/patients/{PickMarker(u).Id}/observations", Observation(u, PickMarker(u)))),
        };
        // Issue 15: the 3C/DSRC dashboard for each filter of the fixed set (none; period; site; hospital; site × hospital;
        // territory), one coordinator at a time — a dashboard, not a worklist: the budget is p95 < 500 ms.
        scenarios.AddRange(IndicatorFilters(hospital, territory)
            .Select(f => new Scenario($"indicators-{f.Name}", "quality", u => u.Bearer.GetAsync($"/api/indicators{f.Query}"), Concurrency: [1])));
        var measures = new List<Measure>();
        var twins = new List<SqlTwin>();
        foreach (var s in scenarios.Where(s => options.Only is null || options.Only.Contains(s.Name)))
        {
            var users = s.Role switch { "nurse" => nurses, "quality" => quality, _ => gps };
            if (users.Count == 0)
            {
                notes.Add($"{s.Name}: not run, no {s.Role} account in the database (regenerate it with this generator)");
                continue;
            }
            foreach (var c in s.Concurrency ?? options.Concurrency)
            {
                var m = await MeasureAsync(s, users, c);
                measures.Add(m);
                Console.WriteLine($"{m.Scenario,-18} c={m.Concurrency,-3} {m.Throughput,9:N1} op/s  p50 {m.P50,7:N2} ms  p95 {m.P95,7:N2} ms  p99 {m.P99,7:N2} ms  " +
                    $"cpu/1000 ops: server {m.ServerCpuPer1000,6:N2} s, db {m.DbCpuPer1000,6:N2} s{(m.Errors > 0 ? $"  ERRORS {m.Errors}" : "")}");
            }
            if (capture is not null)
            {
                var api = measures.First(m => m.Scenario == s.Name && m.Concurrency == (s.Concurrency ?? options.Concurrency)[0]);
                var twin = await TwinAsync(s, users, api.P50);
                if (twin is not null)
                {
                    twins.Add(twin);
                    Console.WriteLine($"{s.Name,-18} twin: {twin.Statements} statements, SQL p50 {twin.SqlP50:N2} ms, API/SQL {twin.Ratio:N1}x{(twin.Met ? "" : "  over budget")}");
                }
            }
        }

        await RenewBearersAsync(gps);
        double? burst = null;
        if (options.Only is null || options.Only.Contains("marker-ingest-burst")) burst = await BurstIngestAsync(gps);
        double? batched = null;
        if (options.Only is null || options.Only.Contains("marker-ingest-batch")) batched = await BatchIngestAsync(gps);
        (double? dispatch, string dispatchNote) = (null, "not run");
        if (options.Only is null || options.Only.Contains("dispatch")) (dispatch, dispatchNote) = await DispatchAsync(gps);

        var peak = Proc.StatusKb(options.ServerPid, "VmHWM");
        return new Report(DateTimeOffset.UtcNow, patients, measures, twins, dispatch, dispatchNote, burst, batched, peak, notes);
    }

    /// <summary>
    /// The soak's users: the first GPs and nurse coordinators of the scenarios' samples, signed in the same way; a sign-in
    /// that times out (a busy machine) is tried again, twice.
    /// </summary>
    public async Task<(List<VirtualUser> Gps, List<VirtualUser> Nurses)> SignInAsync(int gpCount, int nurseCount)
    {
        db = NpgsqlDataSource.Create(options.Connection);
        var gps = (await SampleGpsAsync()).Take(gpCount).ToList();
        var nurses = (await SampleNursesAsync()).Take(nurseCount).ToList();
        foreach (var u in gps.Concat(nurses))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await LoginAsync(u);
                    break;
                }
                catch (Exception ex) when (attempt < 3 && ex is TaskCanceledException or HttpRequestException)
                {
                    Console.Error.WriteLine($"sign-in of {u.Email}: {ex.GetType().Name}, again");
                }
            }
        }
        return (gps, nurses);
    }

    private static SampledPatient Pick(VirtualUser u) => u.Patients[u.Random.Next(u.Patients.Count)];

    private static SampledPatient PickMarker(VirtualUser u)
    {
        for (var i = 0; i < 20; i++)
        {
            var p = Pick(u);
            if (p.Marker is not null) return p;
        }
        return u.Patients.First(p => p.Marker is not null);
    }

    private object Observation(VirtualUser u, SampledPatient p)
    {
        var (code, value, unit, effective, laboratory) = ObservationFields(u, p);
        return new { code, value, unit, effective, laboratory };
    }

    private (string Code, decimal Value, string Unit, string Effective, string? Laboratory) ObservationFields(VirtualUser u, SampledPatient p)
    {
        // A value close to the last one, from the same laboratory: the rules run and, mostly, stay quiet.
        var value = Math.Round((p.LastValue ?? 10m) * (0.95m + (decimal)u.Random.NextDouble() * 0.1m), 2);
        var code = p.Marker switch { "Ca153" => "ca15-3", "Psa" => "psa", _ => "cea" };
        var unit = code == "ca15-3" ? "U/mL" : "ng/mL";
        return (code, value, unit, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Laboratory);
    }

    private async Task<Measure> MeasureAsync(Scenario s, List<VirtualUser> users, int concurrency)
    {
        var pool = users.Take(Math.Min(concurrency, users.Count)).ToList();
        await RenewBearersAsync(users);
        await WaitForBackgroundAsync(s.Name);
        await LoadAsync(s, pool, concurrency, options.Warmup, null);
        var latencies = new List<double>();
        long ops = 0, errors = 0;
        double seconds = 0, serverCpu = 0, dbCpu = 0;
        var throughputs = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            var sample = new List<double>();
            var server0 = Proc.CpuSeconds(options.ServerPid);
            var db0 = Proc.PostgresCpuSeconds();
            var watch = Stopwatch.StartNew();
            var (n, e) = await LoadAsync(s, pool, concurrency, options.Duration, sample);
            var elapsed = watch.Elapsed.TotalSeconds;
            serverCpu += Proc.CpuSeconds(options.ServerPid) - server0;
            dbCpu += Proc.PostgresCpuSeconds() - db0;
            ops += n;
            errors += e;
            seconds += elapsed;
            throughputs.Add(n / elapsed);
            latencies.AddRange(sample);
        }
        latencies.Sort();
        throughputs.Sort();
        return new Measure(s.Name, concurrency, options.Runs, ops, errors, seconds, throughputs[throughputs.Count / 2],
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
            ops == 0 ? 0 : serverCpu / ops * 1000, ops == 0 ? 0 : dbCpu / ops * 1000);
    }

    /// <summary>Runs <paramref name="concurrency"/> loops for <paramref name="duration"/>; each loop is one virtual user (several loops share a user only when there are fewer users).</summary>
    private static async Task<(long Ops, long Errors)> LoadAsync(Scenario s, List<VirtualUser> pool, int concurrency, TimeSpan duration, List<double>? sample)
    {
        long ops = 0, errors = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var u = pool[i % pool.Count];
            var local = new List<double>();
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < end)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await s.Call(u);
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref errors) <= 3)
                            Console.Error.WriteLine($"{s.Name}: HTTP {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync(), 300)}");
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"{s.Name}: {ex.Message}");
                    continue;
                }
                local.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                Interlocked.Increment(ref ops);
            }
            if (sample is not null) lock (sample) sample.AddRange(local);
        });
        await Task.WhenAll(loops);
        return (ops, errors);
    }

    /// <summary>
    /// The scenario's twin: <see cref="Captures"/> requests (users in turn) captured from PostgreSQL's log, each sequence
    /// checked once, then the sequences replayed in turn on one connection (auto-prepared as Relais's are) 200 times — fewer
    /// when a replay is slow: at most about 20 s, at least 10 — for the p50.
    /// </summary>
    private async Task<SqlTwin?> TwinAsync(Scenario s, List<VirtualUser> users, double apiP50)
    {
        var sequences = new List<List<CapturedStatement>>();
        await capture!.StartAsync();
        try
        {
            for (var i = 0; i < Captures; i++)
            {
                var u = users[i % users.Count];
                // Three requests of the user in a row (each its own patient or values, as in the timed runs: a second identical
                // request would find what the first left, e.g. its audit rows); the twin is the middle one's statements that a
                // neighbour also sent (Capture.Common), so that a background service's work in one window falls out.
                var saved = u.Random;
                var attempts = new List<List<CapturedStatement>>();
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    u.Random = new Random(1000 * (attempt + 1) + i);
                    HttpStatusCode status = 0;
                    var statements = await capture.RequestAsync(async () =>
                    {
                        using var response = await s.Call(u);
                        await response.Content.LoadIntoBufferAsync();
                        status = response.StatusCode;
                    });
                    if ((int)status is >= 200 and < 300) attempts.Add(statements);
                }
                u.Random = saved;
                if (attempts.Count == 3) sequences.Add(Capture.Common(attempts[0], attempts[1], attempts[2]));
            }
        }
        finally
        {
            await capture.StopAsync();
        }
        if (sequences.Count == 0)
        {
            notes.Add($"{s.Name}: no twin, no request of the capture succeeded");
            return null;
        }
        var replayConnection = new NpgsqlConnectionStringBuilder(options.Connection) { ApplicationName = Capture.AppName, MaxAutoPrepare = 256, AutoPrepareMinUsages = 3 };
        await using var source = NpgsqlDataSource.Create(replayConnection.ConnectionString);
        await using var c = await source.OpenConnectionAsync();
        var replays = new List<Capture.Replay>();
        foreach (var sequence in sequences) replays.Add(await Capture.PrepareAsync(c, sequence));
        var dropped = replays.SelectMany(r => r.Dropped).Distinct().ToList();
        if (options.TwinDump is { } dir)
        {
            // The captured sequences, to read (bench/.run/twins by bench/run.sh): one file per scenario.
            Directory.CreateDirectory(dir);
            await File.WriteAllLinesAsync(Path.Combine(dir, $"{s.Name}.sql"), sequences.SelectMany((q, i) => q.Select(x =>
                $"-- request {i + 1}, backend {x.Pid}, vxid {x.Vxid}{(Capture.IsControl(x.Text) ? " (transaction control: not replayed)" : "")}\n{x.Text};\n-- parameters: {string.Join(", ", x.Parameters.Select((v, k) => $"${k + 1} = {(v is null ? "NULL" : $"'{v}'")}"))}\n")));
        }
        // A first replay of each tells how slow they are: 200 replays, or as many as fit in about 20 s.
        var probe = Stopwatch.StartNew();
        foreach (var r in replays) await r.RunAsync(c);
        var each = probe.Elapsed.TotalMilliseconds / replays.Count;
        var times = (int)Math.Clamp(20_000 / Math.Max(each, 0.01), 10, 200);
        var sql = await Capture.P50Async(c, replays, times);
        var counts = replays.Select(r => r.Count).Order().ToList();
        var note = dropped.Count == 0 ? null : $"{dropped.Count} statement(s) could not be replayed: {string.Join("; ", dropped)}";
        if (note is not null) notes.Add($"{s.Name}: {note}");
        return new SqlTwin(s.Name, apiP50, sql, sql > 0 ? apiP50 / sql : 0, counts[counts.Count / 2], counts[0], counts[^1], replays.Count, times,
            replays.Any(r => r.Writes), SqlTwin.Within(apiP50, sql), note, sequences.Select(q => q.Count(x => Capture.IsReset(x.Text))).Order().ElementAt(sequences.Count / 2));
    }

    private async Task<double?> BurstIngestAsync(List<VirtualUser> gps)
    {
        // "Batched" ingest: a laboratory feed delivering many results at once, 32 requests in flight.
        const int total = 3000, inFlight = 32;
        var next = 0;
        long ok = 0;
        var others = new List<string>();
        var watch = Stopwatch.StartNew();
        var server0 = Proc.CpuSeconds(options.ServerPid);
        var db0 = Proc.PostgresCpuSeconds();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async i =>
        {
            var u = gps[i % gps.Count];
            while (Interlocked.Increment(ref next) <= total)
            {
                var p = PickMarker(u);
                try
                {
                    using var r = await u.Bearer.PostAsJsonAsync($"/api/patients/{p.Id}/observations", Observation(u, p));
                    if (r.IsSuccessStatusCode) Interlocked.Increment(ref ok);
                    else lock (others) others.Add(((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    lock (others) others.Add(ex.GetType().Name);
                }
            }
        }));
        // What the requests not answered 2xx got (a 409 is two results racing on one patient's alert: the sender resends).
        var failed = others.Count == 0 ? "" : " (not 2xx: " + string.Join(", ", others.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} × {g.Key}")) + ")";
        var rate = ok / watch.Elapsed.TotalSeconds;
        var cpu = (Proc.CpuSeconds(options.ServerPid) - server0) / Math.Max(1, ok) * 1000;
        var dbCpu = (Proc.PostgresCpuSeconds() - db0) / Math.Max(1, ok) * 1000;
        Console.WriteLine($"marker-ingest-burst {ok}/{total} results in {watch.Elapsed.TotalSeconds:N1} s: {rate:N0} results/s (cpu/1000: server {cpu:N2} s, db {dbCpu:N2} s)");
        notes.Add($"marker-ingest-burst: {ok}/{total} results{failed}, {inFlight} in flight, {rate:N0} results/s, CPU per 1,000: server {cpu:N2} s, database {dbCpu:N2} s");
        return rate;
    }

    private async Task<double?> BatchIngestAsync(List<VirtualUser> gps)
    {
        // A laboratory feed: POST /api/observations/batch, 500 results a request (each GP's own patients,
        // the access rule applied to every one), 4 requests in flight, after one warm-up batch per GP.
        const int perBatch = 500, inFlight = 4, batches = 80;
        object Batch(VirtualUser u) => new
        {
            results = Enumerable.Range(0, perBatch).Select(_ =>
            {
                var p = PickMarker(u);
                var (code, value, unit, effective, laboratory) = ObservationFields(u, p);
                return new { patientId = p.Id, code, value, unit, effective, laboratory };
            }).ToArray(),
        };
        foreach (var u in gps.Take(inFlight))
        {
            using var warm = await u.Bearer.PostAsJsonAsync("/api/observations/batch", Batch(u));
            if (!warm.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"marker-ingest-batch: HTTP {(int)warm.StatusCode} {Truncate(await warm.Content.ReadAsStringAsync(), 300)}");
                return null;
            }
        }
        var next = 0;
        long ok = 0;
        var times = new List<double>();
        var watch = Stopwatch.StartNew();
        var server0 = Proc.CpuSeconds(options.ServerPid);
        var db0 = Proc.PostgresCpuSeconds();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async i =>
        {
            // Each lane keeps to its own GPs: a user's random source is not shared between lanes.
            var round = 0;
            while (Interlocked.Increment(ref next) <= batches)
            {
                var u = gps[(i + inFlight * round++) % gps.Count];
                var body = Batch(u);
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var r = await u.Bearer.PostAsJsonAsync("/api/observations/batch", body);
                    if (r.IsSuccessStatusCode) Interlocked.Add(ref ok, perBatch);
                    lock (times) times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            }
        }));
        var rate = ok / watch.Elapsed.TotalSeconds;
        var cpu = (Proc.CpuSeconds(options.ServerPid) - server0) / Math.Max(1, ok) * 1000;
        var dbCpu = (Proc.PostgresCpuSeconds() - db0) / Math.Max(1, ok) * 1000;
        times.Sort();
        var line = $"marker-ingest-batch: {ok}/{perBatch * batches} results in {batches} requests of {perBatch}, {inFlight} in flight, {watch.Elapsed.TotalSeconds:N1} s: " +
            $"{rate:N0} results/s; request p50 {Percentile(times, 0.5):N0} ms, p95 {Percentile(times, 0.95):N0} ms; CPU per 1,000 results: server {cpu:N2} s, database {dbCpu:N2} s";
        Console.WriteLine(line);
        notes.Add(line);
        return rate;
    }

    private async Task<(double?, string)> DispatchAsync(List<VirtualUser> gps)
    {
        // Transmissions (C10, a supportive-care need from the GP to the team) create one outbox row per
        // recipient; the dispatcher sends them to the local SMTP sink. Measured from the DB: SentAt.
        var start = DateTimeOffset.UtcNow;
        var mails0 = options.Maildir is null ? 0 : CountMail();
        var created = 0;
        var next = 0;
        var createWatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var u = gps[i % gps.Count];
            while (Interlocked.Increment(ref next) <= options.Dispatch)
            {
                var p = Pick(u);
                using var r = await u.Bearer.PostAsJsonAsync($"/api/patients/{p.Id}/transmissions",
                    new { obligation = "c10", message = "Besoin en soins de support : orientation diététique souhaitée (banc d'essai)." });
                if (r.IsSuccessStatusCode) Interlocked.Increment(ref created);
                else if (created == 0 && next < 3) Console.Error.WriteLine($"dispatch: HTTP {(int)r.StatusCode} {Truncate(await r.Content.ReadAsStringAsync(), 300)}");
            }
        }));
        var createSeconds = createWatch.Elapsed.TotalSeconds;
        var outbox = await ScalarAsync<long>($"SELECT count(*) FROM \"OutboxMessages\" WHERE \"CreatedAt\" >= '{start:O}'");
        Console.WriteLine($"dispatch: {created} transmissions created in {createSeconds:N1} s ({created / createSeconds:N0}/s), {outbox} outbox rows; waiting for the dispatcher");
        var deadline = Stopwatch.StartNew();
        long sent = 0, pending = outbox;
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var c = await db.OpenConnectionAsync();
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FILTER (WHERE \"Status\" = 'Sent'), count(*) FILTER (WHERE \"Status\" = 'Pending') FROM \"OutboxMessages\" WHERE \"CreatedAt\" >= '{start:O}'", c);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            sent = r.GetInt64(0);
            pending = r.GetInt64(1);
            if (pending == 0) break;
            await Task.Delay(250);
        }
        var (first, last) = await SpanAsync(start);
        var window = (last - first).TotalSeconds;
        var endToEnd = (last - start).TotalSeconds;
        var rate = window > 0 ? sent / window : (double?)null;
        var mails = options.Maildir is null ? -1 : CountMail() - mails0;
        var note = $"{created} transmissions → {outbox} e-mails queued; {sent} sent ({pending} still pending) between the first and last SentAt in {window:N1} s " +
            $"= {rate ?? 0:N0} e-mails/s; {endToEnd:N1} s from the first creation to the last send{(mails >= 0 ? $"; {mails} files in the sink's Maildir" : "")}";
        Console.WriteLine($"dispatch: {note}");
        return (rate, note);
    }

    private async Task<(DateTimeOffset, DateTimeOffset)> SpanAsync(DateTimeOffset start)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"SELECT min(\"SentAt\"), max(\"SentAt\") FROM \"OutboxMessages\" WHERE \"CreatedAt\" >= '{start:O}' AND \"SentAt\" IS NOT NULL", c);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return r.IsDBNull(0) ? (start, start) : (r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1));
    }

    private int CountMail() => Directory.Exists(Path.Combine(options.Maildir!, "new")) ? Directory.GetFiles(Path.Combine(options.Maildir!, "new")).Length : 0;

    // ------------------------------------------------------------------ sampling and login

    private async Task<List<VirtualUser>> SampleGpsAsync()
    {
        // The GPs with the most patients in shared follow-up (their worklists and inboxes are the fullest).
        var rows = await QueryAsync("""
            SELECT u."Id", u."Email" FROM "AspNetUsers" u
            JOIN "Patients" p ON p."GeneralPractitionerId" = u."Id"
            JOIN "Enrolments" e ON e."PatientId" = p."Id"
            WHERE u."Email" LIKE 'medecin%@bench.relais'
            GROUP BY u."Id", u."Email" ORDER BY count(*) DESC, u."Email" LIMIT 16
            """, r => (r.GetGuid(0), r.GetString(1)));
        var users = new List<VirtualUser>();
        foreach (var (id, email) in rows)
        {
            var patients = await QueryAsync("""
                SELECT p."Id", o."Code", o."Value", o."Laboratory" FROM "Patients" p
                LEFT JOIN LATERAL (SELECT "Code", "Value", "Laboratory" FROM "Observations" x WHERE x."PatientId" = p."Id" ORDER BY "Effective" DESC LIMIT 1) o ON true
                WHERE p."GeneralPractitionerId" = $1 ORDER BY p."Id"
                """, r => new SampledPatient(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetDecimal(2), r.IsDBNull(3) ? null : r.GetString(3)), id);
            users.Add(new VirtualUser { Email = email, Id = id, Bearer = null!, Patients = patients, Random = new Random(users.Count + 1) });
        }
        if (users.Count == 0) throw new InvalidOperationException("No generated GP with enrolled patients: run Relais.Bench.Generator first.");
        return users;
    }

    private async Task<List<VirtualUser>> SampleNursesAsync()
    {
        var rows = await QueryAsync("""
            SELECT u."Id", u."Email" FROM "AspNetUsers" u JOIN "CareTeamMembers" m ON m."ProfessionalId" = u."Id"
            WHERE u."Email" LIKE 'idec%@bench.relais' GROUP BY u."Id", u."Email" ORDER BY count(*) DESC, u."Email" LIMIT 16
            """, r => (r.GetGuid(0), r.GetString(1)));
        return [.. rows.Select((x, i) => new VirtualUser { Email = x.Item2, Id = x.Item1, Bearer = null!, Patients = [], Random = new Random(100 + i) })];
    }

    private async Task<List<VirtualUser>> SampleQualityAsync()
    {
        var rows = await QueryAsync("""
            SELECT u."Id", u."Email" FROM "AspNetUsers" u WHERE u."Email" LIKE 'qualite%@bench.relais' ORDER BY u."Email" LIMIT 1
            """, r => (r.GetGuid(0), r.GetString(1)));
        return [.. rows.Select((x, i) => new VirtualUser { Email = x.Item2, Id = x.Item1, Bearer = null!, Patients = [], Random = new Random(200 + i) })];
    }

    /// <summary>
    /// Waits until Relais has computed the indicators' kept cases of every loaded patient (its background refresh after a
    /// bulk load), so that no scenario is measured beside that work; prints how long it took.
    /// </summary>
    private async Task WaitForIndicatorCasesAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long left;
        // Until Relais has marked the loaded patients (its refresh state is written with the marks), then until none is left
        // and the monthly sums are settled (the first settling sums every kept case once).
        while ((left = await ScalarAsync<long>("SELECT count(*) FROM \"IndicatorStaleMarks\"")) > 0
            || await ScalarAsync<long>("SELECT count(*) FROM \"IndicatorRefreshStates\" WHERE \"SettledUntil\" IS NOT NULL") == 0)
        {
            Console.WriteLine($"indicator cases: {left:N0} patients left to compute ({watch.Elapsed:mm\\:ss})");
            await Task.Delay(TimeSpan.FromSeconds(15));
        }
        var cases = await ScalarAsync<long>("SELECT count(*) FROM \"IndicatorObservations\"");
        Console.WriteLine($"indicator cases computed: {cases:N0} kept cases, waited {watch.Elapsed.TotalSeconds:N0} s");
    }

    /// <summary>
    /// Waits until Relais's background work left by the previous measure is done — the audit rows sealed into the chain, the
    /// indicators' marked patients computed again — so that a scenario is charged its own work (its warm-up's share of it
    /// falls in its measured window), not its predecessor's.
    /// </summary>
    private async Task WaitForBackgroundAsync(string scenario)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(5)
            && (await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM \"AuditPending\")")
                || await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM \"IndicatorStaleMarks\")")))
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        if (watch.Elapsed > TimeSpan.FromSeconds(3))
            Console.WriteLine($"{scenario}: waited {watch.Elapsed.TotalSeconds:N0} s for the audit sealer and the indicators' refresh");
    }

    /// <summary>The hospital with the most care-team members and the living area of the most patients, for the indicators' filters.</summary>
    private async Task<(Guid? Hospital, string? Territory)> IndicatorFiltersAsync()
    {
        var hospital = (await QueryAsync("""
            SELECT o."Id" FROM "Organisations" o JOIN "AspNetUsers" u ON u."OrganisationId" = o."Id" JOIN "CareTeamMembers" m ON m."ProfessionalId" = u."Id"
            WHERE o."Kind" = 'Hospital' GROUP BY o."Id" ORDER BY count(*) DESC, o."Id" LIMIT 1
            """, r => r.GetGuid(0))).Cast<Guid?>().FirstOrDefault();
        var territory = (await QueryAsync("""
            SELECT c."AreaCode" FROM "Patients" p JOIN "Communes" c ON c."Postcode" = p."PostalCode" GROUP BY c."AreaCode" ORDER BY count(*) DESC, c."AreaCode" LIMIT 1
            """, r => r.GetString(0))).FirstOrDefault();
        return (hospital, territory);
    }

    private IEnumerable<(string Name, string Query)> IndicatorFilters(Guid? hospital, string? territory)
    {
        yield return ("none", "");
        yield return ("period", $"?from={today.AddMonths(-3):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        yield return ("site", "?site=breast");
        if (hospital is { } h)
        {
            yield return ("hospital", $"?hospital={h}");
            yield return ("site-hospital", $"?site=breast&hospital={h}");
        }
        if (territory is { } t) yield return ("territory", $"?territory={Uri.EscapeDataString(t)}");
    }

    /// <summary>
    /// Renews the bearer tokens older than <c>--renew-after</c> (half an hour by default) with their refresh tokens
    /// (POST /api/auth/refresh, single-use), as a client does: a million-patient run lasts longer than the access token's hour
    /// (Security:AccessTokenMinutes), and the laboratory feed, measured last, was answered 401 on c4e260a.
    /// </summary>
    private async Task RenewBearersAsync(IEnumerable<VirtualUser> users)
    {
        var renewAfter = options.RenewAfter ?? TimeSpan.FromMinutes(30);
        foreach (var u in users.Where(u => u.RefreshToken is not null && DateTimeOffset.UtcNow - u.BearerIssuedAt >= renewAfter))
        {
            using var r = await u.Bearer.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = u.RefreshToken });
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"token refresh {u.Email}: HTTP {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            u.Bearer.DefaultRequestHeaders.Authorization = new("Bearer", doc.RootElement.GetProperty("accessToken").GetString());
            u.RefreshToken = doc.RootElement.GetProperty("refreshToken").GetString();
            u.BearerIssuedAt = DateTimeOffset.UtcNow;
        }
    }

    private async Task LoginAsync(VirtualUser u)
    {
        // Professionals sign in with a second factor (SECURITY.md §6): the TOTP of the authenticator key the generator enrolled.
        var key = (await QueryAsync("""
            SELECT "Value" FROM "AspNetUserTokens" WHERE "UserId" = $1 AND "LoginProvider" = '[AspNetUserStore]' AND "Name" = 'AuthenticatorKey'
            """, r => r.GetString(0), u.Id)).FirstOrDefault()
            ?? throw new InvalidOperationException($"{u.Email} has no authenticator key: regenerate the database with this generator.");
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
        var bearer = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
        using (var r = await bearer.PostAsJsonAsync("/api/auth/login", new { email = u.Email, password = options.Password, twoFactorCode = totp.ComputeTotp() }))
        {
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"login {u.Email}: HTTP {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            bearer.DefaultRequestHeaders.Authorization = new("Bearer", doc.RootElement.GetProperty("accessToken").GetString());
            u.RefreshToken = doc.RootElement.GetProperty("refreshToken").GetString();
            u.BearerIssuedAt = DateTimeOffset.UtcNow;
        }
        u.Bearer = bearer;
        var cookie = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(60) };
        using (var r = await cookie.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = u.Email, password = options.Password, twoFactorCode = totp.ComputeTotp() }))
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"cookie login {u.Email}: HTTP {(int)r.StatusCode}");
        u.Cookie = cookie;
    }

    private static readonly string[] DirectoryServices = ["psychology", "dietetics", "adapted-physical-activity", "pain", "social-work"];

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object[] parameters)
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
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1 < 0 ? 0 : (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];
}
