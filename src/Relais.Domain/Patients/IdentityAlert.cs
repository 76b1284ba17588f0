namespace Relais.Domain.Patients;

public enum IdentityAlertKind
{
    /// <summary>The INS contradicts the sex or the birth date and the user kept it, with a reason.</summary>
    ConfirmedMismatch,
    /// <summary>An INS that another record holds was given to a record by someone who may not read the other one.</summary>
    SuspectedDuplicate,
    /// <summary>External results (a laboratory's FHIR Bundle) named this record's INS but could not be matched to it: held, not on the record.</summary>
    ExternalResultHeld,
}

/// <summary>
/// A line of the identity-vigilance referent's worklist (RNIV: the identity-vigilance cell reviews the
/// anomalies the users report): which record, what is wrong, who raised it, and how it was closed.
/// </summary>
public sealed class IdentityAlert
{
    private IdentityAlert() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public IdentityAlertKind Kind { get; private set; }
    /// <summary>For a suspected duplicate, the record that already held the INS.</summary>
    public Guid? OtherPatientId { get; private set; }
    public string Ins { get; private set; } = "";
    public string? Reason { get; private set; }
    public Guid RaisedBy { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public static IdentityAlert Raise(Guid patientId, IdentityAlertKind kind, string ins, string? reason, Guid? otherPatientId, Guid raisedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), PatientId = patientId, Kind = kind, Ins = ins, Reason = reason,
        OtherPatientId = otherPatientId, RaisedBy = raisedBy, RaisedAt = now,
    };

    /// <summary>The referent closes the line with what was done (identity corrected, records reconciled, confirmed as it is).</summary>
    public void Close(Guid by, string? resolution, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainValidationException("alert", "Ce signalement est déjà clos.");
        var text = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
        if (text is null) throw new DomainValidationException("resolution", "Indiquez ce qui a été fait pour clore le signalement.");
        if (text.Length > 1000) throw new DomainValidationException("resolution", "1 000 caractères au plus.");
        ClosedBy = by;
        ClosedAt = now;
        Resolution = text;
    }
}
