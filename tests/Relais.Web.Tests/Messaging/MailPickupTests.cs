using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Messaging;

/// <summary>
/// Without a mail server, e-mail is written as readable .eml files (Mail:Delivery=files): every
/// message is kept, once, in full, and its outbox row is marked delivered only once the file exists.
/// </summary>
public abstract class MailPickupTests(RelaisFactory factory)
{
    [Theory]
    [InlineData(null, "127.0.0.1", false)]
    [InlineData(null, "", true)]
    [InlineData(null, null, true)]
    [InlineData("files", "127.0.0.1", true)]
    [InlineData("FILES", null, true)]
    [InlineData("smtp", "127.0.0.1", false)]
    public void TheDeliveryIsASetting_AndFilesWhenNoServerIsConfigured(string? delivery, string? host, bool files)
    {
        var options = new MailOptions { Delivery = delivery, Host = host };
        Assert.True(options.IsValid);
        Assert.Equal(files, options.WritesFiles);
        Assert.False(new MailOptions { Delivery = "pigeon" }.IsValid);
    }

    [Fact]
    public async Task EachEmailBecomesOneReadableEmlFile_WithItsHeaders_AndItsRowIsMarkedSent()
    {
        var folder = Directory.CreateTempSubdirectory("relais-mail-").FullName;
        try
        {
            await using var app = factory.Fresh();
            app.Settings["Mail:Delivery"] = "files";
            app.Settings["Mail:PickupDirectory"] = folder;
            var oncologist = await app.ClientAsAsync(Api.Oncologist);
            var marie = await app.MarieDurandAsync();
            var response = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c12", message = "Protocole de suivi : voir le PPAC." });
            response.EnsureSuccessStatusCode();
            var outbox = await app.OutboxIdsAsync((await response.JsonAsync()).GetProperty("id").GetGuid());
            Assert.NotEmpty(outbox);

            await app.DispatchAsync();
            await app.DispatchAsync();

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => outbox.Contains(m.Id)).ToListAsync();
            Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
            foreach (var row in rows)
            {
                var path = Path.Combine(folder, $"{row.Id}.eml");
                Assert.True(File.Exists(path), $"{path} should hold the e-mail");
                var mail = await MimeMessage.LoadAsync(path);
                Assert.Equal(row.ToAddress, mail.To.Mailboxes.Single().Address);
                Assert.Equal(row.MessageId.Trim('<', '>'), mail.MessageId);
                Assert.Equal("C12", mail.Headers["X-Relais-Obligation"]);
                Assert.Equal(row.Subject, mail.Subject);
            }
            // Every file is one message marked sent (the demo's pending mail went out too), and nothing is half-written.
            var written = Directory.GetFiles(folder, "*.eml").Select(f => Guid.Parse(Path.GetFileNameWithoutExtension(f))).ToList();
            Assert.Equal(written.Count, await db.OutboxMessages.CountAsync(m => written.Contains(m.Id) && m.Status == OutboxStatus.Sent));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[Collection("sqlite")]
public sealed class MailPickupSqliteTests(SqliteRelaisFactory factory) : MailPickupTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MailPickupPostgresTests(PostgresRelaisFactory factory) : MailPickupTests(factory), IClassFixture<PostgresRelaisFactory>;
