namespace Relais.Domain.TumorBoards;

/// <summary>
/// The G8 oncogeriatric screening tool [R]: eight items, total 0–17. Every patient over 75 is screened
/// before the case is presented in RCP [G]; a score of 14 or less calls for a full geriatric assessment [R].
/// </summary>
public sealed record G8Answers(
    /// <summary>Food intake declined over the past 3 months: 0 severe, 1 moderate, 2 none.</summary>
    int FoodIntake,
    /// <summary>Weight loss over the past 3 months: 0 over 3 kg, 1 does not know, 2 between 1 and 3 kg, 3 none.</summary>
    int WeightLoss,
    /// <summary>Mobility: 0 bed or chair bound, 1 out of bed or chair but does not go out, 2 goes out.</summary>
    int Mobility,
    /// <summary>Neuropsychological problems: 0 severe dementia or depression, 1 mild, 2 none.</summary>
    int Neuropsychological,
    /// <summary>Body mass index in kg/m².</summary>
    decimal BodyMassIndex,
    /// <summary>Takes more than three medications a day.</summary>
    bool MoreThanThreeMedications,
    /// <summary>Self-rated health compared with people of the same age: 0 not as good, 0.5 does not know, 1 as good, 2 better.</summary>
    decimal SelfRatedHealth);

public sealed record G8Result(decimal Score, decimal BmiPoints, decimal AgePoints, bool FullAssessmentRecommended);

/// <summary>A band of a G8 item scored by a measure: from <see cref="From"/> (included) to below <see cref="Below"/>; open when null.</summary>
public sealed record G8Band(decimal? From, decimal? Below, decimal Points)
{
    public bool Holds(decimal value) => (From is null || value >= From) && (Below is null || value < Below);
}

public static class G8
{
    public const decimal Threshold = 14m;

    /// <summary>Item E, body mass index [R]: 0 below 19, 1 from 19 to below 21, 2 from 21 to below 23, 3 from 23.</summary>
    public static readonly IReadOnlyList<G8Band> BmiBands = [new(null, 19m, 0m), new(19m, 21m, 1m), new(21m, 23m, 2m), new(23m, null, 3m)];

    /// <summary>Item H, age in whole years [R]: 2 under 80, 1 from 80 to 85, 0 over 85.</summary>
    public static readonly IReadOnlyList<G8Band> AgeBands = [new(null, 80m, 2m), new(80m, 86m, 1m), new(86m, null, 0m)];

    public static decimal AgePoints(int age) => AgeBands.First(b => b.Holds(age)).Points;

    public static decimal BmiPoints(decimal bmi) => BmiBands.First(b => b.Holds(bmi)).Points;

    public static G8Result Score(G8Answers a, int age)
    {
        Check(a.FoodIntake, 0, 2, "foodIntake");
        Check(a.WeightLoss, 0, 3, "weightLoss");
        Check(a.Mobility, 0, 2, "mobility");
        Check(a.Neuropsychological, 0, 2, "neuropsychological");
        if (a.BodyMassIndex is < 10 or > 70)
            throw new DomainValidationException("bodyMassIndex", "L'IMC doit être compris entre 10 et 70 kg/m².");
        if (a.SelfRatedHealth is not (0m or 0.5m or 1m or 2m))
            throw new DomainValidationException("selfRatedHealth", "L'état de santé perçu vaut 0, 0,5, 1 ou 2.");
        if (age is < 0 or > 130)
            throw new DomainValidationException("age", "Âge invraisemblable.");

        var bmi = BmiPoints(a.BodyMassIndex);
        var agePoints = AgePoints(age);
        var score = a.FoodIntake + a.WeightLoss + a.Mobility + a.Neuropsychological + bmi + (a.MoreThanThreeMedications ? 0 : 1) + a.SelfRatedHealth + agePoints;
        return new G8Result(score, bmi, agePoints, score <= Threshold);
    }

    private static void Check(int value, int min, int max, string field)
    {
        if (value < min || value > max)
            throw new DomainValidationException(field, $"La réponse vaut de {min} à {max} points.");
    }

    /// <summary>RCP rule [G]: every patient over 75 has a G8 before the case is presented.</summary>
    public static bool Required(int ageAtMeeting) => ageAtMeeting > 75;
}
