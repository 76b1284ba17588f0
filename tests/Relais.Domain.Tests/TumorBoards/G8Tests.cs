using Relais.Domain.TumorBoards;

namespace Relais.Domain.Tests.TumorBoards;

public class G8Tests
{
    private static G8Answers Healthy(decimal bmi = 24m) => new(2, 3, 2, 2, bmi, false, 2m);

    [Fact]
    public void AHealthy78YearOld_Scores17_NoFullAssessment()
    {
        var result = G8.Score(Healthy(), 78);
        Assert.Equal(17m, result.Score);
        Assert.False(result.FullAssessmentRecommended);
    }

    [Fact]
    public void WorkedExample_ScoresTen_AndCallsForAGeriatricAssessment()
    {
        // Moderate intake decline (1), 1–3 kg lost (2), goes out (2), no problem (2), BMI 20.5 (1),
        // 5 medications (0), "as good" (1), 83 years old (1): 1+2+2+2+1+0+1+1 = 10.
        var result = G8.Score(new G8Answers(1, 2, 2, 2, 20.5m, true, 1m), 83);
        Assert.Equal(10m, result.Score);
        Assert.Equal(1m, result.BmiPoints);
        Assert.Equal(1m, result.AgePoints);
        Assert.True(result.FullAssessmentRecommended);
    }

    [Theory]
    // 2+3+2+2+3 (BMI 24) + 0 (> 3 drugs) + self-rated + age points
    [InlineData(1.0, 86, 13.0, true)]    // 12 + 1 + 0
    [InlineData(1.0, 81, 14.0, true)]    // 12 + 1 + 1: at the threshold
    [InlineData(0.5, 79, 14.5, false)]   // 12 + 0.5 + 2: just above
    [InlineData(1.0, 79, 15.0, false)]   // 12 + 1 + 2
    public void TheThresholdIs14OrLess(decimal selfRated, int age, decimal score, bool recommended)
    {
        var result = G8.Score(new G8Answers(2, 3, 2, 2, 24m, true, selfRated), age);
        Assert.Equal(score, result.Score);
        Assert.Equal(recommended, result.FullAssessmentRecommended);
    }

    [Theory]
    [InlineData(18.99, 0)]
    [InlineData(19.0, 1)]
    [InlineData(20.99, 1)]
    [InlineData(21.0, 2)]
    [InlineData(22.99, 2)]
    [InlineData(23.0, 3)]
    public void BodyMassIndexBands(decimal bmi, int points) =>
        Assert.Equal(points, G8.Score(Healthy(bmi), 70).BmiPoints);

    [Theory]
    [InlineData(79, 2)]
    [InlineData(80, 1)]
    [InlineData(85, 1)]
    [InlineData(86, 0)]
    public void AgeBands(int age, int points) => Assert.Equal(points, G8.Score(Healthy(), age).AgePoints);

    [Theory]
    [InlineData(75, false)]
    [InlineData(76, true)]
    public void RequiredOver75(int age, bool required) => Assert.Equal(required, G8.Required(age));

    [Theory]
    [InlineData(3, 0, 0, 0, "foodIntake")]
    [InlineData(0, 4, 0, 0, "weightLoss")]
    [InlineData(0, 0, -1, 0, "mobility")]
    [InlineData(0, 0, 0, 3, "neuropsychological")]
    public void OutOfRangeAnswersAreRefused(int food, int weight, int mobility, int neuro, string field)
    {
        var e = Assert.Throws<DomainValidationException>(() => G8.Score(new G8Answers(food, weight, mobility, neuro, 22m, false, 1m), 80));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void SelfRatedHealthTakesOnlyItsFourValues()
    {
        var e = Assert.Throws<DomainValidationException>(() => G8.Score(new G8Answers(2, 3, 2, 2, 22m, false, 1.5m), 80));
        Assert.Equal("selfRatedHealth", e.Field);
    }
}
