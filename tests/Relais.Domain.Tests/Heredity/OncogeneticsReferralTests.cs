using Relais.Domain.Heredity;

namespace Relais.Domain.Tests.Heredity;

/// <summary>The hereditary suspicion and its oncogenetics referral (issue 16 point 3, [G] §1.1), step by step.</summary>
public class OncogeneticsReferralTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static OncogeneticsReferral Referral(params HereditaryCriterion[] criteria) =>
        OncogeneticsReferral.Open(Guid.NewGuid(), null, criteria.Length == 0 ? [HereditaryCriterion.EarlyOnset] : criteria, " Mère : sein à 38 ans ", new DateOnly(2026, 11, 2), Guid.NewGuid(), Today, Now);

    [Theory]
    [InlineData("several-cases-in-one-parental-branch", HereditaryCriterion.SeveralCasesInOneParentalBranch, "même branche parentale (paternelle ou maternelle)")]
    [InlineData("early-onset", HereditaryCriterion.EarlyOnset, "précocité de la survenue du cancer")]
    [InlineData("bilateral-or-multifocal", HereditaryCriterion.BilateralOrMultifocal, "formes bilatérales et multifocales pour les organes doubles")]
    public void Criterion_ReadsFromItsCode_AndQuotesTheGuide(string code, HereditaryCriterion criterion, string quoted)
    {
        Assert.Equal([criterion], HereditaryCriteria.Parse([code]));
        var line = HereditaryCriteria.Of(criterion);
        Assert.Contains(quoted, line.Source, StringComparison.Ordinal);
        Assert.StartsWith("[G] §1.1", line.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("family-history")]
    public void Criteria_NoneOrUnknown_AreRefusedNamingCriteria(string code) =>
        Assert.Equal("criteria", Assert.Throws<DomainValidationException>(() => HereditaryCriteria.Parse(code.Length == 0 ? [] : [code])).Field);

    [Fact]
    public void Criteria_AreKeptOnceEach_InTheGuidesOrder()
    {
        var referral = Referral(HereditaryCriterion.BilateralOrMultifocal, HereditaryCriterion.SeveralCasesInOneParentalBranch, HereditaryCriterion.BilateralOrMultifocal);

        Assert.Equal([HereditaryCriterion.SeveralCasesInOneParentalBranch, HereditaryCriterion.BilateralOrMultifocal], referral.Criteria);
        Assert.Equal("Mère : sein à 38 ans", referral.Note);
        Assert.Equal(OncogeneticsStatus.AwaitingConsultation, referral.Status);
    }

    [Fact]
    public void Referral_GoesFromConsultationToResult_ThenRecordsTheRelatives()
    {
        var referral = Referral();

        referral.RecordConsultation(new DateOnly(2026, 11, 10), Today);
        Assert.Equal(OncogeneticsStatus.AwaitingResult, referral.Status);
        referral.RecordResult(GeneticResult.Brca2, new DateOnly(2026, 11, 20), Guid.NewGuid(), Today);
        Assert.Equal(OncogeneticsStatus.ResultRecorded, referral.Status);
        referral.RecordRelativesInformed(Today, "Sœur informée", Today);

        Assert.Equal(Today, referral.RelativesInformedOn);
        Assert.Equal(3, referral.Revision);
    }

    public static TheoryData<string, Action<OncogeneticsReferral>> Refusals() => new()
    {
        { "consultationOn", r => r.RecordConsultation(new DateOnly(2026, 11, 1), Today) },
        { "consultationOn", r => r.RecordConsultation(Today.AddDays(1), Today) },
        { "consultationOn", r => r.RecordResult(GeneticResult.Lynch, Today, Guid.NewGuid(), Today) },
        { "result", r => r.RecordRelativesInformed(Today, "Fils", Today) },
        { "resultOn", r => { r.RecordConsultation(new DateOnly(2026, 11, 10), Today); r.RecordResult(GeneticResult.Lynch, new DateOnly(2026, 11, 9), Guid.NewGuid(), Today); } },
        { "result", r => { r.RecordConsultation(new DateOnly(2026, 11, 10), Today); r.RecordResult(GeneticResult.NoneFound, Today, Guid.NewGuid(), Today); r.RecordRelativesInformed(Today, "Fils", Today); } },
        { "result", r => { r.RecordConsultation(new DateOnly(2026, 11, 10), Today); r.RecordResult(GeneticResult.Brca1, Today, Guid.NewGuid(), Today); r.RecordResult(GeneticResult.Brca2, Today, Guid.NewGuid(), Today); } },
        { "relativesNote", r => { r.RecordConsultation(new DateOnly(2026, 11, 10), Today); r.RecordResult(GeneticResult.Brca1, Today, Guid.NewGuid(), Today); r.RecordRelativesInformed(Today, " ", Today); } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Step_OutOfOrderOrOutOfTime_IsRefusedNamingTheField(string field, Action<OncogeneticsReferral> step) =>
        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => step(Referral())).Field);

    [Theory]
    [InlineData(GeneticResult.Brca1, "module-brca", true)]
    [InlineData(GeneticResult.Brca2, "module-brca", true)]
    [InlineData(GeneticResult.Lynch, "module-lynch", true)]
    [InlineData(GeneticResult.NoneFound, null, false)]
    public void Result_ChoosesItsModule_AndWhetherRelativesAreConcerned(GeneticResult result, string? module, bool predisposition)
    {
        Assert.Equal(module, GeneticResults.ModuleCode(result));
        Assert.Equal(predisposition, GeneticResults.IsPredisposition(result));
    }
}
