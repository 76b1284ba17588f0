namespace Relais.Domain.TumorBoards;

/// <summary>A G8 screening of a patient, kept with its answers so the score can be checked.</summary>
public sealed class G8Assessment
{
    private G8Assessment() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public int AgeAtAssessment { get; private set; }
    public int FoodIntake { get; private set; }
    public int WeightLoss { get; private set; }
    public int Mobility { get; private set; }
    public int Neuropsychological { get; private set; }
    public decimal BodyMassIndex { get; private set; }
    public bool MoreThanThreeMedications { get; private set; }
    public decimal SelfRatedHealth { get; private set; }
    public decimal Score { get; private set; }
    public bool FullAssessmentRecommended { get; private set; }
    public Guid AssessedBy { get; private set; }

    public static G8Assessment Record(Guid patientId, G8Answers answers, int age, DateOnly on, DateOnly today, Guid by, DateTimeOffset now)
    {
        if (on > today) throw new DomainValidationException("assessedOn", "Le G8 ne peut pas être daté dans le futur.");
        var result = G8.Score(answers, age);
        return new G8Assessment
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, AssessedOn = on, AgeAtAssessment = age, FoodIntake = answers.FoodIntake,
            WeightLoss = answers.WeightLoss, Mobility = answers.Mobility, Neuropsychological = answers.Neuropsychological,
            BodyMassIndex = answers.BodyMassIndex, MoreThanThreeMedications = answers.MoreThanThreeMedications, SelfRatedHealth = answers.SelfRatedHealth,
            Score = result.Score, FullAssessmentRecommended = result.FullAssessmentRecommended, AssessedBy = by,
        };
    }
}
