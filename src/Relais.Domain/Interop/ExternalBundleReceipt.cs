namespace Relais.Domain.Interop;

/// <summary>
/// A Bundle of external results received on <c>POST /fhir</c>, kept under its <c>Bundle.identifier</c> (per sender) so
/// that sending it again answers what the first sending answered and writes nothing (issue 17 point 2).
/// </summary>
public sealed class ExternalBundleReceipt
{
    private ExternalBundleReceipt() { }

    public Guid Id { get; private set; }
    public Guid SenderId { get; private set; }
    public string BundleSystem { get; private set; } = "";
    public string BundleValue { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public int Recorded { get; private set; }
    public int Held { get; private set; }
    /// <summary>The response Bundle answered, replayed to a second sending.</summary>
    public string ResponseJson { get; private set; } = "";

    public const int MaxSystem = 300;
    public const int MaxValue = 200;

    public static ExternalBundleReceipt Receive(Guid senderId, string? system, string? value, DateTimeOffset now)
    {
        var s = (system ?? "").Trim();
        var v = (value ?? "").Trim();
        if (v.Length == 0) throw new DomainValidationException("Bundle.identifier.value", "Le Bundle doit porter un identifiant (Bundle.identifier) : il rend l'envoi rejouable sans doublon.");
        if (s.Length > MaxSystem) throw new DomainValidationException("Bundle.identifier.system", $"{MaxSystem} caractères au plus.");
        if (v.Length > MaxValue) throw new DomainValidationException("Bundle.identifier.value", $"{MaxValue} caractères au plus.");
        return new ExternalBundleReceipt { Id = Guid.CreateVersion7(now), SenderId = senderId, BundleSystem = s, BundleValue = v, ReceivedAt = now };
    }

    public void Answered(int recorded, int held, string responseJson)
    {
        Recorded = recorded;
        Held = held;
        ResponseJson = responseJson;
    }
}

/// <summary>
/// Results whose identity did not match a record (unknown INS, identity not qualified, traits that disagree, or a record
/// the sender may not write to): kept apart for the identity-vigilance referent, never put on a record.
/// </summary>
public sealed class HeldExternalResult
{
    private HeldExternalResult() { }

    public Guid Id { get; private set; }
    public Guid ReceiptId { get; private set; }
    /// <summary>The INS the sender gave (15 characters), when it gave one.</summary>
    public string? Ins { get; private set; }
    /// <summary>The record this INS points to, when there is one (the worklist line is then on that record).</summary>
    public Guid? PatientId { get; private set; }
    /// <summary>Why it was held, as the codes of <see cref="ExternalIdentityMatch"/>, comma-separated.</summary>
    public string Reasons { get; private set; } = "";
    /// <summary>The DiagnosticReport and its Observations as sent (a FHIR collection Bundle), for the referent to attach once reconciled.</summary>
    public string PayloadJson { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The referent who attached or rejected the results.</summary>
    public Guid? ClosedBy { get; private set; }
    /// <summary>The record the referent attached the results to (null: open, or rejected).</summary>
    public Guid? AttachedPatientId { get; private set; }
    /// <summary>Why the referent rejected them (null: open, or attached).</summary>
    public string? RejectionReason { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public const int MaxRejectionReason = 1000;

    public static HeldExternalResult Hold(Guid receiptId, string? ins, Guid? patientId, IEnumerable<string> reasons, string payloadJson, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ReceiptId = receiptId, Ins = ins is { Length: <= 15 } ? ins : null, PatientId = patientId,
        Reasons = string.Join(',', reasons), PayloadJson = payloadJson, ReceivedAt = now,
    };

    /// <summary>
    /// The referent attaches the results to the record they are about (found by the identity the sender gave); the
    /// results then go through the laboratory feed as if they had been received for that record.
    /// </summary>
    public void Attach(Guid patientId, Guid by, DateTimeOffset now)
    {
        EnsureOpen();
        if (patientId == Guid.Empty) throw new DomainValidationException("patientId", "Choisissez le dossier auquel rattacher les résultats.");
        ClosedAt = now;
        ClosedBy = by;
        AttachedPatientId = patientId;
    }

    /// <summary>The referent rejects the results (no record is theirs, a sender's error...), saying why; they stay kept, on no record.</summary>
    public void Reject(Guid by, string? reason, DateTimeOffset now)
    {
        EnsureOpen();
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is null) throw new DomainValidationException("reason", "Indiquez pourquoi les résultats sont rejetés.");
        if (text.Length > MaxRejectionReason) throw new DomainValidationException("reason", "1 000 caractères au plus.");
        ClosedAt = now;
        ClosedBy = by;
        RejectionReason = text;
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new DomainValidationException("heldResult", "Ces résultats ont déjà été rattachés ou rejetés.");
    }
}
