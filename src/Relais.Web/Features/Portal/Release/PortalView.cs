using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Portal;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal.Release;

/// <summary>
/// What of a patient's record reaches the portal (issue 14 §3), for the patient and the people they delegated access to.
/// A professional's view is <see cref="Everything"/>. Every list and read of documents, transmissions, marker results
/// and early-return alerts asks it, on the pages as on the API: a held item answers as a missing one.
/// </summary>
public sealed class PortalView
{
    private readonly IReadOnlyCollection<DateOnly> announcements;
    private readonly HashSet<(PortalItemKind, Guid)> released;
    private readonly HashSet<Guid> alertingObservations;
    private readonly Dictionary<Guid, (DocumentKind Kind, DateOnly On, string Title)> documents;

    private PortalView(bool filters, IReadOnlyCollection<DateOnly> announcements, HashSet<(PortalItemKind, Guid)> released,
        HashSet<Guid> alertingObservations, Dictionary<Guid, (DocumentKind, DateOnly, string)> documents)
    {
        Filters = filters;
        this.announcements = announcements;
        this.released = released;
        this.alertingObservations = alertingObservations;
        this.documents = documents;
    }

    /// <summary>The professional's view: the release rule does not apply to the care team.</summary>
    public static readonly PortalView Everything = new(false, [], [], [], []);

    /// <summary>The patient or a person they delegated to: only what was released.</summary>
    public bool Filters { get; }

    /// <summary>The people the release rule applies to: the patient and whoever reads the record through them.</summary>
    public static bool AppliesTo(CurrentUser? user) => user?.Kind is AccessorKind.Patient or AccessorKind.Caregiver or AccessorKind.TrustedPerson;

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(Clock.ToParis(instant).DateTime);

    public static async Task<PortalView> LoadAsync(RelaisDb db, Guid patientId, CancellationToken ct)
    {
        // The consultations where the team tells: the announcement's medical time (recorded in the announcement scheme or as
        // the pathway's announcement step), and the PPS handed to the patient, which carries the tumor board's proposal [G].
        // One statement for the three (UNION ALL): the rule reads a list of days.
        var announced = await db.Announcements.AsNoTracking().Where(a => a.PatientId == patientId && a.MedicalTimeOn != null).Select(a => a.MedicalTimeOn!.Value)
            .Concat(db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == patientId && e.To == Domain.Pathways.PathwayPhase.Announcement).Select(e => e.OccurredOn))
            .Concat(db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId && p.Kind == Domain.Programmes.ProgrammeKind.Pps && p.HandedToPatientOn != null)
                .Select(p => p.HandedToPatientOn!.Value))
            .ToListAsync(ct);
        var releases = await db.PortalReleases.AsNoTracking().Where(r => r.PatientId == patientId).Select(r => new { r.Kind, r.ItemId }).ToListAsync(ct);
        var alerting = await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId && a.ObservationId != null && a.Marker != null)
            .Select(a => a.ObservationId!.Value).ToListAsync(ct);
        var docs = await db.Documents.AsNoTracking().Where(d => d.PatientId == patientId).Select(d => new { d.Id, d.Kind, d.CreatedAt, d.Title }).ToListAsync(ct);
        return new PortalView(true, announced, releases.Select(r => (r.Kind, r.ItemId)).ToHashSet(), alerting.ToHashSet(),
            docs.ToDictionary(d => d.Id, d => (d.Kind, Day(d.CreatedAt), d.Title)));
    }

    /// <summary>The patient's documents as items of the release rule, with their titles (the view read them all).</summary>
    public IEnumerable<(PortalItem Item, string Title)> DocumentItems() =>
        documents.Select(d => (StoredDocumentItem(d.Key), d.Value.Title));

    /// <summary>A document the view read, as an item of the release rule.</summary>
    private PortalItem StoredDocumentItem(Guid id) => new(PortalItemKind.Document, id, documents[id].On, documents[id].Kind);

    public PortalItem DocumentItem(Guid id, DocumentKind kind, DateTimeOffset createdAt) => new(PortalItemKind.Document, id, Day(createdAt), kind);

    public PortalItem ObservationItem(Guid id, DateOnly effective) => new(PortalItemKind.Observation, id, effective, RaisedAlert: alertingObservations.Contains(id));

    public static PortalItem AlertItem(Guid id, DateTimeOffset raisedAt, bool reportedSigns) => new(PortalItemKind.Alert, id, Day(raisedAt), ReportedSigns: reportedSigns);

    public ReleaseBasis? Basis(PortalItem item) =>
        PortalReleaseRule.Basis(item, announcements, released.Contains((item.Kind, item.Id)));

    private bool Shows(PortalItem item) => !Filters || Basis(item) is not null;

    public bool ShowsDocument(Guid id, DocumentKind kind, DateTimeOffset createdAt) => Shows(DocumentItem(id, kind, createdAt));

    /// <summary>A transmission that carries a document is shown with its document; otherwise as the rule says of a transmission.</summary>
    public bool ShowsTransmission(Guid id, Guid? documentId, bool addressedToPatient, DateTimeOffset createdAt)
    {
        if (!Filters) return true;
        if (documentId is { } d)
            return documents.ContainsKey(d) && Shows(StoredDocumentItem(d));
        return Shows(new PortalItem(PortalItemKind.Transmission, id, Day(createdAt), AddressedToPatient: addressedToPatient));
    }

    public bool ShowsObservation(Guid id, DateOnly effective) => Shows(ObservationItem(id, effective));

    public bool ShowsAlert(Guid id, DateTimeOffset raisedAt, bool reportedSigns) => Shows(AlertItem(id, raisedAt, reportedSigns));

    public static bool IsAddressedToPatient(IEnumerable<RecipientKinds> kinds) => kinds.Any(k => k == RecipientKinds.Patient);

    public IReadOnlyList<FollowUp.Observations.ObservationDto> Filter(IReadOnlyList<FollowUp.Observations.ObservationDto> observations) =>
        Filters ? observations.Where(o => ShowsObservation(o.Id, o.Effective)).ToList() : observations;

    /// <summary>The released alerts; the total counts only them, so that it hints at nothing held.</summary>
    public FollowUp.Alerts.AlertList Filter(FollowUp.Alerts.AlertList alerts)
    {
        if (!Filters) return alerts;
        var shown = alerts.Items.Where(a => ShowsAlert(a.Id, a.RaisedAt, a.Marker is null)).ToList();
        return new FollowUp.Alerts.AlertList(shown, shown.Count);
    }

    /// <summary>Whether anything of these lists is held: the portal then says one sentence, nothing more.</summary>
    public bool Holds(IReadOnlyList<FollowUp.Observations.ObservationDto> observations, FollowUp.Alerts.AlertList alerts) =>
        Filters && (Filter(observations).Count < observations.Count || Filter(alerts).Items.Count < alerts.Items.Count);

    /// <summary>
    /// A tumor-board case reaches the portal with its report, once released: a case registered or deliberated but not
    /// yet told (a recurrence going back to the board, PRODUCT.md §3 step 7) is not hinted at.
    /// </summary>
    public bool ShowsCase(Guid? reportDocumentId)
    {
        if (!Filters) return true;
        return reportDocumentId is { } d && documents.ContainsKey(d) && Shows(StoredDocumentItem(d));
    }

    public static bool Shows(PortalView view, Coordination.Transmissions.TransmissionDto t) =>
        view.ShowsTransmission(t.Id, t.DocumentId, IsAddressedToPatient(t.Recipients.Select(r => r.Kind)), t.CreatedAt);
}

/// <summary>Loads the <see cref="PortalView"/> of the signed-in user for a patient.</summary>
public sealed class PortalViews(RelaisDb db)
{
    public async Task<PortalView> ForAsync(CurrentUser? user, Guid patientId, CancellationToken ct) =>
        PortalView.AppliesTo(user) ? await PortalView.LoadAsync(db, patientId, ct) : PortalView.Everything;
}
