namespace Relais.Domain.Alerts;

/// <summary>An alert raised for a patient, kept with its explanation, until someone takes it into account.</summary>
public sealed class StoredAlert
{
    private StoredAlert() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid? ObservationId { get; private set; }
    public string Rule { get; private set; } = "";
    public int RuleVersion { get; private set; }
    public string ProtocolCode { get; private set; } = "";
    public AlertSeverity Severity { get; private set; }
    public AlertAction Action { get; private set; }
    public DateOnly? Due { get; private set; }
    public string Explanation { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public Guid? ReferralTaskId { get; private set; }
    public Guid? TransmissionId { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public Guid? HandledBy { get; private set; }

    public static StoredAlert Raise(Guid patientId, Guid? observationId, Alert alert, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PatientId = patientId,
        ObservationId = observationId,
        Rule = alert.Rule,
        RuleVersion = alert.RuleVersion,
        ProtocolCode = alert.ProtocolCode,
        Severity = alert.Severity,
        Action = alert.Action,
        Due = alert.Due,
        Explanation = alert.Explanation,
        RaisedAt = now,
    };

    /// <summary>An early return: the team's referral task and the C14 transmission.</summary>
    public void Referred(Guid referralTaskId, Guid transmissionId)
    {
        ReferralTaskId = referralTaskId;
        TransmissionId = transmissionId;
    }

    /// <summary>A specialist opinion asked without a referral task.</summary>
    public void Transmitted(Guid transmissionId) => TransmissionId = transmissionId;

    public void Handle(Guid by, DateTimeOffset now)
    {
        HandledAt ??= now;
        HandledBy ??= by;
    }
}
