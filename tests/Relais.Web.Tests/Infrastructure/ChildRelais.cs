using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// Relais.Web run as a real child process, on a database of its own, so that a test can kill it (SIGKILL: no shutdown,
/// no flush, no finally) and start it again on the same database, as a crash and a restart do in production.
/// </summary>
public sealed class ChildRelais : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildRelais(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote, for the message of a failed assertion.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>Starts the built Relais.Web with these settings (as environment variables) and waits until it answers.</summary>
    public static async Task<ChildRelais> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var folder = Path.GetDirectoryName(WebAssembly())!;
        var start = new ProcessStartInfo("dotnet", [WebAssembly()])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Relais__DemoData"] = "false";
        start.Environment["Security__Hsts"] = "false";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var child = new ChildRelais(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        await child.WaitUntilLiveAsync();
        return child;
    }

    /// <summary>SIGKILL, at once: the process gets no chance to finish what it was doing.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"Relais.Web exited ({process.ExitCode}) before answering:\n{Output}");
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health/live"))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Relais.Web did not answer within 120 s:\n{Output}");
    }

    /// <summary>The Relais.Web the solution build produced (src/Relais.Web/bin/&lt;configuration&gt;/&lt;framework&gt;).</summary>
    private static string WebAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Relais.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Relais.slnx not found above " + here.FullName);
        // tests/Relais.Web.Tests/bin/Release/net10.0 -> the same configuration and framework under src/Relais.Web.
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        return Path.Combine(root.FullName, "src", "Relais.Web", "bin", configuration, framework, "Relais.Web.dll");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
