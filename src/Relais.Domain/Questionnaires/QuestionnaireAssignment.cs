namespace Relais.Domain.Questionnaires;

/// <summary>
/// A questionnaire sent once to a patient by a member of the care team (issue 14 point 2: "assigned per treatment
/// phase, per follow-up protocol where the team chooses it, or sent once"), to answer by a given day: e.g. an ESAS-r
/// before a consultation, or the warning signs of the patient's cancer between two follow-up visits. The patient's
/// next answer to that questionnaire closes it; until then it is due on the portal and reminded the day after its
/// due day, once. The team may withdraw it.
/// </summary>
public sealed class QuestionnaireAssignment
{
    private QuestionnaireAssignment() { }

    /// <summary>The latest due day the team may give: a questionnaire is about the weeks ahead, not the next season.</summary>
    public const int MaxDaysAhead = 90;

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string QuestionnaireCode { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public Guid AssignedBy { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>The response that answered it.</summary>
    public Guid? ResponseId { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsOpen => AnsweredAt is null && WithdrawnAt is null;

    public static QuestionnaireAssignment Send(Guid patientId, string questionnaireCode, DateOnly dueOn, Guid by, DateOnly today, DateTimeOffset now)
    {
        if (dueOn < today) throw new DomainValidationException("dueOn", "La date limite ne peut pas être passée.");
        if (dueOn > today.AddDays(MaxDaysAhead)) throw new DomainValidationException("dueOn", $"La date limite est au plus dans {MaxDaysAhead} jours.");
        return new QuestionnaireAssignment
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            QuestionnaireCode = questionnaireCode,
            DueOn = dueOn,
            AssignedBy = by,
            AssignedAt = now,
        };
    }

    /// <summary>The patient answered that questionnaire after it was sent: the first answer closes it.</summary>
    public void Answered(Guid responseId, DateTimeOffset at)
    {
        if (!IsOpen || at < AssignedAt) return;
        ResponseId = responseId;
        AnsweredAt = at;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (AnsweredAt is not null) throw new DomainValidationException("status", "Ce questionnaire a déjà reçu sa réponse.");
        WithdrawnAt ??= now;
    }

    /// <summary>Due on the portal from the day it was sent (the patient may answer early), until it is answered or withdrawn.</summary>
    public bool IsDue => IsOpen;

    /// <summary>Unanswered the day after its due day: the patient is reminded, once.</summary>
    public bool NeedsReminder(DateOnly today) => IsOpen && today > DueOn;
}
