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

    private static async Task<List<Reminder>> RemindersRowsAsync(RelaisFactory app, Guid transmissionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var recipients = db.TransmissionRecipients.Where(r => r.TransmissionId == transmissionId).Select(r => r.Id);
        return await db.Reminders.AsNoTracking().Where(r => recipients.Contains(r.SubjectId)).ToListAsync();
    }

    private static async Task<int> ScanAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Reminders>().ScanAsync();
    }

    [Fact]
    public async Task TwoInstancesScanningAtOnce_RemindOnce_AndTheReminderIsMarkedSentOnlyWhenTheMailServerTookIt()
    {
        await using var app = factory.Fresh();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var marie = await app.MarieDurandAsync();
        var id = (await (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c2", message = "Compte rendu complémentaire." })).JsonAsync())
            .GetProperty("id").GetGuid();
        await using var second = app.Sibling();
        second.Time.SetUtcNow(app.Time.GetUtcNow() + TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        app.Time.SetUtcNow(second.Time.GetUtcNow());
        _ = second.Server;

        using (var outage = new SmtpOutage(app))
        using (var secondOutage = new SmtpOutage(second))
        {
            await Task.WhenAll(ScanAsync(app), ScanAsync(second), ScanAsync(app), ScanAsync(second));
            var issued = Assert.Single(await RemindersRowsAsync(app, id));
            Assert.Equal((ReminderKind.TransmissionBeforeDue, 0), (issued.Kind, issued.Occurrence));
            Assert.Equal(1, await RemindersForAsync(app, id));

            // The mail server is down: the e-mail waits, and the reminder is not said to be sent.
            await app.DispatchAsync();
            Assert.Equal(ReminderDelivery.Pending, Assert.Single(await RemindersRowsAsync(app, id)).Delivery);
            var gp = await app.ClientAsAsync(Api.Gp);
            var shown = (await gp.GetJsonAsync($"/api/reminders?patientId={marie}")).GetProperty("items").EnumerateArray()
                .Single(r => r.GetProperty("id").GetGuid() == issued.Id);
            Assert.Equal("pending", shown.GetProperty("delivery").GetString());
            Assert.Equal($"/patients/{marie}/transmissions/{id}", shown.GetProperty("link").GetString());
        }

        // The server is back; the e-mail is retried after its back-off.
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.DispatchAsync();
        var sent = Assert.Single(await RemindersRowsAsync(app, id));
        Assert.Equal(ReminderDelivery.Sent, sent.Delivery);
        Assert.NotNull(sent.DeliveredAt);
        Assert.Single(await Mailbox.WaitForAsync([sent.OutboxMessageId!.Value], 1));

        // Once acknowledged, the reminder leaves the GP's list.
        var gpAgain = await app.ClientAsAsync(Api.Gp);
        await gpAgain.PostAsync($"/api/patients/{marie}/transmissions/{id}/acknowledge", null);
        Assert.DoesNotContain((await gpAgain.GetJsonAsync($"/api/reminders?patientId={marie}")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == sent.Id);
    }

    [Fact]
    public async Task WithMailOff_TheReminderIsStillIssued_AndShownInTheApp()
    {
        await using var app = factory.Fresh();
        app.Settings["Mail:Enabled"] = "false";
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var marie = await app.MarieDurandAsync();
        var id = (await (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/transmissions", new { obligation = "c2", message = "Compte rendu complémentaire." })).JsonAsync())
            .GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        await ScanAsync(app);

        var issued = Assert.Single(await RemindersRowsAsync(app, id));
        Assert.Equal((ReminderKind.TransmissionLate, ReminderDelivery.InAppOnly, (Guid?)null), (issued.Kind, issued.Delivery, issued.OutboxMessageId));
        Assert.Equal(0, await RemindersForAsync(app, id));
        var gp = await app.ClientAsAsync(Api.Gp);
        var mine = await gp.GetJsonAsync($"/api/reminders?patientId={marie}");
        var shown = mine.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == issued.Id);
        Assert.Equal("in-app-only", shown.GetProperty("delivery").GetString());
        var home = await (await app.CookieClientAsync(Api.Gp)).GetStringAsync("/");
        Assert.Contains("Rappels", home, StringComparison.Ordinal);
        Assert.Contains($"/patients/{marie}/transmissions/{id}", home, StringComparison.Ordinal);
        Assert.Contains("rappel dans Relais seulement", home, StringComparison.Ordinal);
        // Nobody else sees it.
        var other = await app.ClientAsAsync(Api.OtherGp);
        Assert.DoesNotContain((await other.GetJsonAsync($"/api/reminders?patientId={marie}")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == issued.Id);
    }

    [Fact]
    public async Task APatientIsRemindedOfTheNextCarnetItemOnce_ByTheSameScheduler_AndSeesItInTheirRecord()
    {
        await using var app = factory.Fresh();
        Guid patientUser, itemId;
        DateOnly due;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Api.PatientAccount);
            patientUser = account.Id;
            var today = DateOnly.FromDateTime(Relais.Web.Clock.ToParis(app.Time.GetUtcNow()).DateTime);
            var next = await db.CarnetItems.AsNoTracking()
                .Where(i => i.PatientId == account.PatientId && i.Status == Domain.Surveillance.CarnetItemStatus.Planned && i.PatientRemindedAt == null && i.Due > today.AddDays(7))
                .OrderBy(i => i.Due).FirstAsync();
            (itemId, due) = (next.Id, next.Due);
        }
        // Six days before the item, at noon in Paris.
        app.Time.SetUtcNow(new DateTimeOffset(due.AddDays(-6).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Relais.Web.Features.FollowUp.Reminders.RemindPatients>().HandleAsync(CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Relais.Web.Features.FollowUp.Reminders.RemindPatients>().HandleAsync(CancellationToken.None);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var reminder = Assert.Single(await scope.ServiceProvider.GetRequiredService<RelaisDb>().Reminders.AsNoTracking().Where(r => r.SubjectId == itemId).ToListAsync());
            Assert.Equal((ReminderKind.CarnetItem, patientUser), (reminder.Kind, reminder.RecipientUserId));
        }
        var patient = await app.ClientAsAsync(Api.PatientAccount);
        // Every item due that day is reminded, each once.
        var items = (await patient.GetJsonAsync("/api/reminders")).GetProperty("items").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "carnet-item").ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, items.Select(r => r.GetProperty("title").GetString()).Distinct().Count());
        Assert.All(items, r => Assert.Equal("/mon-dossier", r.GetProperty("link").GetString()));
        Assert.All(items, r => Assert.EndsWith(due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), r.GetProperty("title").GetString(), StringComparison.Ordinal));
        var record = await (await app.CookieClientAsync(Api.PatientAccount)).GetStringAsync("/mon-dossier");
        Assert.Contains(due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), record, StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class RemindersSqliteTests(SqliteRelaisFactory factory) : RemindersTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RemindersPostgresTests(PostgresRelaisFactory factory) : RemindersTests(factory), IClassFixture<PostgresRelaisFactory>;
