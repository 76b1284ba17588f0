namespace Relais.Domain.Questionnaires;

/// <summary>
/// A patient's answers to one version of a questionnaire (a FHIR QuestionnaireResponse), with what they meant
/// when given: the grade and the scores. Never changed: a new answer is a new response.
/// </summary>
public sealed class QuestionnaireResponse
{
    private QuestionnaireResponse() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string QuestionnaireCode { get; private set; } = "";
    public int QuestionnaireVersion { get; private set; }
    public DateTimeOffset AuthoredAt { get; private set; }
    /// <summary>Who entered the answers: the patient, or a professional on the phone with the patient.</summary>
    public Guid AuthorId { get; private set; }
    public IReadOnlyList<Answer> Answers { get; private set; } = [];
    /// <summary>The highest CTCAE grade the answers report (0 when none is graded).</summary>
    public int Grade { get; private set; }
    /// <summary>The first score of the questionnaire (ESAS-r's total), for the trend.</summary>
    public decimal? Score { get; private set; }

    public static QuestionnaireResponse Record(Guid patientId, QuestionnaireDefinition questionnaire, IReadOnlyDictionary<string, Answer> answers,
        ResponseEvaluation evaluation, Guid authorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(evaluation);
        return new QuestionnaireResponse
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            QuestionnaireCode = questionnaire.Code,
            QuestionnaireVersion = questionnaire.Version,
            AuthoredAt = now,
            AuthorId = authorId,
            // In the questionnaire's order, as it is read back.
            Answers = [.. questionnaire.Items.Where(i => answers.ContainsKey(i.LinkId)).Select(i => answers[i.LinkId])],
            Grade = evaluation.Grade,
            Score = questionnaire.ScoreList.Count > 0 ? evaluation.Scores[questionnaire.ScoreList[0].Code] : null,
        };
    }
}
