using System.Net;
using System.Net.Sockets;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of the test command's SMTP sink that can go silent: after the end of the n-th message's data
/// (the CRLF.CRLF line) it keeps passing the client's bytes to the sink but drops every answer of the sink. The sink
/// has then received and stored the message while the sender never hears that it did: the moment of a crash between
/// the send and the recording of it.
/// </summary>
public sealed class StallingSmtpProxy : IAsyncDisposable
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly string upstreamHost;
    private readonly int upstreamPort;
    private int messages;
    private volatile bool silent;
    private int stallAfter = int.MaxValue;

    public StallingSmtpProxy(string upstreamHost, int upstreamPort)
    {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Completed when the proxy went silent.</summary>
    public TaskCompletionSource Stalled { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Goes silent after the end of the <paramref name="count"/>-th message data from now.</summary>
    public void StallAfter(int count)
    {
        Interlocked.Exchange(ref messages, 0);
        stallAfter = count;
        silent = false;
        Stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Relays everything again.</summary>
    public void PassThrough()
    {
        stallAfter = int.MaxValue;
        silent = false;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(upstreamHost, upstreamPort, stop.Token);
                var toServer = PumpAsync(client.GetStream(), upstream.GetStream(), fromClient: true);
                var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), fromClient: false);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException) { }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromClient)
    {
        var buffer = new byte[8192];
        var tail = new List<byte>(EndOfData.Length);
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                if (fromClient)
                {
                    // The end of a message's data may straddle two reads: look at the last bytes of the previous one too.
                    var window = tail.Concat(buffer.Take(read)).ToArray();
                    for (var i = 0; i + EndOfData.Length <= window.Length; i++)
                        if (window.AsSpan(i, EndOfData.Length).SequenceEqual(EndOfData) && i + EndOfData.Length > tail.Count
                            && Interlocked.Increment(ref messages) >= stallAfter)
                        {
                            silent = true;
                            Stalled.TrySetResult();
                        }
                    tail.Clear();
                    tail.AddRange(window.Skip(Math.Max(0, window.Length - (EndOfData.Length - 1))));
                }
                else if (silent)
                {
                    continue;
                }
                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
