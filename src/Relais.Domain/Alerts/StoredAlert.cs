namespace Relais.Domain.Alerts;

/// <summary>
/// An alert raised for a patient, kept with its explanation, until someone takes it into account
/// (<see cref="Handle"/>) or the rules find it no longer holds (<see cref="Close"/>). A patient has at
/// most one open alert per <see cref="Concern"/>: a new result updates it, and raises its level when the
/// values say so, rather than raising another one (<see cref="OpenAlerts"/>).
/// </summary>
public sealed class StoredAlert
{
    private StoredAlert() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    /// <summary>The result that last raised or updated the alert.</summary>
    public Guid? ObservationId { get; private set; }
    public string Rule { get; private set; } = "";
    public int RuleVersion { get; private set; }
    public string ProtocolCode { get; private set; } = "";
    /// <summary>The marker of a marker rule; null for the clinical criteria.</summary>
    public Marker? Marker { get; private set; }
    /// <summary>See <see cref="Alert.Concern"/>.</summary>
    public string Concern { get; private set; } = "";
    public AlertSeverity Severity { get; private set; }
    public AlertAction Action { get; private set; }
    public DateOnly? Due { get; private set; }
    public string Explanation { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    /// <summary>The last time a new result changed the alert.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }
    /// <summary>How many times its owners were told again of an update.</summary>
    public int Renotifications { get; private set; }
    public Guid? ReferralTaskId { get; private set; }
    public Guid? TransmissionId { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public Guid? HandledBy { get; private set; }
    /// <summary>Closed by the rules: the series, once complete, no longer meets the rule (<see cref="ClosedReason"/> says why).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedReason { get; private set; }

    public bool IsOpen => HandledAt is null && ClosedAt is null;

    public int Level => AlertConcerns.Level(Severity, Action);

    public static StoredAlert Raise(Guid patientId, Guid? observationId, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new()
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            ObservationId = observationId,
            Rule = alert.Rule,
            RuleVersion = alert.RuleVersion,
            ProtocolCode = alert.ProtocolCode,
            Marker = alert.Marker,
            Concern = alert.Concern,
            Severity = alert.Severity,
            Action = alert.Action,
            Due = alert.Due,
            Explanation = alert.Explanation,
            RaisedAt = now,
        };
    }

    /// <summary>
    /// The open alert now reads <paramref name="alert"/> (same concern, same or higher level): its rule,
    /// values and explanation follow the series. An early return keeps the earliest due date: the
    /// referral already asked for is not pushed back by a later result.
    /// </summary>
    internal void Update(Alert alert, Guid? observationId, DateTimeOffset now)
    {
        if (!IsOpen) throw new InvalidOperationException("Only an open alert follows the series.");
        if (alert.Concern != Concern) throw new InvalidOperationException($"An alert about {alert.Concern} cannot update one about {Concern}.");
        if (alert.Level < Level) throw new InvalidOperationException("An open alert's level does not go down: it is closed and a new one raised.");
        Due = alert.Action == Action && Due is { } due && alert.Due is { } next && due < next ? due : alert.Due;
        Rule = alert.Rule;
        RuleVersion = alert.RuleVersion;
        ProtocolCode = alert.ProtocolCode;
        Severity = alert.Severity;
        Action = alert.Action;
        Explanation = alert.Explanation;
        ObservationId = observationId ?? ObservationId;
        UpdatedAt = now;
    }

    /// <summary>The rules no longer hold once the series is complete; <paramref name="reason"/> says why. A referral already made stays with the team.</summary>
    public void Close(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsOpen) return;
        ClosedAt = now;
        ClosedReason = reason.Length > 500 ? reason[..500] : reason;
    }

    /// <summary>An early return: the team's referral task and the C14 transmission.</summary>
    public void Referred(Guid referralTaskId, Guid transmissionId)
    {
        ReferralTaskId = referralTaskId;
        TransmissionId = transmissionId;
    }

    /// <summary>A specialist opinion asked without a referral task.</summary>
    public void Transmitted(Guid transmissionId) => TransmissionId = transmissionId;

    /// <summary>Its owners were told again, of the update.</summary>
    public void Renotified() => Renotifications++;

    public void Handle(Guid by, DateTimeOffset now)
    {
        HandledAt ??= now;
        HandledBy ??= by;
    }
}
