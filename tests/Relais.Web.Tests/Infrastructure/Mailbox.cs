using MimeKit;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// The Maildir that the test command's SMTP sink (aiosmtpd, a real SMTP server on loopback) writes
/// every received message into.
/// </summary>
public static class Mailbox
{
    private static readonly string[] Delivered = ["new", "cur"];

    public static string Folder => Environment.GetEnvironmentVariable("RELAIS_TEST_MAILDIR")
        ?? throw new InvalidOperationException("RELAIS_TEST_MAILDIR is not set: run the tests through scripts/test.sh, which starts the SMTP sink.");

    public static IReadOnlyList<MimeMessage> All()
    {
        var files = Delivered.Select(d => Path.Combine(Folder, d)).Where(Directory.Exists).SelectMany(Directory.GetFiles);
        var messages = new List<MimeMessage>();
        foreach (var file in files)
        {
            try { messages.Add(MimeMessage.Load(file)); }
            catch (IOException) { }
        }
        return messages;
    }

    public static IReadOnlyList<MimeMessage> WithOutboxIds(IEnumerable<Guid> ids)
    {
        var wanted = ids.Select(i => i.ToString()).ToHashSet();
        return All().Where(m => m.Headers["X-Relais-Outbox"] is { } id && wanted.Contains(id)).ToList();
    }

    /// <summary>Waits a little for the sink to write what it accepted (it writes after answering 250).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(IEnumerable<Guid> ids, int expected)
    {
        var list = ids.ToList();
        for (var i = 0; i < 50; i++)
        {
            var found = WithOutboxIds(list);
            if (found.Count >= expected) return found;
            await Task.Delay(100);
        }
        return WithOutboxIds(list);
    }
}
