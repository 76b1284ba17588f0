using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Messaging;

/// <summary>
/// Nothing lost when the app dies (SECURITY.md promise 4; issue 12 point 2): Relais.Web runs as a child process on a
/// database of its own and is killed with SIGKILL once after messages were committed and before they were sent, and
/// once in the middle of a dispatch batch, after the SMTP sink had stored a message whose acceptance the app never heard.
/// After the restart every message reaches the real SMTP sink, and one delivered twice carries the same Message-ID both
/// times (the receiving side recognises the duplicate by it).
/// </summary>
public abstract class OutboxKillTests : IDisposable
{
    private readonly RelaisFactory factory;
    private readonly string folder = Directory.CreateTempSubdirectory("relais-kill-").FullName;
    private readonly string connection;

    protected OutboxKillTests(RelaisFactory factory)
    {
        this.factory = factory;
        // A database of the child's own: a new one on the test cluster, or a new SQLite file.
        connection = factory.Provider == "postgres"
            ? PostgresRelaisFactory.ConnectionStringFor($"relais_kill_{Guid.NewGuid():N}")
            : $"Data Source={Path.Combine(folder, "relais.db")}";
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task KilledBetweenCommitAndSend_AndInTheMiddleOfABatch_NoMessageIsLost_AndADuplicateKeepsItsMessageId()
    {
        var sinkHost = Environment.GetEnvironmentVariable("RELAIS_TEST_SMTP_HOST") ?? throw new InvalidOperationException("RELAIS_TEST_SMTP_HOST is not set: run the tests through scripts/test.sh.");
        var sinkPort = int.Parse(Environment.GetEnvironmentVariable("RELAIS_TEST_SMTP_PORT")!, CultureInfo.InvariantCulture);
        await using var proxy = new StallingSmtpProxy(sinkHost, sinkPort);

        // 1. Messages committed while the app does not send (mail off); the app is killed before any is sent.
        List<Guid> ids;
        await using (var first = await ChildRelais.StartAsync(Settings(proxy.Port, mailEnabled: false)))
        {
            ids = await QueueAsync(8);
            await first.KillAsync();
        }
        Assert.Empty(Mailbox.WithOutboxIds(ids));
        Assert.All(await RowsAsync(ids), m => Assert.Equal(OutboxStatus.Pending, m.Status));

        // 2. Restarted with mail on, one batch over one connection: the sink stores the third message but its "250" never
        //    comes back; the app is killed while it waits, the batch's outcomes unsaved.
        proxy.StallAfter(3);
        await using (var second = await ChildRelais.StartAsync(Settings(proxy.Port, mailEnabled: true)))
        {
            var stalled = await Task.WhenAny(proxy.Stalled.Task, Task.Delay(TimeSpan.FromSeconds(90)));
            Assert.True(stalled == proxy.Stalled.Task, $"the app sent no third message:\n{second.Output}");
            await second.KillAsync();
        }
        var deliveredBeforeTheKill = (await Mailbox.WaitForAsync(ids, 3)).Select(OutboxIdOf).ToHashSet();
        Assert.Equal(3, deliveredBeforeTheKill.Count);
        Assert.All(await RowsAsync(ids), m => Assert.NotEqual(OutboxStatus.Sent, m.Status));

        // 3. Restarted again: the claim of the dead batch expires (Mail:ClaimSeconds) and every message is sent.
        proxy.PassThrough();
        await using (var third = await ChildRelais.StartAsync(Settings(proxy.Port, mailEnabled: true)))
        {
            var until = DateTime.UtcNow.AddSeconds(90);
            while ((await RowsAsync(ids)).Any(m => m.Status != OutboxStatus.Sent) && DateTime.UtcNow < until) await Task.Delay(500);
            Assert.True((await RowsAsync(ids)).All(m => m.Status == OutboxStatus.Sent), $"not every message was sent after the restart:\n{third.Output}");
        }

        var rows = (await RowsAsync(ids)).ToDictionary(m => m.Id);
        var received = await Mailbox.WaitForAsync(ids, ids.Count + deliveredBeforeTheKill.Count);
        var byMessage = received.GroupBy(OutboxIdOf).ToDictionary(g => g.Key, g => g.ToList());
        // None lost...
        Assert.All(ids, id => Assert.True(byMessage.ContainsKey(id), $"message {id} never reached the sink"));
        // ...the ones the sink had before the kill came again, and every copy of a message carries its one Message-ID.
        Assert.All(deliveredBeforeTheKill, id => Assert.Equal(2, byMessage[id].Count));
        Assert.All(byMessage, pair => Assert.All(pair.Value, mail => Assert.Equal(rows[pair.Key].MessageId.Trim('<', '>'), mail.MessageId)));
    }

    private static Guid OutboxIdOf(MimeKit.MimeMessage mail) => Guid.Parse(mail.Headers["X-Relais-Outbox"]!);

    private Dictionary<string, string> Settings(int smtpPort, bool mailEnabled) => new()
    {
        [factory.Provider == "postgres" ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = connection,
        ["Audit:Key"] = AuditKey,
        ["Audit:CheckpointFile"] = Path.Combine(folder, "audit-checkpoints.log"),
        ["Mail:Enabled"] = mailEnabled ? "true" : "false",
        ["Mail:Delivery"] = "smtp",
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:Domain"] = "relais.test",
        ["Mail:DispatchIntervalSeconds"] = "1",
        ["Mail:Connections"] = "1",
        ["Mail:TimeoutSeconds"] = "120",
        // Short enough that the restarted app takes the dead batch again within the test.
        ["Mail:ClaimSeconds"] = "2",
    };

    private static readonly string AuditKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private RelaisDb Db() => factory.Provider == "postgres"
        ? new PostgresRelaisDb(new DbContextOptionsBuilder<PostgresRelaisDb>().UseNpgsql(connection).Options)
        : new SqliteRelaisDb(new DbContextOptionsBuilder<SqliteRelaisDb>().UseSqlite(connection).Options);

    /// <summary>Commits messages to the outbox of the child's database, as a use case does.</summary>
    private async Task<List<Guid>> QueueAsync(int count)
    {
        await using var db = Db();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var messages = Enumerable.Range(0, count).Select(i => OutboxMessage.Create(null, OutboxKind.Account, null, Guid.NewGuid(),
            string.Create(CultureInfo.InvariantCulture, $"survivant{i}@relais.demo"), "[Relais] Essai de reprise",
            string.Create(CultureInfo.InvariantCulture, $"Message {i}"), null, null, "relais.test", now.AddMilliseconds(i))).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private async Task<List<OutboxMessage>> RowsAsync(List<Guid> ids)
    {
        await using var db = Db();
        return await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
    }
}

[Collection("sqlite")]
public sealed class OutboxKillSqliteTests(SqliteRelaisFactory factory) : OutboxKillTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OutboxKillPostgresTests(PostgresRelaisFactory factory) : OutboxKillTests(factory), IClassFixture<PostgresRelaisFactory>;
