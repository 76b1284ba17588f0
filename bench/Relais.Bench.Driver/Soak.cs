using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Relais.Bench.Driver;

/// <summary>
/// The soak (issue 12 point 4): the budget load (GP inbox and worklist, patient page, marker results, transmissions whose
/// e-mails go through the outbox, the nurse's late transmissions) for a long period against two Relais instances on one
/// PostgreSQL, while bench/run.sh --soak injects faults (the SMTP sink down for a minute; one instance killed and
/// restarted). Each request goes to the instances in turn and, when an instance does not answer or answers 5xx, is
/// retried on the other (writes carry an Idempotency-Key, so a retry never writes twice). Reports the requests still
/// failed after retry, the messages lost or duplicated (every transmission the API confirmed must have each of its
/// e-mails in the sink, under one Message-ID), the surviving instance's memory after warm-up and at the end, and the
/// sign-in answer times for an existing account and for an unknown address.
/// </summary>
public sealed class Soak(DriverOptions options)
{
    private const int MaxAttempts = 6;
    private readonly string[] urls = [options.Url, .. options.OtherUrls];
    private readonly string run = $"soak-{DateTime.UtcNow:yyyyMMddHHmmss}";
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly Dictionary<string, OpStats> ops = [];
    private readonly List<(string Key, Guid Transmission)> confirmed = [];
    private readonly List<double> signInKnown = [], signInUnknown = [];
    private readonly HashSet<Guid> noRecipient = [];
    // The warm-up's transmissions carry their own key prefix, so that the count of what was stored is the measured period's.
    private string phase = "warm";
    private long rotation, signInThrottled, signInUnexpected;
    private NpgsqlDataSource db = null!;

    private sealed class OpStats
    {
        public long Ok, Retried, Failed, Refused;
        public readonly List<double> Latencies = [];
        public readonly List<string> Errors = [];
    }

    public sealed record Memory(long RssKb, long HwmKb);

    public async Task<int> RunAsync()
    {
        db = NpgsqlDataSource.Create(options.Connection);
        var bench = new Bench(options);
        var (gps, nurses) = await bench.SignInAsync(4, 1);
        var probes = await ProbeAccountsAsync();
        Console.WriteLine($"soak {run}: {options.Soak!.Value.TotalMinutes:N0} min on {string.Join(", ", urls)}; {gps.Count} GPs, {nurses.Count} nurses; " +
            $"{probes.Count} accounts for the sign-in timing");

        using var stop = new CancellationTokenSource();
        // Warm-up: the same load, not counted, then the surviving instance's memory is the baseline.
        var warm = Task.WhenAll(Workers(gps, nurses, stop.Token));
        await Task.Delay(options.Warmup, CancellationToken.None);
        await stop.CancelAsync();
        await warm;
        ops.Clear();
        confirmed.Clear();
        phase = "tx";
        var start = Mem(options.ServerPid);
        var started = DateTimeOffset.UtcNow;
        // bench/run.sh --soak waits for this file to start its fault timeline.
        if (options.SoakMarker is { } marker) await File.WriteAllTextAsync(marker, started.ToString("O", CultureInfo.InvariantCulture));
        Console.WriteLine($"soak started {started:HH:mm:ss}; instance A pid {options.ServerPid}: RSS {start.RssKb / 1024} MiB");

        using var measured = new CancellationTokenSource(options.Soak.Value);
        var sampler = SampleMemoryAsync(measured.Token);
        var load = Workers(gps, nurses, measured.Token).Append(SignInProbesAsync(probes, measured.Token));
        await Task.WhenAll(load);
        var end = Mem(options.ServerPid);
        var samples = await sampler;
        var ended = DateTimeOffset.UtcNow;
        Console.WriteLine($"soak load ended {ended:HH:mm:ss}; instance A RSS {end.RssKb / 1024} MiB; waiting for the outbox");

        var messages = await MessagesAsync();
        var faults = options.FaultsLog is { } f && File.Exists(f) ? await File.ReadAllLinesAsync(f) : [];
        var md = Report(started, ended, start, end, samples, messages, faults);
        Directory.CreateDirectory(options.ResultsDir);
        var commit = options.Commit ?? "unknown";
        var path = Path.Combine(options.ResultsDir, $"{started:yyyy-MM-dd-HHmm}-{(commit.Length >= 7 ? commit[..7] : commit)}-soak.md");
        await File.WriteAllTextAsync(path, md);
        Console.WriteLine();
        Console.WriteLine(md);
        Console.WriteLine($"results: {path}");
        return 0;
    }

    private IEnumerable<Task> Workers(List<VirtualUser> gps, List<VirtualUser> nurses, CancellationToken ct) =>
        gps.Select(u => GpLoopAsync(u, ct)).Concat(nurses.Select(u => NurseLoopAsync(u, ct)));

    private async Task GpLoopAsync(VirtualUser u, CancellationToken ct)
    {
        var i = 0;
        while (!ct.IsCancellationRequested)
        {
            var p = u.Patients[u.Random.Next(u.Patients.Count)];
            switch (i++ % 10)
            {
                case 0 or 5: await CallAsync("inbox", u.Bearer, () => Get("/api/inbox"), ct); break;
                case 1 or 6: await CallAsync("worklist", u.Bearer, () => Get("/api/follow-up/worklist"), ct); break;
                case 2 or 7: await CallAsync("patient-page", u.Cookie!, () => Get($"/patients/{p.Id}"), ct); break;
                case 3 or 8:
                    var m = u.Patients.FirstOrDefault(x => x.Marker is not null && x.Id == p.Id) ?? u.Patients.First(x => x.Marker is not null);
                    var key = $"{run}-obs-{Guid.NewGuid():N}";
                    await CallAsync("marker-ingest", u.Bearer, () => Post($"/api/patients/{m.Id}/observations", new
                    {
                        code = m.Marker switch { "Ca153" => "ca15-3", "Psa" => "psa", _ => "cea" },
                        value = Math.Round((m.LastValue ?? 10m) * (0.95m + (decimal)u.Random.NextDouble() * 0.1m), 2),
                        unit = m.Marker == "Ca153" ? "U/mL" : "ng/mL",
                        effective = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        laboratory = m.Laboratory,
                    }, key), ct);
                    break;
                case 4:
                    // A C10 transmission: one outbox e-mail per recipient. The key is in the text too, to count what was stored.
                    var tkey = $"{run}-{phase}-{Guid.NewGuid():N}";
                    lock (noRecipient) if (noRecipient.Contains(p.Id)) break;
                    var body = await CallAsync("transmission", u.Bearer, () => Post($"/api/patients/{p.Id}/transmissions",
                        new { obligation = "c10", message = $"Besoin en soins de support : orientation diététique souhaitée (soak {tkey})." }, tkey), ct);
                    if (body is null) lock (noRecipient) noRecipient.Add(p.Id);
                    else
                    {
                        using var doc = JsonDocument.Parse(body);
                        lock (confirmed) confirmed.Add((tkey, doc.RootElement.GetProperty("id").GetGuid()));
                    }
                    break;
                default: await CallAsync("patient-alerts", u.Bearer, () => Get($"/api/patients/{p.Id}/alerts"), ct); break;
            }
        }
    }

    private async Task NurseLoopAsync(VirtualUser u, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await CallAsync("pending-late", u.Bearer, () => Get("/api/transmissions/pending?lateOnly=true"), ct);
            await CallAsync("team-queue", u.Bearer, () => Get("/api/team-queue"), ct);
        }
    }

    private static (HttpMethod, string, object?, string?) Get(string path) => (HttpMethod.Get, path, null, null);

    private static (HttpMethod, string, object?, string?) Post(string path, object body, string key) => (HttpMethod.Post, path, body, key);

    /// <summary>
    /// One logical request: sent to the next instance in turn; a refused connection, a timeout or a 5xx is retried on the
    /// other instance (up to <see cref="MaxAttempts"/> times, over about 30 s); a 409 (the same Idempotency-Key still
    /// running) waits and asks again. Any other answer than 2xx, or no answer after the last attempt, is a failure.
    /// Answers the body of a success.
    /// </summary>
    private async Task<string?> CallAsync(string name, HttpClient client, Func<(HttpMethod Method, string Path, object? Body, string? Key)> make, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return null;
        var (method, path, body, key) = make();
        var first = (int)(Interlocked.Increment(ref rotation) % urls.Length);
        var watch = Stopwatch.StartNew();
        string? error = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var url = urls[(first + attempt) % urls.Length] + path;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null) request.Content = JsonContent.Create(body);
                if (key is not null) request.Headers.Add("Idempotency-Key", key);
                // The measured period's end never cuts a request short: a request once sent runs to its answer.
                using var response = await client.SendAsync(request, CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    Record(name, watch.Elapsed.TotalMilliseconds, attempt > 0, null);
                    return text;
                }
                error = $"HTTP {(int)response.StatusCode} {Truncate(text, 200)}";
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.Conflict)
                {
                    // An answer, not a fault: Relais refused this input (e.g. a transmission for a patient with no recipient
                    // left, after death or a move). Counted apart; the patient is not drawn again for it.
                    RecordRefusal(name, $"{DateTimeOffset.UtcNow:HH:mm:ss} {method} {path}: {error}");
                    return null;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = ex.GetType().Name + ": " + Truncate(ex.Message, 200);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), CancellationToken.None);
        }
        Record(name, watch.Elapsed.TotalMilliseconds, true, $"{DateTimeOffset.UtcNow:HH:mm:ss} {method} {path}: {error}");
        return null;
    }

    private void RecordRefusal(string name, string error)
    {
        lock (ops)
        {
            if (!ops.TryGetValue(name, out var s)) ops[name] = s = new OpStats();
            s.Refused++;
            if (s.Errors.Count < 10) s.Errors.Add(error);
        }
    }

    private void Record(string name, double ms, bool retried, string? error)
    {
        lock (ops)
        {
            if (!ops.TryGetValue(name, out var s)) ops[name] = s = new OpStats();
            if (error is null) { s.Ok++; s.Latencies.Add(ms); }
            else { s.Failed++; if (s.Errors.Count < 10) s.Errors.Add(error); }
            if (retried && error is null) s.Retried++;
        }
    }

    // ------------------------------------------------------------------ sign-in timing

    /// <summary>Accounts the load does not use (pharmacists, hospital doctors): a wrong password on them does not lock a driving user out.</summary>
    private async Task<List<string>> ProbeAccountsAsync()
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT "Email" FROM "AspNetUsers" WHERE "Email" LIKE 'pharmacien%@bench.relais' OR "Email" LIKE 'dr%@bench.relais' ORDER BY "Email" LIMIT 60
            """, c);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>
    /// Every two seconds, a failed sign-in: in turn an existing account with a wrong password and an address that is no
    /// account, on the instances in turn; the two series of answer times are compared in the report (same status expected:
    /// 401). 30 attempts a minute stay under the per-address limit (60); each account is tried about once every two minutes.
    /// </summary>
    private async Task SignInProbesAsync(List<string> accounts, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var n = 0;
        while (!ct.IsCancellationRequested)
        {
            var known = n % 2 == 0;
            var email = known ? accounts[n / 2 % accounts.Count] : $"inconnu{n}-{run}@bench.relais";
            var url = urls[n / 2 % urls.Length] + "/api/auth/login";
            n++;
            var watch = Stopwatch.StartNew();
            try
            {
                using var r = await client.PostAsJsonAsync(url, new { email, password = "Mauvais-mot-de-passe-2026!", twoFactorCode = "000000" }, CancellationToken.None);
                var ms = watch.Elapsed.TotalMilliseconds;
                if (r.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref signInThrottled);
                else if (r.StatusCode != HttpStatusCode.Unauthorized) Interlocked.Increment(ref signInUnexpected);
                else lock (signInKnown) (known ? signInKnown : signInUnknown).Add(ms);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The instance being killed: not a timing sample.
            }
            try { await Task.Delay(TimeSpan.FromSeconds(2), ct); } catch (OperationCanceledException) { }
        }
    }

    // ------------------------------------------------------------------ memory

    private static Memory Mem(int pid) => new(Proc.StatusKb(pid, "VmRSS"), Proc.StatusKb(pid, "VmHWM"));

    private async Task<List<(double Minute, long RssKb)>> SampleMemoryAsync(CancellationToken ct)
    {
        var list = new List<(double, long)>();
        var watch = Stopwatch.StartNew();
        while (!ct.IsCancellationRequested)
        {
            list.Add((watch.Elapsed.TotalMinutes, Proc.StatusKb(options.ServerPid, "VmRSS")));
            try { await Task.Delay(TimeSpan.FromSeconds(30), ct); } catch (OperationCanceledException) { }
        }
        return list;
    }

    // ------------------------------------------------------------------ messages

    private sealed record MessageCheck(int Confirmed, int StoredTransmissions, int KeysStoredTwice, int Expected, int Sent, int Pending, int DeadLetter,
        int InSink, int Lost, int SameIdDuplicates, int OtherIdDuplicates, double DrainSeconds, List<string> Details);

    /// <summary>
    /// Waits (up to 8 minutes) until every e-mail of the confirmed transmissions has left the outbox, then matches them in the
    /// sink's Maildir by Message-ID. Lost: a confirmed transmission that is not stored, or one of its e-mails not sent or not
    /// in the sink. Duplicates: the same Message-ID delivered more than once (allowed: at least once), or a transmission
    /// stored twice for one key or an e-mail under two Message-IDs for one recipient (not allowed).
    /// </summary>
    private async Task<MessageCheck> MessagesAsync()
    {
        var ids = confirmed.Select(c => c.Transmission).ToArray();
        var watch = Stopwatch.StartNew();
        List<(Guid Recipient, string MessageId, string Status, string? Error)> rows;
        while (true)
        {
            rows = await OutboxRowsAsync(ids);
            if (rows.All(r => r.Status != "Pending") || watch.Elapsed > TimeSpan.FromMinutes(8)) break;
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        var drain = watch.Elapsed.TotalSeconds;
        // The sink writes each message as it takes it: give the last ones a moment.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var sink = SinkMessageIds();
        var details = new List<string>();

        await using var c = await db.OpenConnectionAsync();
        var stored = new Dictionary<string, int>();
        await using (var cmd = new NpgsqlCommand("""SELECT substring("Message" from 'soak (soak-[0-9]+-tx-[0-9a-f]+)') FROM "Transmissions" WHERE "Message" LIKE $1""", c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"%{run}-tx-%" });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) if (!r.IsDBNull(0)) stored[r.GetString(0)] = stored.GetValueOrDefault(r.GetString(0)) + 1;
        }
        var storedIds = new HashSet<Guid>();
        await using (var cmd = new NpgsqlCommand("""SELECT "Id" FROM "Transmissions" WHERE "Id" = ANY($1)""", c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) storedIds.Add(r.GetGuid(0));
        }
        var missingTransmissions = ids.Count(id => !storedIds.Contains(id));
        if (missingTransmissions > 0) details.Add($"{missingTransmissions} confirmed transmissions are not in the database");
        var lost = missingTransmissions;
        foreach (var row in rows)
        {
            if (row.Status == "Sent" && sink.ContainsKey(row.MessageId)) continue;
            lost++;
            if (details.Count < 20) details.Add($"{row.MessageId}: {row.Status}{(row.Status == "Sent" ? ", not in the sink" : "")}{(row.Error is null ? "" : $" ({Truncate(row.Error, 150)})")}");
        }
        var sameId = rows.Sum(r => Math.Max(0, sink.GetValueOrDefault(r.MessageId) - 1));
        var otherId = rows.GroupBy(r => r.Recipient).Sum(g => g.Count() - 1);
        var twice = stored.Count(kv => kv.Value > 1);
        if (twice > 0) details.Add($"{twice} idempotency keys stored more than one transmission");
        return new MessageCheck(ids.Length, stored.Values.Sum(), twice, rows.Count, rows.Count(r => r.Status == "Sent"), rows.Count(r => r.Status == "Pending"),
            rows.Count(r => r.Status == "DeadLetter"), rows.Count(r => sink.ContainsKey(r.MessageId)), lost, sameId, otherId, drain, details);
    }

    private async Task<List<(Guid, string, string, string?)>> OutboxRowsAsync(Guid[] transmissions)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT o."TransmissionRecipientId", o."MessageId", o."Status", o."LastError" FROM "OutboxMessages" o
            JOIN "TransmissionRecipients" r ON r."Id" = o."TransmissionRecipientId" WHERE r."TransmissionId" = ANY($1)
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = transmissions });
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<(Guid, string, string, string?)>();
        while (await reader.ReadAsync())
            list.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return list;
    }

    /// <summary>Message-ID → number of copies in the sink's Maildir (new/ and cur/).</summary>
    private Dictionary<string, int> SinkMessageIds()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (options.Maildir is null) return counts;
        foreach (var sub in new[] { "new", "cur" })
        {
            var dir = Path.Combine(options.Maildir, sub);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (line.Length == 0) break; // end of the headers
                    if (!line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase)) continue;
                    var id = line["Message-ID:".Length..].Trim();
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                    break;
                }
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------ report

    private string Report(DateTimeOffset started, DateTimeOffset ended, Memory start, Memory end, List<(double Minute, long RssKb)> samples, MessageCheck m, string[] faults)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var failed = ops.Values.Sum(s => s.Failed);
        var total = ops.Values.Sum(s => s.Ok + s.Failed + s.Refused);
        var growth = start.RssKb > 0 ? (end.RssKb - start.RssKb) * 100.0 / start.RssKb : 0;
        md.AppendLine(inv, $"# Relais soak — {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(inv, $"- commit `{options.Commit ?? "unknown"}`; machine: {Environment.ProcessorCount} CPUs ({Proc.CpuModel()}), {Proc.MemTotalKb() / 1024 / 1024.0:N1} GiB RAM");
        md.AppendLine(inv, $"- {options.Soak!.Value.TotalMinutes:N0} min measured ({started:HH:mm:ss}–{ended:HH:mm:ss} UTC) after a {options.Warmup.TotalSeconds:N0} s warm-up, on PostgreSQL, two Relais instances (A: {options.Url}, B: {string.Join(", ", options.OtherUrls)})");
        md.AppendLine("- load: 4 GPs (each in a loop: inbox, follow-up worklist, patient page, patient alerts, a marker result, and one C10 transmission in ten operations) and 1 nurse coordinator (late transmissions, team queue); each request to the instances in turn, retried on the other on a refused connection, a timeout or a 5xx (up to 6 attempts, about 30 s); writes carry an `Idempotency-Key`; one failed sign-in every 2 s for the timing");
        md.AppendLine();
        md.AppendLine("## Faults injected (bench/run.sh --soak)");
        md.AppendLine();
        if (faults.Length == 0) md.AppendLine("none recorded");
        foreach (var f in faults) md.AppendLine(inv, $"- {f}");
        md.AppendLine();
        md.AppendLine("## Outcome");
        md.AppendLine();
        md.AppendLine("| check | target | measured | met |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine(inv, $"| requests failed after retry | 0 | {failed} of {total:N0} | {Yes(failed == 0)} |");
        md.AppendLine(inv, $"| messages lost | 0 | {m.Lost} of {m.Expected:N0} e-mails ({m.Confirmed:N0} confirmed transmissions) | {Yes(m.Lost == 0)} |");
        md.AppendLine(inv, $"| duplicates under another Message-ID (or a transmission stored twice) | 0 | {m.OtherIdDuplicates + m.KeysStoredTwice} | {Yes(m.OtherIdDuplicates + m.KeysStoredTwice == 0)} |");
        md.AppendLine(inv, $"| duplicates under the same Message-ID (allowed: at least once) | — | {m.SameIdDuplicates} | — |");
        md.AppendLine(inv, $"| memory of instance A (VmRSS), end vs after warm-up | within 10 % | {start.RssKb / 1024.0:N0} → {end.RssKb / 1024.0:N0} MiB ({growth:+0.0;-0.0} %); peak {end.HwmKb / 1024.0:N0} MiB | {Yes(growth <= 10)} |");
        md.AppendLine();
        md.AppendLine(inv, $"Outbox: {m.Expected:N0} e-mails for the confirmed transmissions — {m.Sent:N0} sent, {m.Pending} pending, {m.DeadLetter} dead letters after {m.DrainSeconds:N0} s of waiting; {m.InSink:N0} found in the sink by Message-ID; {m.StoredTransmissions:N0} soak transmissions stored for {m.Confirmed:N0} confirmed.");
        foreach (var d in m.Details) md.AppendLine(inv, $"- {d}");
        md.AppendLine();
        md.AppendLine("## Requests");
        md.AppendLine();
        md.AppendLine("| operation | ok | retried and ok | failed after retry | refused (4xx answer to the input) | p50 ms | p95 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, s) in ops.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            s.Latencies.Sort();
            md.AppendLine(inv, $"| {name} | {s.Ok:N0} | {s.Retried:N0} | {s.Failed} | {s.Refused} | {P(s.Latencies, 0.5):N1} | {P(s.Latencies, 0.95):N1} | {P(s.Latencies, 0.99):N1} |");
        }
        foreach (var (name, s) in ops.Where(kv => kv.Value.Errors.Count > 0))
            foreach (var e in s.Errors) md.AppendLine(inv, $"- {name}: {e}");
        md.AppendLine();
        md.AppendLine("## Sign-in answer time (failed sign-ins, 401)");
        md.AppendLine();
        signInKnown.Sort();
        signInUnknown.Sort();
        md.AppendLine("| address | attempts | p50 ms | p95 ms | mean ms |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        md.AppendLine(inv, $"| existing account, wrong password | {signInKnown.Count} | {P(signInKnown, 0.5):N1} | {P(signInKnown, 0.95):N1} | {(signInKnown.Count > 0 ? signInKnown.Average() : 0):N1} |");
        md.AppendLine(inv, $"| unknown address | {signInUnknown.Count} | {P(signInUnknown, 0.5):N1} | {P(signInUnknown, 0.95):N1} | {(signInUnknown.Count > 0 ? signInUnknown.Average() : 0):N1} |");
        md.AppendLine();
        md.AppendLine(inv, $"Median difference {P(signInKnown, 0.5) - P(signInUnknown, 0.5):+0.0;-0.0} ms; {signInThrottled} attempts answered 429 and {signInUnexpected} another status than 401 (left out of the times).");
        md.AppendLine();
        md.AppendLine("## Memory of instance A over the run (VmRSS, every 30 s)");
        md.AppendLine();
        md.AppendLine(string.Join(", ", samples.Select(s => string.Create(inv, $"{s.Minute:N1} min {s.RssKb / 1024} MiB"))));
        return md.ToString();
    }

    private static string Yes(bool ok) => ok ? "yes" : "**no**";

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];
}
