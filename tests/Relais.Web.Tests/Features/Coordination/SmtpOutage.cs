using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>
/// Points the dispatcher at a closed port — the SMTP server is "down" — until disposed or
/// <see cref="ServerBack"/>; the sink itself keeps running for the other tests.
/// </summary>
internal sealed class SmtpOutage : IDisposable
{
    private readonly MailOptions options;
    private readonly int realPort;

    public SmtpOutage(RelaisFactory factory)
    {
        options = factory.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        realPort = options.Port;
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        options.Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public void ServerBack() => options.Port = realPort;

    public void Dispose() => ServerBack();

    /// <summary>An outbox row as the dispatcher left it.</summary>
    public static async Task<OutboxMessage> OutboxAsync(RelaisFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id);
    }
}
