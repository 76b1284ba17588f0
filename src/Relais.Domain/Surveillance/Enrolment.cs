namespace Relais.Domain.Surveillance;

/// <summary>
/// A patient followed on one version of a protocol from the end of active treatment (J0). The
/// patient stays on that version when the protocol is revised: a new version changes nobody's
/// calendar until someone moves the patient on purpose (<see cref="MoveTo"/>).
/// </summary>
public sealed class Enrolment
{
    private Enrolment() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string ProtocolCode { get; private set; } = "";
    public int ProtocolVersion { get; private set; }
    /// <summary>J0: the end of active treatment, from which every month of the protocol is counted [B].</summary>
    public DateOnly TreatmentEnd { get; private set; }
    /// <summary>The patient received radiotherapy: the radiotherapist's yearly visits are added [G].</summary>
    public bool Radiotherapy { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    public DateTimeOffset? MovedAt { get; private set; }

    public static Enrolment Start(Guid patientId, SurveillanceProtocol protocol, DateOnly treatmentEnd, bool radiotherapy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (patientId == Guid.Empty) throw new DomainValidationException("patientId", "Le patient est obligatoire.");
        protocol.EnsureValidated();
        return new Enrolment
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            ProtocolCode = protocol.Code,
            ProtocolVersion = protocol.Version,
            TreatmentEnd = treatmentEnd,
            Radiotherapy = radiotherapy,
            EnrolledAt = now,
        };
    }

    public bool IsOn(SurveillanceProtocol protocol) => protocol.Code == ProtocolCode && protocol.Version == ProtocolVersion;

    /// <summary>Moves the patient, on purpose, to another validated protocol version; J0 and the radiotherapy flag are kept.</summary>
    public void MoveTo(SurveillanceProtocol newVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newVersion);
        if (IsOn(newVersion))
            throw new DomainValidationException("protocol", $"Le patient suit déjà la version {ProtocolVersion} du référentiel « {ProtocolCode} ».");
        newVersion.EnsureValidated();
        ProtocolCode = newVersion.Code;
        ProtocolVersion = newVersion.Version;
        MovedAt = now;
    }

    /// <summary>The patient's carnet, from the version the patient is on (passing another version is a programming error).</summary>
    public IReadOnlyList<CarnetEntry> Calendar(SurveillanceProtocol protocol, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (!IsOn(protocol))
            throw new DomainValidationException("protocol", $"Le patient suit la version {ProtocolVersion} du référentiel « {ProtocolCode} », pas la version {protocol.Version} de « {protocol.Code} ».");
        return protocol.Preview(TreatmentEnd, Radiotherapy, horizonMonths);
    }
}
