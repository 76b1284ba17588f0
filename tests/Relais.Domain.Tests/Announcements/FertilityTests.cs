using Relais.Domain.Announcements;
using Relais.Domain.Programmes;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>Fertility before it is too late [G] 4: the oncofertility referral, tracked step by step, and the warning before a gonadotoxic treatment.</summary>
public class FertilityTests
{
    [Theory]
    [InlineData(TreatmentKind.Chemotherapy, true)]
    [InlineData(TreatmentKind.Radiotherapy, true)]
    [InlineData(TreatmentKind.OralAtHome, true)]
    [InlineData(TreatmentKind.Surgery, false)]
    [InlineData(TreatmentKind.Hormone, false)]
    [InlineData(TreatmentKind.Targeted, false)]
    [InlineData(TreatmentKind.Immunotherapy, false)]
    public void MayBeGonadotoxic_ByTheKindOfTreatment(TreatmentKind kind, bool gonadotoxic) =>
        Assert.Equal(gonadotoxic, Fertility.MayBeGonadotoxic(kind));

    [Theory]
    [InlineData(TreatmentKind.Chemotherapy, 34, FertilityReferral.NotProposed, true)]
    [InlineData(TreatmentKind.Chemotherapy, 16, FertilityReferral.NotProposed, true)]
    [InlineData(TreatmentKind.Chemotherapy, 34, FertilityReferral.Proposed, false)]
    [InlineData(TreatmentKind.Chemotherapy, 34, FertilityReferral.Declined, false)]
    [InlineData(TreatmentKind.Chemotherapy, 55, FertilityReferral.NotProposed, false)]
    [InlineData(TreatmentKind.Surgery, 34, FertilityReferral.NotProposed, false)]
    public void WarningBeforeTreatment_WhenGonadotoxic_AtReproductiveAge_AndNotProposed(TreatmentKind kind, int age, FertilityReferral referral, bool warned)
    {
        var warning = Fertility.WarningBeforeTreatment(kind, age, FertilityAgeBounds.Female, referral);

        Assert.Equal(warned, warning is not null);
        if (warned) Assert.Contains("CECOS", warning);
    }

    [Fact]
    public void TheReferral_IsTrackedStepByStep_UntilDone()
    {
        var record = Open();

        record.RecordFertilityReferral(FertilityReferral.Proposed, Today.AddDays(-10), null, Today, Now);
        record.RecordFertilityReferral(FertilityReferral.Accepted, Today.AddDays(-9), null, Today, Now);
        record.RecordFertilityReferral(FertilityReferral.Referred, Today.AddDays(-8), "  CECOS de Rouen  ", Today, Now);
        record.RecordFertilityReferral(FertilityReferral.Done, Today.AddDays(-2), null, Today, Now);

        Assert.Equal(FertilityReferral.Done, record.FertilityReferral);
        Assert.Equal(Today.AddDays(-2), record.FertilityReferralOn);
        Assert.Equal("CECOS de Rouen", record.FertilityCentre);
    }

    [Theory]
    [InlineData(FertilityReferral.NotProposed, FertilityReferral.Accepted)]
    [InlineData(FertilityReferral.NotProposed, FertilityReferral.Done)]
    [InlineData(FertilityReferral.Proposed, FertilityReferral.Referred)]
    [InlineData(FertilityReferral.Declined, FertilityReferral.Referred)]
    public void TheReferral_RefusesASkippedStep(FertilityReferral from, FertilityReferral to)
    {
        var record = Open();
        foreach (var step in PathTo(from)) record.RecordFertilityReferral(step, Today, "CECOS", Today, Now);

        var error = Assert.Throws<DomainValidationException>(() => record.RecordFertilityReferral(to, Today, "CECOS", Today, Now));

        Assert.Equal("step", error.Field);
        Assert.Equal(from, record.FertilityReferral);
    }

    [Fact]
    public void TheReferral_ToTheCentre_NamesTheCentre()
    {
        var record = Open();
        record.RecordFertilityReferral(FertilityReferral.Proposed, Today, null, Today, Now);
        record.RecordFertilityReferral(FertilityReferral.Accepted, Today, null, Today, Now);

        Assert.Equal("centre", Assert.Throws<DomainValidationException>(() => record.RecordFertilityReferral(FertilityReferral.Referred, Today, " ", Today, Now)).Field);
    }

    [Fact]
    public void ADeclinedProposal_MayBeMadeAgain()
    {
        var record = Open();
        record.RecordFertilityReferral(FertilityReferral.Proposed, Today, null, Today, Now);
        record.RecordFertilityReferral(FertilityReferral.Declined, Today, null, Today, Now);

        record.RecordFertilityReferral(FertilityReferral.Proposed, Today, null, Today, Now);

        Assert.Equal(FertilityReferral.Proposed, record.FertilityReferral);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void TheContraceptionAdvice_IsText(string? advice) =>
        Assert.Equal("contraceptionAdvice", Assert.Throws<DomainValidationException>(() => Open().RecordContraceptionAdvice(advice, Now)).Field);

    private static FertilityReferral[] PathTo(FertilityReferral step) => step switch
    {
        FertilityReferral.Proposed => [FertilityReferral.Proposed],
        FertilityReferral.Declined => [FertilityReferral.Proposed, FertilityReferral.Declined],
        _ => [],
    };
}
