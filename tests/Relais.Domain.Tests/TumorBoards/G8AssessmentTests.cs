using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>Recording a G8 screening: its score and when a full geriatric assessment is recommended.</summary>
public class G8AssessmentTests
{
    [Fact]
    public void G8Record_ComputesAndStoresTheScore()
    {
        // Worked example: 1+2+2+2 + BMI 20.5 (1) + 5 medications (0) + "as good" (1) + 83 years (1) = 10.
        var answers = new G8Answers(1, 2, 2, 2, 20.5m, true, 1m);

        var g8 = G8Assessment.Record(Patient, answers, 83, new DateOnly(2025, 6, 10), Today, Oncologist, Now);

        Assert.Equal(10m, g8.Score);
        Assert.True(g8.FullAssessmentRecommended);
        Assert.Equal(Patient, g8.PatientId);
        Assert.Equal(new DateOnly(2025, 6, 10), g8.AssessedOn);
        Assert.Equal(83, g8.AgeAtAssessment);
        Assert.Equal((1, 2, 2, 2), (g8.FoodIntake, g8.WeightLoss, g8.Mobility, g8.Neuropsychological));
        Assert.Equal(20.5m, g8.BodyMassIndex);
        Assert.True(g8.MoreThanThreeMedications);
        Assert.Equal(1m, g8.SelfRatedHealth);
        Assert.Equal(Oncologist, g8.AssessedBy);
    }

    [Fact]
    public void G8Record_AHealthyPatient_NeedsNoFullAssessment()
    {
        var g8 = G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 24m, false, 2m), 78, Today, Today, Oncologist, Now);

        Assert.Equal(17m, g8.Score);
        Assert.False(g8.FullAssessmentRecommended);
    }

    [Fact]
    public void G8Record_IsRefused_InTheFuture()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 24m, false, 2m), 78, Today.AddDays(1), Today, Oncologist, Now));

        Assert.Equal("assessedOn", error.Field);
    }

    [Fact]
    public void G8Record_RefusesInvalidAnswers()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 9m, false, 2m), 78, Today, Today, Oncologist, Now));

        Assert.Equal("bodyMassIndex", error.Field);
    }
}
