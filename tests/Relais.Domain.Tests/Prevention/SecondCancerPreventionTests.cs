using Relais.Domain.Prevention;
using static Relais.Domain.Prevention.PreventionAction;

namespace Relais.Domain.Tests.Prevention;

/// <summary>What to offer after a status review, [G] §3.6–3.7 (issue 16 point 4).</summary>
public class SecondCancerPreventionTests
{
    public static TheoryData<LifestyleStatus, PreventionAction[]> Cases() => new()
    {
        { new(TobaccoStatus.Current, false, AlcoholUse.None, false, 70m, 170, PhysicalActivityLevel.Sufficient), [TobaccoCessationSupport] },
        { new(TobaccoStatus.Current, true, AlcoholUse.None, false, 70m, 170, PhysicalActivityLevel.Sufficient), [] },
        { new(TobaccoStatus.Former, false, AlcoholUse.WithinGuidelines, false, 70m, 170, PhysicalActivityLevel.Sufficient), [AbstinenceFollowUp] },
        { new(TobaccoStatus.Never, false, AlcoholUse.Excessive, false, 70m, 170, PhysicalActivityLevel.Sufficient), [AlcoholSupport] },
        { new(TobaccoStatus.Never, false, AlcoholUse.Excessive, true, 70m, 170, PhysicalActivityLevel.Sufficient), [] },
        // 87 kg for 1.70 m: BMI 30.1, obesity.
        { new(TobaccoStatus.Never, false, AlcoholUse.None, false, 87m, 170, PhysicalActivityLevel.Insufficient), [WeightManagement, AdaptedPhysicalActivity] },
        // 86 kg for 1.70 m: BMI 29.8, not yet.
        { new(TobaccoStatus.Never, false, AlcoholUse.None, false, 86m, 170, PhysicalActivityLevel.Sufficient), [] },
        { new(TobaccoStatus.Current, false, AlcoholUse.Excessive, false, null, null, PhysicalActivityLevel.Inactive), [TobaccoCessationSupport, AlcoholSupport, AdaptedPhysicalActivity] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToOffer_FollowsTheStatus(LifestyleStatus status, PreventionAction[] expected) =>
        Assert.Equal(expected, SecondCancerPrevention.ToOffer(status));

    [Theory]
    [InlineData(87.0, 170, 30.1)]
    [InlineData(60.0, 160, 23.4)]
    public void Bmi_IsWeightOverHeightSquared(double weight, int height, double bmi) =>
        Assert.Equal((decimal)bmi, SecondCancerPrevention.Bmi((decimal)weight, height));

    [Fact]
    public void Bmi_WithoutHeight_IsUnknown() => Assert.Null(SecondCancerPrevention.Bmi(70m, null));

    [Fact]
    public void EveryAction_CitesItsSource() =>
        Assert.All(Enum.GetValues<PreventionAction>(), a => Assert.StartsWith("[G]", SecondCancerPrevention.Sources[a], StringComparison.Ordinal));
}
