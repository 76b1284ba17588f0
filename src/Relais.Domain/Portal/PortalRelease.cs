using Relais.Domain.Documents;

namespace Relais.Domain.Portal;

/// <summary>What a release concerns: a document, a transmission, a marker result or an early-return alert.</summary>
public enum PortalItemKind { Document, Transmission, Observation, Alert }

/// <summary>Why an item reaches the patient's portal.</summary>
public enum ReleaseBasis
{
    /// <summary>Written for the patient (PPS, PPAC, follow-up protocol, a transmission addressed to them) or told by the patient (warning signs they reported).</summary>
    WrittenForPatient,
    /// <summary>Dated on or before an announcement consultation (medical time) recorded for the patient: it has been told.</summary>
    Announcement,
    /// <summary>A marker result that raised no alert, once the diagnosis has been announced: it brings no news.</summary>
    NoNews,
    /// <summary>A clinician released it explicitly.</summary>
    Clinician,
}

/// <summary>
/// An item of the record a clinician released to the patient's portal (issue 14 §3): who, when. An item of the
/// patient's record is shown to the patient and their caregivers only when <see cref="PortalReleaseRule"/> says so.
/// </summary>
public sealed class PortalRelease
{
    private PortalRelease() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public PortalItemKind Kind { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid ReleasedBy { get; private set; }
    public DateTimeOffset ReleasedAt { get; private set; }

    public static PortalRelease Create(Guid patientId, PortalItemKind kind, Guid itemId, Guid by, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), PatientId = patientId, Kind = kind, ItemId = itemId, ReleasedBy = by, ReleasedAt = now };
}

/// <summary>
/// An item as the release rule sees it. <see cref="On"/> is the clinical date (a result's date, a document's or an alert's
/// day in Paris). For a transmission that carries a document, the caller judges the document instead.
/// </summary>
public sealed record PortalItem(PortalItemKind Kind, Guid Id, DateOnly On, DocumentKind? DocumentKind = null, bool AddressedToPatient = false,
    bool RaisedAlert = false, bool ReportedSigns = false);

/// <summary>
/// Issue 14 §3: "results, documents and alerts reach the portal only when a clinician has released them (or after the
/// announcement consultation) — a patient must not learn of a recurrence or read a pathology report before it has been
/// told". The dispositif d'annonce [G][P] (PRODUCT.md §3, step 3) is the time where the diagnosis and the proposed
/// treatment are told; what was known on its day has been told by it. What comes after it (a new pathology report, a
/// tumor-board report, a marker rise and its early-return alert — possibly a recurrence, PRODUCT.md §7) waits for a
/// clinician to tell it, and release it.
/// </summary>
public static class PortalReleaseRule
{
    /// <summary>The documents Relais writes for the patient to keep ([G] PPS and PPAC are "given to the patient"; the follow-up protocol is the carnet's).</summary>
    public static bool IsWrittenForPatient(DocumentKind kind) =>
        kind is DocumentKind.Pps or DocumentKind.Ppac or DocumentKind.FollowUpProtocol or DocumentKind.TreatmentProtocol;

    /// <param name="announcements">
    /// The days the team told the patient, any episode: the announcement consultations (medical time), and the handing of
    /// the PPS, the treatment proposal of the tumor board "understood and accepted by the patient" [G][P] (PRODUCT.md §6).
    /// </param>
    /// <param name="releasedByClinician">A clinician released this item.</param>
    /// <returns>Why the item reaches the portal, or null while it is held.</returns>
    public static ReleaseBasis? Basis(PortalItem item, IReadOnlyCollection<DateOnly> announcements, bool releasedByClinician)
    {
        if (releasedByClinician) return ReleaseBasis.Clinician;
        var told = announcements.Any(a => a >= item.On);
        switch (item.Kind)
        {
            case PortalItemKind.Document:
                if (item.DocumentKind is { } kind && IsWrittenForPatient(kind)) return ReleaseBasis.WrittenForPatient;
                return told ? ReleaseBasis.Announcement : null;
            case PortalItemKind.Transmission:
                // A transmission without a document addressed to another professional (an early-return request, C14)
                // may speak of a recurrence: it waits like an alert.
                if (item.AddressedToPatient) return ReleaseBasis.WrittenForPatient;
                return told ? ReleaseBasis.Announcement : null;
            case PortalItemKind.Observation:
                if (!item.RaisedAlert && announcements.Count > 0) return ReleaseBasis.NoNews;
                return told ? ReleaseBasis.Announcement : null;
            case PortalItemKind.Alert:
                // The warning signs the patient reported are their own words; a marker alert is news.
                if (item.ReportedSigns) return ReleaseBasis.WrittenForPatient;
                return told ? ReleaseBasis.Announcement : null;
            default:
                return null;
        }
    }

    public static bool IsReleased(PortalItem item, IReadOnlyCollection<DateOnly> announcements, bool releasedByClinician) =>
        Basis(item, announcements, releasedByClinician) is not null;

    /// <summary>What the portal says in place of what is held: nothing of its kind, date or number.</summary>
    public const string HeldNotice = "Un document vous sera présenté par votre équipe.";
}
