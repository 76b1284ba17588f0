using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Alerts;

/// <summary>
/// An alert as read by the API and the pages. <see cref="Status"/> is "open", "handled" (a professional
/// took it into account) or "closed" (the complete series no longer meets the rule, <see cref="ClosedReason"/>
/// says why); <see cref="Renotifications"/> counts the times its owners were told of an update.
/// </summary>
public sealed record AlertItem(Guid Id, string Rule, int RuleVersion, string Severity, string Action, DateOnly? Due, string Explanation, DateTimeOffset RaisedAt,
    Guid? ReferralId, bool Handled, string? Marker, string Status, DateTimeOffset? UpdatedAt, int Renotifications, DateTimeOffset? ClosedAt, string? ClosedReason);

/// <summary>At most <see cref="AlertQuery.MaxItems"/> alerts; <see cref="Total"/> counts them all.</summary>
public sealed record AlertList(IReadOnlyList<AlertItem> Items, int Total);

/// <summary>The patient's alerts, open ones first, then latest first.</summary>
public sealed class AlertQuery(RelaisDb db)
{
    public const int MaxItems = 200;

    public async Task<AlertList> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId)
            .OrderBy(a => a.HandledAt != null || a.ClosedAt != null).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.Id).ToCappedAsync(MaxItems, ct);
        return new(alerts.Items.Select(ToItem).ToList(), alerts.Total);
    }

    public static AlertItem ToItem(StoredAlert a) => new(a.Id, a.Rule, a.RuleVersion, a.Severity.Code(), a.Action.Code(), a.Due, a.Explanation, a.RaisedAt,
        a.ReferralTaskId, a.HandledAt is not null, a.Marker?.Code(), a.IsOpen ? "open" : a.HandledAt is not null ? "handled" : "closed",
        a.UpdatedAt, a.Renotifications, a.ClosedAt, a.ClosedReason);
}
