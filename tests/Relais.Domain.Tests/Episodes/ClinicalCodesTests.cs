using Relais.Domain.Episodes;

namespace Relais.Domain.Tests.Episodes;

public class ClinicalCodesTests
{
    [Theory]
    [InlineData("C50", "C50")]
    [InlineData("C50.9", "C50.9")]
    [InlineData("c50.9", "C50.9")]
    [InlineData(" C18.7 ", "C18.7")]
    [InlineData("C509", "C50.9")]
    [InlineData("C00", "C00")]
    [InlineData("C97", "C97")]
    [InlineData("D05.1", "D05.1")]
    [InlineData("D48", "D48")]
    public void NormalizeIcd10_AcceptsCancerAndInSituCodes(string input, string expected) =>
        Assert.Equal(expected, ClinicalCodes.NormalizeIcd10(input));

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("", "obligatoire")]
    [InlineData("C98", "n'est pas un code de tumeur")]
    [InlineData("D49", "n'est pas un code de tumeur")]
    [InlineData("D50.0", "n'est pas un code de tumeur")]
    [InlineData("E11", "format attendu")]
    [InlineData("C5", "format attendu")]
    [InlineData("C50.", "format attendu")]
    [InlineData("sein", "format attendu")]
    public void NormalizeIcd10_RefusesWhatIsNotAPrimaryCancerSite(string? input, string expectedMessagePart)
    {
        var exception = Assert.Throws<DomainValidationException>(() => ClinicalCodes.NormalizeIcd10(input));

        Assert.Equal("primarySite", exception.Field);
        Assert.Contains(expectedMessagePart, exception.Message);
    }

    [Theory]
    [InlineData("8500/3", "8500/3")]
    [InlineData(" 8140 / 3 ", "8140/3")]
    [InlineData("8500/2", "8500/2")]
    [InlineData("9680/3", "9680/3")]
    [InlineData("8000/6", "8000/6")]
    [InlineData("8000/9", "8000/9")]
    [InlineData("8010/0", "8010/0")]
    [InlineData("8240/1", "8240/1")]
    public void NormalizeMorphology_AcceptsTypeSlashBehaviour(string input, string expected) =>
        Assert.Equal(expected, ClinicalCodes.NormalizeMorphology(input));

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("8500", "format attendu")]
    [InlineData("850/3", "format attendu")]
    [InlineData("8500-3", "format attendu")]
    [InlineData("8500/33", "format attendu")]
    [InlineData("8500/4", "0, 1, 2, 3, 6 ou 9")]
    [InlineData("8500/5", "0, 1, 2, 3, 6 ou 9")]
    [InlineData("1234/3", "entre 8000 et 9999")]
    public void NormalizeMorphology_RefusesMalformedCodes(string? input, string expectedMessagePart)
    {
        var exception = Assert.Throws<DomainValidationException>(() => ClinicalCodes.NormalizeMorphology(input));

        Assert.Equal("histology", exception.Field);
        Assert.Contains(expectedMessagePart, exception.Message);
    }

    [Theory]
    [InlineData("TX", "TX")]
    [InlineData("tx", "TX")]
    [InlineData("T0", "T0")]
    [InlineData("Ta", "Ta")]
    [InlineData("TIS", "Tis")]
    [InlineData("Tis(DCIS)", "Tis(DCIS)")]
    [InlineData("tis (paget)", "Tis(Paget)")]
    [InlineData("T1", "T1")]
    [InlineData("T1mi", "T1mi")]
    [InlineData("T1MI", "T1mi")]
    [InlineData("t1c", "T1c")]
    [InlineData("T2A", "T2a")]
    [InlineData("T4b", "T4b")]
    [InlineData("T4d", "T4d")]
    [InlineData("T1b2", "T1b2")]
    public void NormalizeT_AcceptsTnmTumourCategories(string input, string expected) =>
        Assert.Equal(expected, ClinicalCodes.NormalizeT(input, "clinicalT"));

    [Theory]
    [InlineData("NX", "NX")]
    [InlineData("N0", "N0")]
    [InlineData("N0(i+)", "N0(i+)")]
    [InlineData("N0(I-)", "N0(i-)")]
    [InlineData("n0(mol+)", "N0(mol+)")]
    [InlineData("N1mi", "N1mi")]
    [InlineData("N1", "N1")]
    [InlineData("N2A", "N2a")]
    [InlineData("N3c", "N3c")]
    public void NormalizeN_AcceptsTnmNodeCategories(string input, string expected) =>
        Assert.Equal(expected, ClinicalCodes.NormalizeN(input, "clinicalN"));

    [Theory]
    [InlineData("M0", "M0")]
    [InlineData("m0(i+)", "M0(i+)")]
    [InlineData("M1", "M1")]
    [InlineData("M1a", "M1a")]
    [InlineData("M1D", "M1d")]
    public void NormalizeM_AcceptsTnmMetastasisCategories(string input, string expected) =>
        Assert.Equal(expected, ClinicalCodes.NormalizeM(input, "clinicalM"));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("0is", "0is")]
    [InlineData("0A", "0a")]
    [InlineData("I", "I")]
    [InlineData("ia", "IA")]
    [InlineData("IIB", "IIB")]
    [InlineData("IIIA", "IIIA")]
    [InlineData("IIIC1", "IIIC1")]
    [InlineData("IV", "IV")]
    [InlineData("ivb", "IVB")]
    public void NormalizeStageGroup_AcceptsStagesZeroToFour(string input, string expected) =>
        Assert.Equal(expected, ClinicalCodes.NormalizeStageGroup(input, "stageGroup"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void EveryStagingValue_IsOptional(string? empty)
    {
        Assert.Null(ClinicalCodes.NormalizeT(empty, "clinicalT"));
        Assert.Null(ClinicalCodes.NormalizeN(empty, "clinicalN"));
        Assert.Null(ClinicalCodes.NormalizeM(empty, "clinicalM"));
        Assert.Null(ClinicalCodes.NormalizeStageGroup(empty, "stageGroup"));
    }

    public static TheoryData<string, string, string> InvalidStaging() => new()
    {
        { "T", "T5", "n'est pas une catégorie T valide" },
        { "T", "T2mi", "n'est pas une catégorie T valide" },
        { "T", "T0a", "n'est pas une catégorie T valide" },
        { "T", "N1", "n'est pas une catégorie T valide" },
        { "T", "pT2", "sans son préfixe « p »" },
        { "T", "ypT1", "sans son préfixe « yp »" },
        { "N", "N4", "n'est pas une catégorie N valide" },
        { "N", "N1d", "n'est pas une catégorie N valide" },
        { "N", "N2(i+)", "n'est pas une catégorie N valide" },
        { "N", "cN1", "sans son préfixe « c »" },
        { "M", "M2", "n'est pas une catégorie M valide" },
        { "M", "M1e", "n'est pas une catégorie M valide" },
        { "M", "MX", "MX n'existe plus" },
        { "M", "pM1", "sans son préfixe « p »" },
        { "stage", "V", "n'est pas un stade valide" },
        { "stage", "IIII", "n'est pas un stade valide" },
        { "stage", "IIID", "n'est pas un stade valide" },
        { "stage", "3A", "n'est pas un stade valide" },
    };

    [Theory]
    [MemberData(nameof(InvalidStaging))]
    public void Staging_RefusesInvalidValues_OnTheFieldItWasGiven(string part, string input, string expectedMessagePart)
    {
        Func<string, string, string?> normalize = part switch
        {
            "T" => ClinicalCodes.NormalizeT,
            "N" => ClinicalCodes.NormalizeN,
            "M" => ClinicalCodes.NormalizeM,
            _ => ClinicalCodes.NormalizeStageGroup,
        };

        var exception = Assert.Throws<DomainValidationException>(() => normalize(input, "someField"));

        Assert.Equal("someField", exception.Field);
        Assert.Contains(expectedMessagePart, exception.Message);
    }
}
