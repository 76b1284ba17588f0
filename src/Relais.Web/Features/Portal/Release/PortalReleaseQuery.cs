using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Alerts;
using Relais.Domain.Coordination;
using Relais.Domain.Portal;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;

namespace Relais.Web.Features.Portal.Release;

/// <summary>
/// One item of the record as the release rule judges it: <see cref="Held"/> until released; <see cref="Basis"/> says why it
/// reached the portal, and for a clinician's release who and when.
/// </summary>
public sealed record ReleaseItem(string Kind, Guid ItemId, string Title, DateOnly On, bool Held, string? Basis, string? ReleasedBy, DateTimeOffset? ReleasedAt);

/// <summary>The team's "to release" list: what the portal does not show yet, and what a clinician released.</summary>
public sealed record ReleaseList(IReadOnlyList<ReleaseItem> Held, IReadOnlyList<ReleaseItem> Released);

/// <summary>What of a patient's record waits for a clinician before it reaches the portal. Access was checked by the caller.</summary>
public sealed class PortalReleaseQuery(RelaisDb db)
{
    public async Task<ReleaseList> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var view = await PortalView.LoadAsync(db, patientId, ct);
        var releases = await db.PortalReleases.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct);
        var byItem = releases.ToDictionary(r => (r.Kind, r.ItemId));
        var names = await ProfessionalNames.OfAsync(db, releases.Select(r => r.ReleasedBy), ct);
        var items = view.DocumentItems().ToList();
        items.AddRange(await ItemsAsync(view, patientId, ct));

        var judged = items.Select(x =>
        {
            var basis = view.Basis(x.Item);
            byItem.TryGetValue((x.Item.Kind, x.Item.Id), out var release);
            return new ReleaseItem(EnumCodes.Code(x.Item.Kind), x.Item.Id, x.Title, x.Item.On, basis is null, basis is { } b ? EnumCodes.Code(b) : null,
                release is null ? null : names.GetValueOrDefault(release.ReleasedBy, "?"), release?.ReleasedAt);
        }).ToList();
        return new ReleaseList(
            judged.Where(i => i.Held).OrderByDescending(i => i.On).ThenBy(i => i.Kind, StringComparer.Ordinal).ToList(),
            judged.Where(i => i.ReleasedAt is not null).OrderByDescending(i => i.ReleasedAt).ToList());
    }

    /// <summary>
    /// How many items wait for a release: the count the patient page shows. The same items and rule as the list, without the
    /// releases' authors (the view holds which items were released, and the documents).
    /// </summary>
    public async Task<int> CountHeldAsync(Guid patientId, CancellationToken ct)
    {
        var view = await PortalView.LoadAsync(db, patientId, ct);
        var items = view.DocumentItems().Concat(await ItemsAsync(view, patientId, ct));
        return items.Count(x => view.Basis(x.Item) is null);
    }

    /// <summary>The record's items other than its documents (which the view has read): transmissions without a document, results, alerts.</summary>
    private async Task<List<(PortalItem Item, string Title)>> ItemsAsync(PortalView view, Guid patientId, CancellationToken ct)
    {
        var items = new List<(PortalItem Item, string Title)>();
        var transmissions = await db.Transmissions.AsNoTracking().Where(t => t.PatientId == patientId && t.DocumentId == null)
            .Select(t => new { t.Id, t.Title, t.CreatedAt, ToPatient = t.Recipients.Any(r => r.Kind == RecipientKinds.Patient) }).ToListAsync(ct);
        items.AddRange(transmissions.Select(t => (new PortalItem(PortalItemKind.Transmission, t.Id, PortalView.Day(t.CreatedAt), AddressedToPatient: t.ToPatient), t.Title)));
        var observations = await db.Observations.AsNoTracking().Where(o => o.PatientId == patientId)
            .Select(o => new { o.Id, o.Effective, o.Code, o.Value, o.Unit, o.Laboratory }).ToListAsync(ct);
        items.AddRange(observations.Select(o => (view.ObservationItem(o.Id, o.Effective), $"{o.Code.Label()} {o.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} {o.Unit} ({o.Laboratory})")));
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId).Select(a => new { a.Id, a.RaisedAt, a.Marker, a.Explanation }).ToListAsync(ct);
        items.AddRange(alerts.Select(a => (PortalView.AlertItem(a.Id, a.RaisedAt, a.Marker is null), a.Explanation)));
        return items;
    }
}
