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

    /// <summary>The drug the team suspects of the reported adverse effect, named when it declared it to pharmacovigilance.</summary>
    public string? SuspectedDrug { get; private set; }
    /// <summary>When the team declared the adverse effect to pharmacovigilance (signalement-sante.gouv.fr), and who said so.</summary>
    public DateTimeOffset? PharmacovigilanceDeclaredAt { get; private set; }
    public Guid? PharmacovigilanceDeclaredBy { get; private set; }

    public const int MaxDrugLength = 200;

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

    /// <summary>
    /// A severe adverse effect (grade ≥ 3 in the answers) with a suspected drug is declared to pharmacovigilance by the
    /// professional (issue 14 point 2; [G], as for the GP's C9 report, PRODUCT.md §9): the team records which drug and
    /// that the declaration was made. Once: a second declaration of the same alert is refused.
    /// </summary>
    public void DeclaredToPharmacovigilance(int responseGrade, string? suspectedDrug, Guid by, DateTimeOffset now)
    {
        if (!PharmacovigilancePrompted(responseGrade))
            throw new DomainValidationException("grade", "Seul un effet indésirable grave (grade 3 ou plus) appelle une déclaration de pharmacovigilance depuis l'alerte.");
        if (PharmacovigilanceDeclaredAt is not null) throw new DomainValidationException("pharmacovigilance", "La déclaration de pharmacovigilance est déjà enregistrée.");
        var drug = suspectedDrug?.Trim();
        if (string.IsNullOrEmpty(drug)) throw new DomainValidationException("suspectedDrug", "Indiquez le médicament suspecté.");
        if (drug.Length > MaxDrugLength) throw new DomainValidationException("suspectedDrug", "Le médicament suspecté est limité à 200 caractères.");
        SuspectedDrug = drug;
        PharmacovigilanceDeclaredAt = now;
        PharmacovigilanceDeclaredBy = by;
    }

    /// <summary>Grade ≥ 3 in the answers (CTCAE: severe): the team is asked whether a drug is suspected, to declare it.</summary>
    public static bool PharmacovigilancePrompted(int responseGrade) => responseGrade >= 3;

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
