using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Relais.Bench.Generator;

/// <summary>
/// One table being loaded by <c>COPY ... FROM STDIN (FORMAT BINARY)</c> on its own connection, so that
/// every table streams at once while the generator walks the patients once (no table is held in memory).
/// Typed writes only: no boxing, and a wrong type fails at the first row rather than silently.
/// </summary>
public sealed class CopyTable : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlBinaryImporter importer;
    private readonly Stopwatch open = Stopwatch.StartNew();

    private CopyTable(string name, NpgsqlConnection connection, NpgsqlBinaryImporter importer)
    {
        Name = name;
        this.connection = connection;
        this.importer = importer;
    }

    public string Name { get; }
    public long Rows { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public static async Task<CopyTable> OpenAsync(NpgsqlDataSource source, string table, params string[] columns)
    {
        var connection = await source.OpenConnectionAsync();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        var importer = await connection.BeginBinaryImportAsync(sql);
        return new CopyTable(table, connection, importer);
    }

    public CopyTable Row()
    {
        importer.StartRow();
        Rows++;
        return this;
    }

    public CopyTable Id(Guid v) { importer.Write(v, NpgsqlDbType.Uuid); return this; }
    public CopyTable Id(Guid? v) { if (v is { } x) importer.Write(x, NpgsqlDbType.Uuid); else importer.WriteNull(); return this; }
    public CopyTable Text(string? v) { if (v is null) importer.WriteNull(); else importer.Write(v, NpgsqlDbType.Text); return this; }
    public CopyTable Int(int v) { importer.Write(v, NpgsqlDbType.Integer); return this; }
    public CopyTable Int(int? v) { if (v is { } x) importer.Write(x, NpgsqlDbType.Integer); else importer.WriteNull(); return this; }
    public CopyTable Long(long v) { importer.Write(v, NpgsqlDbType.Bigint); return this; }
    public CopyTable Bool(bool v) { importer.Write(v, NpgsqlDbType.Boolean); return this; }
    public CopyTable Bool(bool? v) { if (v is { } x) importer.Write(x, NpgsqlDbType.Boolean); else importer.WriteNull(); return this; }
    public CopyTable Dec(decimal v) { importer.Write(v, NpgsqlDbType.Numeric); return this; }
    public CopyTable Dec(decimal? v) { if (v is { } x) importer.Write(x, NpgsqlDbType.Numeric); else importer.WriteNull(); return this; }
    public CopyTable Date(DateOnly v) { importer.Write(v, NpgsqlDbType.Date); return this; }
    public CopyTable Date(DateOnly? v) { if (v is { } x) importer.Write(x, NpgsqlDbType.Date); else importer.WriteNull(); return this; }
    public CopyTable At(DateTimeOffset v) { importer.Write(v.ToUniversalTime(), NpgsqlDbType.TimestampTz); return this; }
    public CopyTable At(DateTimeOffset? v) { if (v is { } x) importer.Write(x.ToUniversalTime(), NpgsqlDbType.TimestampTz); else importer.WriteNull(); return this; }

    public async Task CompleteAsync()
    {
        await importer.CompleteAsync();
        Elapsed = open.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await importer.DisposeAsync();
        await connection.DisposeAsync();
    }
}
