using Microsoft.EntityFrameworkCore;
using Relais.Domain.Continuity;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.Continuity.Deferrals;

public sealed record DeferralList(IReadOnlyList<DeferralDto> Items, int Total);

/// <summary>The patient's deferrals, the open ones first, then the latest.</summary>
public sealed class DeferralsQuery(RelaisDb db, Clock clock)
{
    public async Task<DeferralList> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var deferrals = await db.Deferrals.AsNoTracking().Where(d => d.PatientId == patientId).ToListAsync(ct);
        var names = await NamesAsync(db, deferrals, ct);
        var items = deferrals.OrderBy(d => d.EndedAt != null).ThenByDescending(d => d.DecidedAt)
            .Select(d => DeferCare.ToDto(d, names.GetValueOrDefault(d.ItemId, ""), clock.Today)).ToList();
        return new DeferralList(items, items.Count);
    }

    /// <summary>What each deferred item is ("Cure de chimiothérapie", "Mammographie"), by item id.</summary>
    internal static async Task<Dictionary<Guid, string>> NamesAsync(RelaisDb db, IReadOnlyList<Deferral> deferrals, CancellationToken ct)
    {
        var appointmentIds = deferrals.Where(d => d.ItemKind == DeferredItemKind.Appointment).Select(d => d.ItemId).ToList();
        var carnetIds = deferrals.Where(d => d.ItemKind == DeferredItemKind.CarnetItem).Select(d => d.ItemId).ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var a in await db.Appointments.AsNoTracking().Where(a => appointmentIds.Contains(a.Id)).Select(a => new { a.Id, a.Kind }).ToListAsync(ct))
            names[a.Id] = a.Kind.Label();
        foreach (var i in await db.CarnetItems.AsNoTracking().Where(i => carnetIds.Contains(i.Id)).Select(i => new { i.Id, i.Kind }).ToListAsync(ct))
            names[i.Id] = i.Kind.Label();
        return names;
    }
}
