using Npgsql;

namespace Relais.Bench.Generator;

/// <summary>
/// The secondary indexes and foreign keys of the public schema, read from the catalogue (so the
/// generator follows the migrations without a copy of them), dropped for the load and rebuilt after.
/// </summary>
public sealed class Schema
{
    public List<(string Name, string Definition)> Indexes { get; } = [];
    public List<(string Table, string Name, string Definition)> ForeignKeys { get; } = [];

    public static async Task<Schema> CaptureAsync(NpgsqlDataSource source)
    {
        var schema = new Schema();
        await using var c = await source.OpenConnectionAsync();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.contype IN ('p', 'u'))
            ORDER BY i.tablename, i.indexname
            """, c))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) schema.Indexes.Add((r.GetString(0), r.GetString(1)));
        await using (var cmd = new NpgsqlCommand("""
            SELECT k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
            JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE n.nspname = 'public' AND k.contype = 'f' ORDER BY 1, 2
            """, c))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) schema.ForeignKeys.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        return schema;
    }

    public async Task DropAsync(NpgsqlDataSource source)
    {
        await using var c = await source.OpenConnectionAsync();
        foreach (var (table, name, _) in ForeignKeys)
            await Exec(c, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        foreach (var (name, _) in Indexes)
            await Exec(c, $"DROP INDEX \"{name}\"");
    }

    /// <summary>Rebuilds the indexes on <paramref name="parallel"/> connections, then the foreign keys (validated).</summary>
    public async Task RestoreAsync(NpgsqlDataSource source, int parallel)
    {
        var queue = new Queue<string>(Indexes.Select(i => i.Definition));
        var workers = Enumerable.Range(0, parallel).Select(async _ =>
        {
            await using var c = await source.OpenConnectionAsync();
            await Exec(c, "SET maintenance_work_mem = '256MB'");
            while (true)
            {
                string? next;
                lock (queue) next = queue.Count > 0 ? queue.Dequeue() : null;
                if (next is null) return;
                await Exec(c, next);
            }
        });
        await Task.WhenAll(workers);
        await using var fk = await source.OpenConnectionAsync();
        foreach (var (table, name, definition) in ForeignKeys)
            await Exec(fk, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}");
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
