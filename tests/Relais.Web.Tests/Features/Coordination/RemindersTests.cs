using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>Late transmissions: reminded the day before, then every two days while late, and shown late on every worklist (PRODUCT.md §4).</summary>
public abstract class RemindersTests(RelaisFactory factory)
{
    private static async Task<int> RemindersForAsync(RelaisFactory app, Guid transmissionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        await scope.ServiceProvider.GetRequiredService<Reminders>().ScanAsync();
        var recipients = db.TransmissionRecipients.Where(r => r.TransmissionId == transmissionId).Select(r => (Guid?)r.Id);
        return await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder && recipients.Contains(m.TransmissionRecipientId));
    }

    [Fact]
    public async Task AnUnacknowledgedTransmission_IsRemindedTheDayBefore_ThenEveryTwoDaysWhileLate_AndShowsLate()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var marie = await app.MarieDurandAsync();
        var sent = await (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c2", message = "Compte rendu complémentaire." })).JsonAsync();
        var id = sent.GetProperty("id").GetGuid();
        Assert.Equal(0, await RemindersForAsync(app, id));

        app.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        Assert.Equal(1, await RemindersForAsync(app, id));
        Assert.Equal(1, await RemindersForAsync(app, id));

        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await RemindersForAsync(app, id));
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await RemindersForAsync(app, id));
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, await RemindersForAsync(app, id));

        oncologist = await app.ClientAsAsync(Api.Oncologist);
        var late = await oncologist.GetJsonAsync("/api/transmissions/pending?lateOnly=true&pageSize=100");
        Assert.Contains(late.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == id && i.GetProperty("status").GetString() == "late");
        var nurse = await app.ClientAsAsync(Api.Nurse);
        var coordinatorView = await nurse.GetJsonAsync("/api/transmissions/pending?lateOnly=true&pageSize=100");
        Assert.Contains(coordinatorView.GetProperty("items").EnumerateArray(), i => i.GetProperty("transmissionId").GetGuid() == id);
        var gp = await app.ClientAsAsync(Api.Gp);
        var inbox = await gp.GetJsonAsync("/api/inbox?filter=late&pageSize=100");
        Assert.True(inbox.GetProperty("counts").GetProperty("late").GetInt32() >= 1);
        Assert.Contains(inbox.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()), i => i.GetProperty("transmissionId").GetGuid() == id);

        await gp.PostAsync($"/api/patients/{marie}/transmissions/{id}/acknowledge", null);
        app.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(3, await RemindersForAsync(app, id));
    }
}

[Collection("sqlite")]
public sealed class RemindersSqliteTests(SqliteRelaisFactory factory) : RemindersTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RemindersPostgresTests(PostgresRelaisFactory factory) : RemindersTests(factory), IClassFixture<PostgresRelaisFactory>;
