using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Relais.Bench.Driver;

/// <summary>One statement Relais sent, as PostgreSQL logged it: its text and its parameters' values as text (null for NULL).</summary>
public sealed record CapturedStatement(int Pid, string Vxid, string Text, IReadOnlyList<string?> Parameters)
{
    public bool IsWrite => !Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !Text.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The honest twin of a scenario (issue 18 point 1): the statements Relais itself sent to PostgreSQL for one request, read
/// from the server's log. The app is untouched: the driver turns <c>log_statement = 'all'</c> on (ALTER SYSTEM and a
/// reload) only while it captures, with a <c>log_line_prefix</c> that carries the backend, the virtual transaction and the
/// application name; before and after each request it runs a marker query on its own connection (application name
/// <see cref="AppName"/>), and keeps what the other client backends logged between the two markers. Relais's background
/// services (audit sealer, outbox dispatcher, indicator refresher) use the same pool: the texts they send while nothing
/// is asked are learnt first (a quiet window), and every transaction that contains one of them is left out.
/// </summary>
public sealed class Capture(NpgsqlDataSource db, string logPath)
{
    public const string AppName = "relais-bench-capture";
    private const string Prefix = "@@|%p|%v|%b|%a|";
    private static readonly Regex Line = new(@"^@@\|(\d*)\|([^|]*)\|([^|]*)\|([^|]*)\|([A-Z]+):  (.*)$", RegexOptions.Compiled);
    private static readonly Regex Duration = new(@"^duration: [0-9.]+ ms  ", RegexOptions.Compiled);
    private static readonly Regex Execute = new(@"^execute [^:]*: ", RegexOptions.Compiled);
    private static readonly Regex InsertColumns = new(@"^\s*INSERT INTO\s+(""?[\w.]+""?)\s*\(([^)]*)\)\s*VALUES\s*", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex Placeholder = new(@"\$(\d+)", RegexOptions.Compiled);
    private static readonly Regex Uuid = new("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly string[] Control = ["BEGIN", "COMMIT", "ROLLBACK", "START TRANSACTION", "SAVEPOINT", "RELEASE", "DISCARD", "RESET ALL", "SET SESSION AUTHORIZATION DEFAULT", "CLOSE ALL", "UNLISTEN", "SELECT pg_advisory_unlock_all()"];

    private int marker;

    /// <summary>Transaction control and Npgsql's reset of a pooled connection: the replay opens and rolls back its own transaction.</summary>
    public static bool IsControl(string text) => Control.Any(c => text.TrimStart().StartsWith(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>Npgsql's reset of a connection taken again from the pool (sent before the next statement, in the same write).</summary>
    public static bool IsReset(string text) => text.TrimStart().StartsWith("SET SESSION AUTHORIZATION DEFAULT", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart().StartsWith("DISCARD ALL", StringComparison.OrdinalIgnoreCase);

    public async Task StartAsync()
    {
        await using var c = await db.OpenConnectionAsync();
        await ExecAsync(c, $"ALTER SYSTEM SET log_line_prefix = '{Prefix}'");
        await ExecAsync(c, "ALTER SYSTEM SET log_statement = 'all'");
        await ExecAsync(c, "ALTER SYSTEM SET log_parameter_max_length = -1");
        await ExecAsync(c, "SELECT pg_reload_conf()");
        // A backend applies a reload when it next reads a command: give the idle pooled ones a moment.
        await Task.Delay(500);
    }

    public async Task StopAsync()
    {
        await using var c = await db.OpenConnectionAsync();
        await ExecAsync(c, "ALTER SYSTEM RESET log_statement");
        await ExecAsync(c, "SELECT pg_reload_conf()");
    }

    /// <summary>
    /// What Relais's client backends sent between the two markers around <paramref name="request"/>, in order, with their
    /// parameters; the audit sealer's transactions (its advisory lock, its inserts of seals) left out.
    /// </summary>
    public async Task<List<CapturedStatement>> RequestAsync(Func<Task> request)
    {
        var all = await BetweenMarkersAsync(request);
        // The sealer's transaction takes its advisory lock and is the only writer of seals.
        var sealer = all.Where(s => s.Text.Contains("pg_advisory_xact_lock", StringComparison.Ordinal)
                || s.Text.TrimStart().StartsWith("INSERT INTO \"AuditSeals\"", StringComparison.Ordinal))
            .Select(s => (s.Pid, s.Vxid)).ToHashSet();
        return [.. all.Where(s => !sealer.Contains((s.Pid, s.Vxid)))];
    }

    /// <summary>
    /// The statements of <paramref name="middle"/> that one of its neighbours (requests of the same scenario, captured just
    /// before and after) also sent, in order (a longest common subsequence of the texts with each): what a background
    /// service sent during the middle window only (the outbox dispatcher, the reminders, the indicator refresher share
    /// Relais's pool) falls out.
    /// </summary>
    public static List<CapturedStatement> Common(List<CapturedStatement> before, List<CapturedStatement> middle, List<CapturedStatement> after)
    {
        var kept = Matched(before, middle);
        kept.UnionWith(Matched(after, middle));
        return [.. middle.Where((_, i) => kept.Contains(i))];
    }

    private static HashSet<int> Matched(List<CapturedStatement> other, List<CapturedStatement> middle)
    {
        var a = other.Select(s => Normalise(s.Text)).ToArray();
        var b = middle.Select(s => Normalise(s.Text)).ToArray();
        var l = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                l[i, j] = a[i] == b[j] ? l[i + 1, j + 1] + 1 : Math.Max(l[i + 1, j], l[i, j + 1]);
        var matched = new HashSet<int>();
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j]) { matched.Add(j); i++; j++; }
            else if (l[i + 1, j] >= l[i, j + 1]) i++;
            else j++;
        }
        return matched;
    }

    private async Task<List<CapturedStatement>> BetweenMarkersAsync(Func<Task> between)
    {
        var id = Interlocked.Increment(ref marker);
        var begin = $"relais-bench-capture-begin-{id}";
        var end = $"relais-bench-capture-end-{id}";
        var offset = new FileInfo(logPath).Length;
        await using (var c = await db.OpenConnectionAsync()) await ExecAsync(c, $"SELECT '{begin}'");
        await between();
        await using (var c = await db.OpenConnectionAsync()) await ExecAsync(c, $"SELECT '{end}'");
        for (var attempt = 0; ; attempt++)
        {
            var entries = Parse(await ReadFromAsync(offset));
            var b = entries.FindIndex(e => e.App == AppName && e.Message.Contains($"'{begin}'", StringComparison.Ordinal));
            var f = entries.FindIndex(e => e.App == AppName && e.Message.Contains($"'{end}'", StringComparison.Ordinal));
            if (b >= 0 && f > b)
                return [.. entries.Skip(b + 1).Take(f - b - 1).Where(e => e.App != AppName && e.Backend == "client backend" && e.Statement is not null)
                    .Select(e => new CapturedStatement(e.Pid, e.Vxid, e.Statement!, e.Parameters))];
            if (attempt >= 20) throw new InvalidOperationException($"capture: markers {id} not found in {logPath} (is log_statement honoured?)");
            await Task.Delay(100);
        }
    }

    private async Task<string> ReadFromAsync(long offset)
    {
        await using var f = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        f.Seek(offset, SeekOrigin.Begin);
        using var r = new StreamReader(f, Encoding.UTF8);
        return await r.ReadToEndAsync();
    }

    private sealed class Entry
    {
        public int Pid;
        public string Vxid = "";
        public string Backend = "";
        public string App = "";
        public string Level = "";
        public StringBuilder Text = new();
        public string Message => Text.ToString();
        public string? Statement;
        public List<string?> Parameters = [];
    }

    private static List<Entry> Parse(string log)
    {
        var entries = new List<Entry>();
        Entry? current = null;
        foreach (var raw in log.Split('\n'))
        {
            var m = Line.Match(raw);
            if (!m.Success)
            {
                // A continuation line of a multi-line statement or parameter value.
                current?.Text.Append('\n').Append(raw);
                continue;
            }
            var level = m.Groups[5].Value;
            if (level == "DETAIL" && current is not null && m.Groups[6].Value.StartsWith("parameters: ", StringComparison.Ordinal))
            {
                // The parameters belong to the statement logged just before by the same backend.
                Finish(current);
                current = new Entry { Pid = current.Pid, Vxid = current.Vxid, Backend = current.Backend, App = current.App, Level = "PARAMS" };
                current.Text.Append(m.Groups[6].Value["parameters: ".Length..]);
                entries.Add(current);
                continue;
            }
            if (current is not null) Finish(current);
            current = new Entry
            {
                Pid = int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var pid) ? pid : 0,
                Vxid = m.Groups[2].Value, Backend = m.Groups[3].Value, App = m.Groups[4].Value, Level = level,
            };
            current.Text.Append(m.Groups[6].Value);
            entries.Add(current);
        }
        if (current is not null) Finish(current);
        // Attach each parameters line to its statement.
        var result = new List<Entry>();
        foreach (var e in entries)
        {
            if (e.Level == "PARAMS")
            {
                var owner = result.LastOrDefault(x => x.Pid == e.Pid && x.Statement is not null);
                if (owner is not null) owner.Parameters = ParseParameters(e.Message);
                continue;
            }
            result.Add(e);
        }
        return result;
    }

    private static void Finish(Entry e)
    {
        if (e.Level != "LOG" || e.Statement is not null) return;
        var message = Duration.Replace(e.Message, "");
        if (message.StartsWith("statement: ", StringComparison.Ordinal)) e.Statement = message["statement: ".Length..];
        else if (Execute.IsMatch(message)) e.Statement = Execute.Replace(message, "", 1);
    }

    /// <summary>"$1 = 'a''b', $2 = NULL, ..." as PostgreSQL writes a statement's parameters.</summary>
    public static List<string?> ParseParameters(string s)
    {
        var values = new SortedDictionary<int, string?>();
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && (s[i] == ',' || s[i] == ' ')) i++;
            if (i >= s.Length || s[i] != '$') break;
            var j = i + 1;
            while (j < s.Length && char.IsDigit(s[j])) j++;
            var n = int.Parse(s[(i + 1)..j], CultureInfo.InvariantCulture);
            i = j + " = ".Length;
            if (string.CompareOrdinal(s, i, "NULL", 0, 4) == 0)
            {
                values[n] = null;
                i += 4;
                continue;
            }
            var v = new StringBuilder();
            i++; // opening quote
            while (i < s.Length)
            {
                if (s[i] == '\'')
                {
                    if (i + 1 < s.Length && s[i + 1] == '\'') { v.Append('\''); i += 2; continue; }
                    i++;
                    break;
                }
                v.Append(s[i++]);
            }
            values[n] = v.ToString();
        }
        return [.. values.Values];
    }

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static async Task ExecAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    // ------------------------------------------------------------------ replay

    /// <summary>
    /// A captured request made ready to replay: transaction control dropped (the replay opens its own transaction, rolled
    /// back when the sequence writes), each statement checked once in that transaction — with its parameters sent untyped
    /// (the server infers their types from the statement, as it parsed the app's), or, where it cannot, their values
    /// written into the text — and the keys of the rows the request inserted replaced by fresh ones at each replay.
    /// </summary>
    public sealed class Replay
    {
        public required List<(CapturedStatement Statement, bool Inline)> Statements;
        public required HashSet<string> InsertedKeys;
        public required bool Writes;
        public required List<string> Dropped;
        public int Count => Statements.Count;

        public async Task RunAsync(NpgsqlConnection c)
        {
            var keys = InsertedKeys.ToDictionary(k => k, _ => Guid.NewGuid().ToString(), StringComparer.OrdinalIgnoreCase);
            await using var tx = Writes ? await c.BeginTransactionAsync() : null;
            // Consecutive writes of one transaction go in one batch, as EF Core's SaveChanges sends them.
            var k = 0;
            while (k < Statements.Count)
            {
                await using var batch = new NpgsqlBatch(c, tx);
                do
                {
                    batch.BatchCommands.Add(Command(Statements[k].Statement, Statements[k].Inline, keys));
                    k++;
                }
                while (k < Statements.Count && Statements[k - 1].Statement.IsWrite && Statements[k].Statement.IsWrite
                    && Statements[k].Statement.Vxid == Statements[k - 1].Statement.Vxid);
                await using var r = await batch.ExecuteReaderAsync();
                do { while (await r.ReadAsync()) { } } while (await r.NextResultAsync());
            }
            if (tx is not null) await tx.RollbackAsync();
        }
    }

    public static async Task<Replay> PrepareAsync(NpgsqlConnection c, List<CapturedStatement> captured)
    {
        var statements = captured.Where(s => !IsControl(s.Text)).ToList();
        var inserted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in statements)
        {
            var m = InsertColumns.Match(s.Text);
            if (!m.Success) continue;
            var columns = m.Groups[2].Value.Split(',').Select(x => x.Trim().Trim('"')).ToList();
            var id = columns.IndexOf("Id");
            if (id < 0) continue;
            // Every row of a multi-row VALUES: the placeholder at the Id column's position in each tuple.
            foreach (Match tuple in Regex.Matches(s.Text[m.Length..], @"\(([^()]*)\)"))
            {
                var cells = tuple.Groups[1].Value.Split(',').Select(x => x.Trim()).ToList();
                if (cells.Count != columns.Count) continue;
                var p = Placeholder.Match(cells[id]);
                if (p.Success && int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n <= s.Parameters.Count
                    && s.Parameters[n - 1] is { } v && Uuid.IsMatch(v))
                    inserted.Add(v);
            }
        }
        var writes = statements.Any(s => s.IsWrite);
        var kept = new List<(CapturedStatement, bool)>();
        var dropped = new List<string>();
        var keys = inserted.ToDictionary(k => k, _ => Guid.NewGuid().ToString(), StringComparer.OrdinalIgnoreCase);
        await using var tx = await c.BeginTransactionAsync();
        foreach (var s in statements)
        {
            string? error = null;
            foreach (var inline in new[] { false, true })
            {
                await using (var sp = new NpgsqlCommand("SAVEPOINT twin", c, tx)) await sp.ExecuteNonQueryAsync();
                try
                {
                    await using var batch = new NpgsqlBatch(c, tx);
                    batch.BatchCommands.Add(Command(s, inline, keys));
                    await using (var r = await batch.ExecuteReaderAsync()) { do { while (await r.ReadAsync()) { } } while (await r.NextResultAsync()); }
                    await using (var rel = new NpgsqlCommand("RELEASE SAVEPOINT twin", c, tx)) await rel.ExecuteNonQueryAsync();
                    kept.Add((s, inline));
                    error = null;
                    break;
                }
                catch (Exception ex) when (ex is PostgresException or NotSupportedException)
                {
                    // NotSupportedException: a COPY of the background refresh caught in the capture, which Npgsql runs only
                    // through its COPY API — left out without a second try.
                    error = ex is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : ex.Message.Split('.')[0];
                    await using var back = new NpgsqlCommand("ROLLBACK TO SAVEPOINT twin", c, tx);
                    await back.ExecuteNonQueryAsync();
                    if (ex is NotSupportedException) break;
                }
            }
            if (error is not null) dropped.Add($"{Normalise(s.Text)[..Math.Min(80, Normalise(s.Text).Length)]}… ({error})");
        }
        await tx.RollbackAsync();
        return new Replay { Statements = kept, InsertedKeys = inserted, Writes = writes, Dropped = dropped };
    }

    private static NpgsqlBatchCommand Command(CapturedStatement s, bool inline, Dictionary<string, string> keys)
    {
        string? Value(string? v) => v is not null && keys.TryGetValue(v, out var fresh) ? fresh : v;
        if (inline)
        {
            var text = Placeholder.Replace(s.Text, m =>
            {
                var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (n > s.Parameters.Count) return m.Value;
                var v = Value(s.Parameters[n - 1]);
                return v is null ? "NULL" : "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'";
            });
            return new NpgsqlBatchCommand(text);
        }
        var command = new NpgsqlBatchCommand(s.Text);
        foreach (var v in s.Parameters)
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Unknown, Value = (object?)Value(v) ?? DBNull.Value });
        return command;
    }

    /// <summary>The p50 of <paramref name="times"/> replays of the sequences in turn, after 20 unmeasured ones.</summary>
    public static async Task<double> P50Async(NpgsqlConnection c, IReadOnlyList<Replay> replays, int times)
    {
        var samples = new List<double>();
        for (var i = 0; i < times + 20; i++)
        {
            var replay = replays[i % replays.Count];
            var t0 = Stopwatch.GetTimestamp();
            await replay.RunAsync(c);
            if (i >= 20) samples.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        samples.Sort();
        return samples[(samples.Count - 1) / 2];
    }
}
