using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Alerts;

public sealed record AlertItem(Guid Id, string Rule, int RuleVersion, string Severity, string Action, DateOnly? Due, string Explanation, DateTimeOffset RaisedAt,
    Guid? ReferralId, bool Handled);

public sealed record AlertList(IReadOnlyList<AlertItem> Items);

/// <summary>The patient's alerts, latest first.</summary>
public sealed class AlertQuery(RelaisDb db)
{
    public async Task<AlertList> HandleAsync(Guid patientId, CancellationToken ct) =>
        new((await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId).OrderByDescending(a => a.RaisedAt).Take(200).ToListAsync(ct)).Select(ToItem).ToList());

    public static AlertItem ToItem(StoredAlert a) => new(a.Id, a.Rule, a.RuleVersion, a.Severity.Code(), a.Action.Code(), a.Due, a.Explanation, a.RaisedAt,
        a.ReferralTaskId, a.HandledAt is not null);
}
