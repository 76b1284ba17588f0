using System.Net;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Continuity;

/// <summary>
/// The re-scheduling worklist (issue 15 point 2): deferred care still waiting, the highest priority first then the
/// longest waited, flagged when past its priority's maximum delay; only the patients the access rule shows the caller.
/// </summary>
public abstract class ReschedulingWorklistTests(RelaisFactory factory)
{
    private static async Task<List<System.Text.Json.JsonElement>> MineAsync(HttpClient client, params Guid[] deferrals) =>
        [.. (await client.GetJsonAsync("/api/worklists/rescheduling")).GetProperty("items").EnumerateArray().Where(i => deferrals.Contains(i.GetProperty("deferralId").GetGuid()))];

    [Fact]
    public async Task HighestPriorityFirst_ThenLongestWaited_AndOverdueAfterThePrioritysMaximumDelay()
    {
        var (oncologist, patientId, lowCycle) = await factory.PatientWithACycleAsync();
        var olderMedium = await oncologist.PlanCycleAsync(patientId, null, "2026-12-08T08:00:00Z");
        var newerMedium = await oncologist.PlanCycleAsync(patientId, null, "2026-12-15T08:00:00Z");
        var high = await oncologist.PlanCycleAsync(patientId, null, "2026-12-22T08:00:00Z");
        var low = (await oncologist.DeferAsync(patientId, "appointment", lowCycle, "low")).GetProperty("id").GetGuid();
        var first = (await oncologist.DeferAsync(patientId, "appointment", olderMedium, "medium")).GetProperty("id").GetGuid();
        factory.Time.Advance(TimeSpan.FromDays(2));
        oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var second = (await oncologist.DeferAsync(patientId, "appointment", newerMedium, "medium")).GetProperty("id").GetGuid();
        var urgent = (await oncologist.DeferAsync(patientId, "appointment", high, "high")).GetProperty("id").GetGuid();

        var listed = await MineAsync(oncologist, low, first, second, urgent);

        Assert.Equal([urgent, first, second, low], listed.Select(i => i.GetProperty("deferralId").GetGuid()));
        Assert.Equal(2, listed[1].GetProperty("daysWaited").GetInt32());
        Assert.All(listed, i => Assert.False(i.GetProperty("overdue").GetBoolean()));
        Assert.Equal("Cure de chimiothérapie", listed[0].GetProperty("what").GetString());
        Assert.Equal("appointment", listed[0].GetProperty("item").GetProperty("kind").GetString());

        // Eight days on, the high-priority cycle is past its 7 days; the others are not past theirs.
        factory.Time.Advance(TimeSpan.FromDays(8));
        oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var later = await MineAsync(oncologist, low, first, second, urgent);
        Assert.Equal([true, false, false, false], later.Select(i => i.GetProperty("overdue").GetBoolean()));
        var page = System.Net.WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync("/reprogrammation"));
        Assert.Contains("Délai dépassé", page, StringComparison.Ordinal);
        Assert.Contains("Liste de reprogrammation", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePagesFollowOneAnother_AndTheTotalAndTheOverdueCountCoverTheWholeList()
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var mine = new List<Guid> { (await oncologist.DeferAsync(patientId, "appointment", cycleId, "high")).GetProperty("id").GetGuid() };
        foreach (var day in new[] { "2026-12-09", "2026-12-16", "2026-12-23" })
            mine.Add((await oncologist.DeferAsync(patientId, "appointment", await oncologist.PlanCycleAsync(patientId, null, $"{day}T08:00:00Z"), "low")).GetProperty("id").GetGuid());
        // Past the high priority's seven days: one of this patient's deferrals is overdue, on whatever page it falls.
        factory.Time.Advance(TimeSpan.FromDays(8));
        oncologist = await factory.ClientAsAsync(Api.Oncologist);

        var whole = await oncologist.GetJsonAsync("/api/worklists/rescheduling?pageSize=100");
        var total = whole.GetProperty("total").GetInt32();
        Assert.InRange(total, mine.Count, 100);
        var all = whole.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(total, all.Count);
        var walked = new List<Guid>();
        for (var n = 1; n <= (total + 1) / 2; n++)
        {
            var page = await oncologist.GetJsonAsync($"/api/worklists/rescheduling?page={n}&pageSize=2");
            Assert.Equal(total, page.GetProperty("total").GetInt32());
            Assert.Equal(all.Count(i => i.GetProperty("overdue").GetBoolean()), page.GetProperty("overdue").GetInt32());
            Assert.Equal(n, page.GetProperty("page").GetInt32());
            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("deferralId").GetGuid()));
        }
        Assert.Equal(all.Select(i => i.GetProperty("deferralId").GetGuid()), walked);
        Assert.Superset(mine.ToHashSet(), walked.ToHashSet());
        Assert.True(all.Single(i => i.GetProperty("deferralId").GetGuid() == mine[0]).GetProperty("overdue").GetBoolean());
        Assert.True(whole.GetProperty("overdue").GetInt32() >= 1);
        Assert.Equal(100, whole.GetProperty("pageSize").GetInt32());
        Assert.Equal(50, (await oncologist.GetJsonAsync("/api/worklists/rescheduling")).GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task ANurseOutsideTheTeam_DoesNotSeeThePatient_AndAGpHasNoList()
    {
        var (oncologist, patientId, cycleId) = await factory.PatientWithACycleAsync();
        var deferral = (await oncologist.DeferAsync(patientId, "appointment", cycleId)).GetProperty("id").GetGuid();

        Assert.Single(await MineAsync(oncologist, deferral));
        Assert.Empty(await MineAsync(await factory.ClientAsAsync(Api.Nurse), deferral));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync(Api.OtherGp)).GetAsync("/api/worklists/rescheduling")).StatusCode);
        var secretary = await factory.ClientAsAsync(Api.Secretary);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/worklists/rescheduling")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class ReschedulingWorklistSqliteTests(SqliteRelaisFactory factory) : ReschedulingWorklistTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ReschedulingWorklistPostgresTests(PostgresRelaisFactory factory) : ReschedulingWorklistTests(factory), IClassFixture<PostgresRelaisFactory>;
