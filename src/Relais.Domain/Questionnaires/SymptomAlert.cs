using Relais.Domain.Alerts;

namespace Relais.Domain.Questionnaires;

/// <summary>What the nurse or physician did about a triage alert (CAPRI's outcomes).</summary>
public enum TriageAction
{
    /// <summary>Advice given on the phone.</summary>
    Advice,
    /// <summary>A consultation brought forward.</summary>
    Consultation,
    /// <summary>A visit to the day unit (hôpital de jour).</summary>
    DayUnitVisit,
    /// <summary>Sent to the emergency department.</summary>
    Emergency,
}

/// <summary>
/// A triage alert: a rule of a questionnaire fired by a patient's answers. It opens on the team's triage worklist
/// (not the early-return queue: another kind, another route), is acknowledged by a member of the team, who then
/// records the action taken; an urgent alert not acknowledged in time is escalated once to the physician on call.
/// It keeps the rule's own words, so that a later version of the questionnaire changes nothing it said.
/// </summary>
public sealed class SymptomAlert
{
    private SymptomAlert() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ResponseId { get; private set; }
    public string QuestionnaireCode { get; private set; } = "";
    public int QuestionnaireVersion { get; private set; }
    public string Rule { get; private set; } = "";
    public string Title { get; private set; } = "";
    public AlertSeverity Severity { get; private set; }
    /// <summary>The severity as a number (urgent highest), which the triage worklist orders by in the database.</summary>
    public int Rank { get; private set; }
    public string TeamAction { get; private set; } = "";
    public string PatientInstruction { get; private set; } = "";
    public string Source { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedBy { get; private set; }
    public TriageAction? Action { get; private set; }
    public string? ActionNote { get; private set; }
    public DateTimeOffset? ActionAt { get; private set; }
    public Guid? ActionBy { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    /// <summary>The physician on call it was escalated to; null with <see cref="EscalatedAt"/> set when no one was on call.</summary>
    public Guid? EscalatedTo { get; private set; }

    /// <summary>Open until an action is recorded: it stays on the worklist, acknowledged or not.</summary>
    public bool IsOpen => Action is null;

    public static SymptomAlert Raise(Guid patientId, Guid responseId, QuestionnaireDefinition questionnaire, AlertRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(rule);
        return new SymptomAlert
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            ResponseId = responseId,
            QuestionnaireCode = questionnaire.Code,
            QuestionnaireVersion = questionnaire.Version,
            Rule = rule.Code,
            Title = rule.Title,
            Severity = rule.Severity,
            Rank = QuestionnaireEvaluation.Rank(rule.Severity),
            TeamAction = rule.TeamAction,
            PatientInstruction = rule.PatientInstruction,
            Source = rule.Source,
            RaisedAt = now,
        };
    }

    /// <summary>Taken in charge: the first acknowledgement stands.</summary>
    public void Acknowledge(Guid by, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null) return;
        AcknowledgedAt = now;
        AcknowledgedBy = by;
    }

    /// <summary>Records what was done, which closes the alert; acknowledges it too if no one had.</summary>
    public void RecordAction(TriageAction action, string? note, Guid by, DateTimeOffset now)
    {
        if (Action is not null) throw new DomainValidationException("action", "Une action est déjà enregistrée pour cette alerte.");
        var text = note?.Trim();
        if (text is { Length: > 1000 }) throw new DomainValidationException("note", "La note est limitée à 1 000 caractères.");
        Acknowledge(by, now);
        Action = action;
        ActionNote = string.IsNullOrEmpty(text) ? null : text;
        ActionAt = now;
        ActionBy = by;
    }

    /// <summary>
    /// An urgent alert still unacknowledged <paramref name="delay"/> after it was raised is due for escalation,
    /// at any hour (issue 14: "an urgent alert not acknowledged within the configured time escalates").
    /// </summary>
    public bool DueForEscalation(DateTimeOffset now, TimeSpan delay) =>
        Severity == AlertSeverity.Urgent && AcknowledgedAt is null && Action is null && EscalatedAt is null && now - RaisedAt >= delay;

    public void EscalateTo(Guid? physician, DateTimeOffset now)
    {
        if (EscalatedAt is not null) return;
        EscalatedAt = now;
        EscalatedTo = physician;
    }
}

public static class TriageCodes
{
    public static string Code(this TriageAction action) => action switch
    {
        TriageAction.Advice => "advice",
        TriageAction.Consultation => "consultation",
        TriageAction.DayUnitVisit => "day-unit-visit",
        _ => "emergency",
    };

    public static string French(this TriageAction action) => action switch
    {
        TriageAction.Advice => "Conseil par téléphone",
        TriageAction.Consultation => "Consultation",
        TriageAction.DayUnitVisit => "Venue en hôpital de jour",
        _ => "Urgences",
    };
}
