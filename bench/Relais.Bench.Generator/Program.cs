using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Relais.Bench.Generator;

// Relais.Bench.Generator --connection <npgsql> --patients N --seed S [--today yyyy-MM-dd] [--password P]
// Loads a database already migrated by Relais (start Relais once on it) with a synthetic region.
var options = Args.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Relais.Bench.Generator --connection <npgsql connection string> --patients N --seed S [--today yyyy-MM-dd] [--password P]");
    return 2;
}

var total = Stopwatch.StartNew();
var builder = new NpgsqlDataSourceBuilder(options.Connection);
await using var source = builder.Build();

await using (var check = await source.OpenConnectionAsync())
{
    var protocols = await Scalar<long>(check, "SELECT count(*) FROM \"Protocols\"");
    if (protocols == 0)
    {
        Console.Error.WriteLine("The database has no protocols: start Relais once on it (it migrates and stores the shipped protocols), then run the generator.");
        return 1;
    }
    var patients = await Scalar<long>(check, "SELECT count(*) FROM \"Patients\"");
    if (patients > 0)
    {
        Console.Error.WriteLine($"The database already holds {patients} patients: the generator loads an empty Relais database only.");
        return 1;
    }
}

Console.WriteLine($"Relais bench generator: {options.Patients:N0} patients, seed {options.Seed}, today {options.Today:yyyy-MM-dd}");

// Bulk loading: secondary indexes and foreign keys are dropped, the tables are loaded by COPY (all at
// once, one connection each), then the indexes and constraints are rebuilt exactly as they were.
var schema = await Schema.CaptureAsync(source);
Console.WriteLine($"dropping {schema.Indexes.Count} secondary indexes and {schema.ForeignKeys.Count} foreign keys for the load");
await schema.DropAsync(source);

var load = Stopwatch.StartNew();
var region = new Region(options, source);
var tables = await region.LoadAsync();
load.Stop();
var rows = tables.Sum(t => t.Rows);
Console.WriteLine();
Console.WriteLine($"{"table",-24} {"rows",12} {"rows/s",12}");
foreach (var t in tables.OrderByDescending(t => t.Rows))
    Console.WriteLine($"{t.Name,-24} {t.Rows,12:N0} {t.Rows / Math.Max(0.001, t.Elapsed.TotalSeconds),12:N0}");
Console.WriteLine($"{"all tables (COPY)",-24} {rows,12:N0} {rows / load.Elapsed.TotalSeconds,12:N0}   in {load.Elapsed.TotalSeconds:N1} s (tables stream concurrently)");

var rebuild = Stopwatch.StartNew();
await schema.RestoreAsync(source, Math.Max(1, Environment.ProcessorCount));
Console.WriteLine($"indexes and foreign keys rebuilt in {rebuild.Elapsed.TotalSeconds:N1} s");

// The indicators' kept cases (IndicatorObservations) are Relais's to compute: forgetting what they were computed with
// makes Relais mark every loaded patient at its next start and compute them in the background.
await using (var c = await source.OpenConnectionAsync())
{
    await using var forget = new NpgsqlCommand("DELETE FROM \"IndicatorRefreshStates\"", c);
    await forget.ExecuteNonQueryAsync();
}

var analyze = Stopwatch.StartNew();
await using (var c = await source.OpenConnectionAsync())
{
    await using var cmd = new NpgsqlCommand("VACUUM (ANALYZE)", c) { CommandTimeout = 0 };
    await cmd.ExecuteNonQueryAsync();
}
Console.WriteLine($"VACUUM ANALYZE in {analyze.Elapsed.TotalSeconds:N1} s");
Console.WriteLine($"total {total.Elapsed.TotalSeconds:N1} s ({total.Elapsed:mm\\:ss}) for {options.Patients:N0} patients, {rows:N0} rows");
Console.WriteLine($"password of every generated account: {options.Password}");
return 0;

static async Task<T> Scalar<T>(NpgsqlConnection c, string sql)
{
    await using var cmd = new NpgsqlCommand(sql, c);
    return (T)(await cmd.ExecuteScalarAsync())!;
}

public sealed record Args(string Connection, int Patients, int Seed, DateOnly Today, string Password)
{
    public const string DefaultPassword = "Relais-Bench-2026!";

    public static Args? Parse(string[] args)
    {
        string? connection = null;
        int patients = 20_000, seed = 1;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var password = DefaultPassword;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--connection": connection = value; break;
                case "--patients": patients = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--today": today = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--password": password = value; break;
                default: return null;
            }
        }
        if (args.Length % 2 != 0 || connection is null || patients < 1 || patients > 1_000_000) return null; // the INS order number holds six digits (index 0 to 999,999)
        return new Args(connection, patients, seed, today, password);
    }
}
