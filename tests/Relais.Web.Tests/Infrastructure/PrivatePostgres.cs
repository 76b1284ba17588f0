using System.Diagnostics;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb in a temporary folder, run as the 'postgres' user as scripts/test.sh
/// does), so that the test may stop and restart the server without touching the cluster every other test uses.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("relais-pg-").FullName;
    private readonly string bin = ServerBin();

    private PrivatePostgres() => Port = ChildRelais.FreePort();

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5";

    private string Data => Path.Combine(root, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var pg = new PrivatePostgres();
        Directory.CreateDirectory(Path.Combine(pg.root, "socket"));
        await RunAsync("chown", "-R", "postgres:postgres", pg.root);
        await pg.AsPostgresAsync("initdb", "-D", pg.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await pg.StartServerAsync();
        return pg;
    }

    public Task StartServerAsync() => AsPostgresAsync("pg_ctl", "-D", Data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {Path.Combine(root, "socket")} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops the server at once, as a crash or a failover does: open connections are cut, nothing is flushed politely.</summary>
    public Task StopServerAsync() => AsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        try { await StopServerAsync(); }
        catch (InvalidOperationException) { }
        Directory.Delete(root, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments]);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        // No redirected output: the server pg_ctl starts would inherit the pipes and keep them open.
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { WorkingDirectory = "/", UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited {process.ExitCode}");
    }

    /// <summary>The newest PostgreSQL server installed (the one scripts/test.sh uses).</summary>
    private static string ServerBin() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault() ?? throw new InvalidOperationException("no PostgreSQL server under /usr/lib/postgresql (scripts/test.sh installs it)");
}
