using System.Text.Json;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>What every transmission fired under C1–C15 must show: its recipients, and the catalogue's due time (PRODUCT.md §4).</summary>
internal static class TransmissionAssertions
{
    private static readonly Dictionary<string, int> DueDays = new()
    {
        ["c1"] = 7, ["c2"] = 3, ["c3"] = 7, ["c4"] = 2, ["c5"] = 7, ["c6"] = 2, ["c7"] = 7, ["c8"] = 2,
        ["c9"] = 1, ["c10"] = 7, ["c11"] = 7, ["c12"] = 7, ["c13"] = 3, ["c14"] = 1, ["c15"] = 2,
    };

    /// <summary>An urgent signal to the team is due sooner: a grade ≥ 3 between cycles within 4 hours, during follow-up within a day.</summary>
    private static readonly Dictionary<string, TimeSpan> UrgentDelays = new()
    {
        ["c9"] = TimeSpan.FromHours(4), ["c13"] = TimeSpan.FromDays(1), ["c14"] = TimeSpan.FromDays(1),
    };

    public static void AssertTransmission(JsonElement t, string code, params string[] recipientKinds)
    {
        Assert.Equal(code, t.GetProperty("obligation").GetString());
        var kinds = t.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Distinct().Order().ToArray();
        Assert.Equal(recipientKinds.Order().ToArray(), kinds);
        var created = t.GetProperty("createdAt").GetDateTimeOffset();
        var delay = t.GetProperty("urgent").GetBoolean() && UrgentDelays.TryGetValue(code, out var urgent) ? urgent : TimeSpan.FromDays(DueDays[code]);
        Assert.Equal(created + delay, t.GetProperty("dueAt").GetDateTimeOffset());
        foreach (var r in t.GetProperty("recipients").EnumerateArray())
            Assert.Equal(t.GetProperty("dueAt").GetDateTimeOffset(), r.GetProperty("dueAt").GetDateTimeOffset());
    }

    public static string[] RecipientNames(JsonElement t) =>
        t.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
}
