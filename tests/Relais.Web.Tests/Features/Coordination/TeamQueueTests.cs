using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Features.Coordination.TeamQueue;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Coordination.TeamSignalPatients;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>
/// Urgent inbound signals have one accountable owner in the team's queue, who can hand them on; late, they are
/// escalated to the referring physician. The GP has his copy of every early return (C14), whoever raised it.
/// </summary>
public abstract class TeamQueueTests(RelaisFactory factory)
{
    private static async Task EscalateAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EscalateLateSignals>().ScanAsync();
    }

    [Fact]
    public async Task TheQueue_PagedToItsEnd_HoldsEachOpenItemOnce_InDueOrder_AsItsCountsSay()
    {
        for (var i = 0; i < 3; i++)
        {
            var team = await factory.PatientWithFullTeamAsync();
            var raised = await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/events", new
            {
                kind = "suspected-recurrence", description = "Adénopathie sus-claviculaire", occurredOn = "2026-11-22",
            });
            Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        }
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        foreach (var filter in new[] { "open", "mine" })
        {
            var first = await nurse.GetJsonAsync($"/api/team-queue?filter={filter}&pageSize=2");
            var counts = first.GetProperty("counts");
            var total = first.GetProperty("total").GetInt32();
            Assert.Equal(counts.GetProperty(filter).GetInt32(), total);
            Assert.True(total >= 3, $"{filter}: {total}");
            var seen = new List<JsonElement>();
            for (var page = 1; page <= (total + 1) / 2; page++)
            {
                var items = Items(await nurse.GetJsonAsync($"/api/team-queue?filter={filter}&pageSize=2&page={page}")).ToList();
                Assert.Equal(page < (total + 1) / 2 || total % 2 == 0 ? 2 : 1, items.Count);
                seen.AddRange(items);
            }
            Assert.Equal(total, seen.Select(x => x.GetProperty("recipientEntryId").GetGuid()).Distinct().Count());
            var due = seen.Select(x => x.GetProperty("dueAt").GetDateTimeOffset()).ToList();
            Assert.Equal(due.Order(), due);
            Assert.Empty(Items(await nurse.GetJsonAsync($"/api/team-queue?filter={filter}&pageSize=2&page={(total + 1) / 2 + 1}")));
        }
    }

    [Fact]
    public async Task C14_RaisedByTheOncologist_ReachesTheGpsCopy_AndOneOwnerInTheQueue_WhoHandsItOn_LateItIsEscalated()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var team = await app.PatientWithFullTeamAsync();
        var oncologist = team.Oncologist;
        var raised = await oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/events", new
        {
            kind = "suspected-recurrence", description = "Adénopathie axillaire palpable à l'examen", occurredOn = "2026-11-22",
        });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var evt = await raised.JsonAsync();
        var transmissionId = evt.GetProperty("transmissionId").GetGuid();

        // One owner in the team (the nurse coordinator, not the pathologist nor every specialist), and the GP's copy.
        var t = await oncologist.GetJsonAsync($"/api/patients/{team.PatientId}/transmissions/{transmissionId}");
        var recipients = t.GetProperty("recipients").EnumerateArray().ToList();
        Assert.Equal(2, recipients.Count);
        Assert.Contains(recipients, r => r.GetProperty("kind").GetString() == "specialist-team" && r.GetProperty("userId").GetGuid() == team.Nurse);
        Assert.Contains(recipients, r => r.GetProperty("kind").GetString() == "general-practitioner-copy");
        Assert.Equal(t.GetProperty("createdAt").GetDateTimeOffset() + TimeSpan.FromDays(1), t.GetProperty("dueAt").GetDateTimeOffset());

        // The GP sees it in his inbox, and the referral in the open referrals.
        var gp = await app.ClientAsAsync(Api.Gp);
        Assert.Contains(InboxItems(await gp.GetJsonAsync("/api/inbox?filter=to-acknowledge&pageSize=100")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        Assert.Contains((await gp.GetJsonAsync("/api/referrals")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == evt.GetProperty("referralId").GetGuid());

        // The team's queue shows it with its named owner.
        var nurse = await app.ClientAsAsync(Api.Nurse);
        var queue = await nurse.GetJsonAsync("/api/team-queue?filter=mine");
        var item = Assert.Single(Items(queue), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        Assert.Equal(team.Nurse, item.GetProperty("ownerId").GetGuid());
        Assert.Contains("Moreau", item.GetProperty("owner").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(item.GetProperty("late").GetBoolean());
        Assert.Contains(Items(await oncologist.GetJsonAsync("/api/team-queue")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);

        // Only a member who may own it receives it; only its owner hands it on.
        var toPathologist = await nurse.PostAsJsonAsync($"/api/patients/{team.PatientId}/transmissions/{transmissionId}/hand-on", new { to = team.Pathologist });
        Assert.Equal(HttpStatusCode.BadRequest, toPathologist.StatusCode);
        Assert.True((await toPathologist.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));
        var surgeon = await app.ClientAsAsync("chirurgien@relais.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await surgeon.PostAsJsonAsync($"/api/patients/{team.PatientId}/transmissions/{transmissionId}/hand-on", new { to = team.Surgeon })).StatusCode);
        var handed = await nurse.PostAsJsonAsync($"/api/patients/{team.PatientId}/transmissions/{transmissionId}/hand-on", new { to = team.Surgeon });
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.DoesNotContain(Items(await nurse.GetJsonAsync("/api/team-queue?filter=mine")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        var mine = Assert.Single(Items(await surgeon.GetJsonAsync("/api/team-queue?filter=mine")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        Assert.NotNull(mine.GetProperty("handedOnAt").GetString());
        Assert.Contains(InboxItems(await surgeon.GetJsonAsync("/api/inbox?pageSize=100")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);

        // Not acknowledged by its due time: late in the queue, escalated to the referring physician's inbox.
        await EscalateAsync(app);
        Assert.DoesNotContain(InboxItems(await oncologist.GetJsonAsync("/api/inbox?filter=late&pageSize=100")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        oncologist = await app.ClientAsAsync(Api.Oncologist);
        var late = Assert.Single(Items(await oncologist.GetJsonAsync("/api/team-queue?filter=late")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Equal("late", late.GetProperty("status").GetString());
        await EscalateAsync(app);
        await EscalateAsync(app);
        var escalated = Assert.Single(InboxItems(await oncologist.GetJsonAsync("/api/inbox?filter=late&pageSize=100")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
        Assert.True(escalated.GetProperty("escalation").GetBoolean());
        // The escalation's mail is the physician's first late notice: the reminders' scan does not send him a second one at once.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Relais.Web.Data.RelaisDb>();
            await scope.ServiceProvider.GetRequiredService<Relais.Web.Features.Coordination.Reminders>().ScanAsync();
            var physicianRow = await db.TransmissionRecipients.SingleAsync(r => r.TransmissionId == transmissionId && r.IsEscalation);
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.TransmissionRecipientId == physicianRow.Id && m.Kind == Relais.Web.Messaging.OutboxKind.Reminder
                && m.Subject.Contains("Rappel")));
        }
        Assert.NotNull(Items(await oncologist.GetJsonAsync("/api/team-queue?filter=late")).Single(i => i.GetProperty("transmissionId").GetGuid() == transmissionId)
            .GetProperty("escalatedAt").GetString());

        // The referring physician takes it in charge: the item leaves the queue.
        Assert.Equal(HttpStatusCode.OK, (await oncologist.PostAsync($"/api/patients/{team.PatientId}/transmissions/{transmissionId}/acknowledge", null)).StatusCode);
        Assert.DoesNotContain(Items(await oncologist.GetJsonAsync("/api/team-queue")), i => i.GetProperty("transmissionId").GetGuid() == transmissionId);
    }

    [Fact]
    public async Task WithMailOff_TheBackgroundWorkerStillEscalatesALateSignal_InTheApp()
    {
        // This test moves the clock: it runs on an app of its own, whose worker wakes every second.
        await using var app = factory.Fresh();
        app.Settings["Mail:Enabled"] = "false";
        app.Settings["Mail:DispatchIntervalSeconds"] = "1";
        var team = await app.PatientWithFullTeamAsync();
        var raised = await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/events", new
        {
            kind = "suspected-recurrence", description = "Nodule du sein controlatéral", occurredOn = "2026-11-22",
        });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var transmissionId = (await raised.JsonAsync()).GetProperty("transmissionId").GetGuid();

        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        // A day later the oncologist signs in again (the token of the morning has expired).
        var oncologist = await app.ClientAsAsync(Api.Oncologist);

        // No one calls the scan: the app's own worker must find the late item within a few of its passes.
        var escalated = false;
        for (var attempt = 0; attempt < 60 && !escalated; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            escalated = InboxItems(await oncologist.GetJsonAsync("/api/inbox?filter=late&pageSize=100"))
                .Any(i => i.GetProperty("transmissionId").GetGuid() == transmissionId && i.GetProperty("escalation").GetBoolean());
        }
        Assert.True(escalated, "the late signal should have been escalated to the referring physician's inbox with mail off");
    }

    [Fact]
    public async Task TheTeamChoosesItsOwner_TheNextSignalGoesToThem()
    {
        var team = await factory.PatientWithFullTeamAsync();
        var url = $"/api/patients/{team.PatientId}/care-team/signal-owner";
        var initial = await team.Oncologist.GetJsonAsync(url);
        Assert.Equal(team.Nurse, initial.GetProperty("ownerId").GetGuid());
        Assert.False(initial.GetProperty("chosen").GetBoolean());
        Assert.DoesNotContain(initial.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("professionalId").GetGuid() == team.Pathologist);

        var refused = await team.Oncologist.PutAsJsonAsync(url, new { professionalId = team.Pathologist });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("professionalId", out _));
        var gp = await factory.ClientAsAsync(Api.Gp);
        Assert.Equal(HttpStatusCode.Forbidden, (await gp.PutAsJsonAsync(url, new { professionalId = team.Surgeon })).StatusCode);

        var chosen = await (await team.Oncologist.PutAsJsonAsync(url, new { professionalId = team.Surgeon })).JsonAsync();
        Assert.Equal(team.Surgeon, chosen.GetProperty("ownerId").GetGuid());
        Assert.True(chosen.GetProperty("chosen").GetBoolean());
        var evt = await (await gp.PostAsJsonAsync($"/api/patients/{team.PatientId}/events", new
        {
            kind = "between-cycles", description = "Neutropénie fébrile", occurredOn = "2026-11-22", grade = 3,
        })).JsonAsync();
        var t = await gp.GetJsonAsync($"/api/patients/{team.PatientId}/transmissions/{evt.GetProperty("transmissionId").GetGuid()}");
        var owner = Assert.Single(t.GetProperty("recipients").EnumerateArray());
        Assert.Equal(team.Surgeon, owner.GetProperty("userId").GetGuid());
        // Grade 3 between cycles: within four hours [G] 2.5.
        Assert.Equal(t.GetProperty("createdAt").GetDateTimeOffset() + TimeSpan.FromHours(4), t.GetProperty("dueAt").GetDateTimeOffset());

        Assert.False((await (await team.Oncologist.PutAsJsonAsync(url, new { professionalId = (Guid?)null })).JsonAsync()).GetProperty("chosen").GetBoolean());
    }
}

[Collection("sqlite")]
public sealed class TeamQueueSqliteTests(SqliteRelaisFactory factory) : TeamQueueTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class TeamQueuePostgresTests(PostgresRelaisFactory factory) : TeamQueueTests(factory), IClassFixture<PostgresRelaisFactory>;
