using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Portal;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal.Release;

public sealed record ReleaseInput(string? Kind, Guid? ItemId);

/// <summary>The answer of a release: the item, and when and by whom it was released (the first release when it already was).</summary>
public sealed record ReleaseAnswer(Guid Id, string Kind, Guid ItemId, DateTimeOffset ReleasedAt, bool AlreadyReleased);

/// <summary>
/// A clinician releases an item of the record to the patient's portal, having told it (issue 14 §3). Releasing an
/// early-return alert releases the result that raised it too: the alert explains the result. Access and the
/// capability were checked by the caller. Audited with the item, never its content.
/// </summary>
public sealed class ReleaseToPortal(RelaisDb db, Clock clock)
{
    /// <returns>Null when the patient has no such item (404).</returns>
    public async Task<ReleaseAnswer?> HandleAsync(CurrentUser user, Guid patientId, ReleaseInput input, CancellationToken ct)
    {
        var kind = EnumCodes.Parse<PortalItemKind>(input.Kind, "kind");
        if (input.ItemId is not { } itemId || itemId == Guid.Empty) throw new DomainValidationException("itemId", "L'élément à communiquer est obligatoire.");
        Guid? alertObservation = null;
        var exists = kind switch
        {
            PortalItemKind.Document => await db.Documents.AnyAsync(d => d.Id == itemId && d.PatientId == patientId, ct),
            PortalItemKind.Transmission => await db.Transmissions.AnyAsync(t => t.Id == itemId && t.PatientId == patientId, ct),
            PortalItemKind.Observation => await db.Observations.AnyAsync(o => o.Id == itemId && o.PatientId == patientId, ct),
            _ => await db.Alerts.AnyAsync(a => a.Id == itemId && a.PatientId == patientId, ct),
        };
        if (!exists) return null;
        if (kind == PortalItemKind.Alert)
            alertObservation = await db.Alerts.Where(a => a.Id == itemId).Select(a => a.ObservationId).FirstOrDefaultAsync(ct);

        var now = clock.Now;
        var existing = await db.PortalReleases.FirstOrDefaultAsync(r => r.PatientId == patientId && r.Kind == kind && r.ItemId == itemId, ct);
        if (existing is not null) return new ReleaseAnswer(existing.Id, EnumCodes.Code(kind), itemId, existing.ReleasedAt, true);
        var release = PortalRelease.Create(patientId, kind, itemId, user.Id, now);
        db.PortalReleases.Add(release);
        if (alertObservation is { } observationId
            && !await db.PortalReleases.AnyAsync(r => r.PatientId == patientId && r.Kind == PortalItemKind.Observation && r.ItemId == observationId, ct))
            db.PortalReleases.Add(PortalRelease.Create(patientId, PortalItemKind.Observation, observationId, user.Id, now));
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "portal-release", AuditOutcomes.Allowed,
            $"kind={EnumCodes.Code(kind)} item={itemId}"));
        await db.SaveChangesAsync(ct);
        return new ReleaseAnswer(release.Id, EnumCodes.Code(kind), itemId, now, false);
    }
}
