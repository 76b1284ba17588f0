using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Messaging;

/// <summary>
/// One bad message never jams the outbox (security review H2; SECURITY.md promise 4): an address that
/// no parser reads, or one the SMTP server refuses, goes to the dead-letter list alone with its reason,
/// and the rest of its batch is sent. And such an address is refused where it is typed.
/// </summary>
public abstract class OutboxIsolationTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnUnparsableAndARefusedAddress_AreDeadLettered_AndTheRestOfTheBatchIsSent()
    {
        var unparsable = await QueueAsync("luc,garnier@relais.demo");
        // The test sink (aiosmtpd, no SMTPUTF8) answers "500 strict ASCII mode" to a non-ASCII mailbox: a refused recipient.
        var refused = await QueueAsync("hélène.martin@relais.demo");
        var good = new List<Guid>();
        for (var i = 0; i < 6; i++) good.Add(await QueueAsync($"destinataire{i}@relais.demo"));

        await factory.DispatchAsync();

        var poison = await RowAsync(unparsable);
        Assert.Equal(OutboxStatus.DeadLetter, poison.Status);
        Assert.Equal(1, poison.Attempts);
        Assert.Contains("ParseException", poison.LastError);
        Assert.Null(poison.ClaimToken);
        var refusal = await RowAsync(refused);
        Assert.Equal(OutboxStatus.DeadLetter, refusal.Status);
        Assert.Equal(1, refusal.Attempts);
        Assert.Contains("SmtpCommandException", refusal.LastError);
        foreach (var id in good) Assert.Equal(OutboxStatus.Sent, (await RowAsync(id)).Status);
        Assert.Equal(6, (await Mailbox.WaitForAsync(good, 6)).Count);

        // The dead letters are listed for the administrator, each with its reason.
        var admin = await factory.ClientAsAsync(Api.Admin);
        var dead = await admin.GetJsonAsync("/api/admin/outbox/dead-letters");
        var listed = dead.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(unparsable, listed);
        Assert.Contains(refused, listed);
    }

    [Theory]
    [InlineData("luc,garnier@relais.demo")]
    [InlineData("Luc Garnier <luc.garnier@relais.demo>")]
    [InlineData("luc.garnier@relais")]
    [InlineData("hélène@relais.demo")]
    public async Task AnAddressTheOutboxCouldNotSendTo_IsRefusedWhereItIsTyped(string address)
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var account = await admin.PostAsJsonAsync("/api/admin/users", new { email = address, firstName = "Luc", lastName = "Garnier", role = "GeneralPractitioner", specialty = "general-practice", rpps = Accounts.NewRpps() });
        Assert.Equal(HttpStatusCode.BadRequest, account.StatusCode);
        Assert.True((await account.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));

        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var builder = A.Patient();
        var patient = await oncologist.PostAsJsonAsync("/api/patients", new
        {
            ins = builder.NewIns(), birthName = "Adresse", firstNames = "Jeanne", birthDate = "1961-06-01", sex = "female", email = address,
        });
        Assert.Equal(HttpStatusCode.BadRequest, patient.StatusCode);
        Assert.True((await patient.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    private async Task<Guid> QueueAsync(string address)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var message = OutboxMessage.Create(null, OutboxKind.Account, null, Guid.NewGuid(), address, "[Relais] Essai",
            string.Create(CultureInfo.InvariantCulture, $"Pour {address}"), null, null, "relais.test", factory.Time.GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id);
    }
}

[Collection("sqlite")]
public sealed class OutboxIsolationSqliteTests(SqliteRelaisFactory factory) : OutboxIsolationTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OutboxIsolationPostgresTests(PostgresRelaisFactory factory) : OutboxIsolationTests(factory), IClassFixture<PostgresRelaisFactory>;
