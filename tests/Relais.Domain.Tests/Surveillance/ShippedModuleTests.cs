using Relais.Domain.ContinuingTreatments;
using Relais.Domain.Surveillance;
using static Relais.Domain.Tests.Surveillance.TestProtocols;

namespace Relais.Domain.Tests.Surveillance;

/// <summary>
/// The shipped monitoring modules (issue 16 point 2), each item checked against the text it cites, like the shipped
/// protocols against PRODUCT.md §7: the kind, the performer and the months, and the words of its source.
/// </summary>
public class ShippedModuleTests
{
    private static ProtocolDefinition Module(string code) => ShippedModules.All.Single(m => m.Code == code);

    public static TheoryData<string, string, string, string, string[]> Rows() => new()
    {
        // "ostéodensitométrie à l'instauration ... puis tous les 2 ans sous traitement": month 1, then every 24 months.
        { "module-aromatase-inhibitor", "bone-densitometry", "imaging", "1,24,48,72,96,120", ["Ostéodensitométrie à l'instauration", "tous les 2 ans", "[G] §3.5"] },
        // "examen gynécologique annuel sous tamoxifène".
        { "module-tamoxifen", "gynecological-exam", "gp", "12,24,36,48,60,72,84,96,108,120", ["Examen gynécologique annuel", "cancer de l'endomètre", "[G] §3.5"] },
        // "tous les 3 mois la première année, puis à 2 et 5 ans".
        { "module-cardiac", "echocardiography", "specialist", "3,6,9,12,24,60", ["tous les 3 mois la première année", "puis à 2 et 5 ans", "anthracyclines", "trastuzumab"] },
        // "dosage annuel de la TSH après irradiation du cou".
        { "module-neck-radiotherapy", "tsh", "lab", "12,24,36,48,60,72,84,96,108,120", ["Dosage annuel de la TSH", "irradiation du cou", "[G] §3.5"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ShippedModule_Over120Months_PlansItsItemAtTheMonthsItsSourceGives(string code, string kind, string performer, string months, string[] sourceWords)
    {
        var module = Module(code);
        var carnet = Validated(module).Preview(new DateOnly(2027, 3, 1), radiotherapy: false, horizonMonths: 120);

        Assert.Equal([(kind, performer)], carnet.Select(e => (e.Kind.Code(), e.Performer.Code())).Distinct());
        Assert.Equal(months, string.Join(',', carnet.Select(e => e.Month)));
        var item = Assert.Single(module.Items);
        Assert.All(sourceWords, w => Assert.Contains(w, item.Source, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string, string[]> GeneticRows() => new()
    {
        // The seeds give no rhythm for carriers ([G] §1.1 only asks for a surveillance "adaptée aux différents risques
        // tumoraux"): each item cites that text, says the rhythm is to validate, and states its own [R] rhythm.
        { "module-brca", "clinical-exam", "gp", "6,12,18,24,30,36", ["Examen clinique mammaire tous les 6 mois", "BRCA1/2", "adaptée aux différents risques tumoraux", "à valider"] },
        { "module-brca", "breast-mri", "imaging", "12,24,36", ["IRM mammaire annuelle", "BRCA1/2", "adaptée aux différents risques tumoraux", "à valider"] },
        { "module-brca", "mammography", "imaging", "12,24,36", ["Mammographie annuelle", "BRCA1/2", "adaptée aux différents risques tumoraux", "à valider"] },
        { "module-lynch", "colonoscopy", "specialist", "24", ["Coloscopie tous les 2 ans", "syndrome de Lynch", "adaptée aux différents risques tumoraux", "à valider"] },
    };

    [Theory]
    [MemberData(nameof(GeneticRows))]
    public void GeneticModule_Over36Months_PlansEachItemAtTheMonthsItsSourceGives(string code, string kind, string performer, string months, string[] sourceWords)
    {
        var module = Module(code);
        var carnet = Validated(module).Preview(new DateOnly(2027, 3, 1), radiotherapy: false, horizonMonths: 36);

        Assert.Equal(months, string.Join(',', carnet.Where(e => e.Kind.Code() == kind).Select(e => e.Month)));
        Assert.All(carnet.Where(e => e.Kind.Code() == kind), e => Assert.Equal(performer, e.Performer.Code()));
        var item = Assert.Single(module.Items, i => i.Kind.Code() == kind);
        Assert.All(sourceWords, w => Assert.Contains(w, item.Source, StringComparison.Ordinal));
        Assert.StartsWith("[R]", item.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedModules_AreModulesToValidate_WithASourceOnEveryItem_AndNoRadiotherapyOption()
    {
        Assert.All(ShippedModules.All, m =>
        {
            Assert.True(m.IsModule);
            Assert.Empty(m.FindErrors());
            Assert.True(m.RadiotherapyOption.IsEmpty);
            Assert.Equal(ProtocolStatus.ToValidate, Draft(m).Status);
        });
    }

    [Fact]
    public void Module_ItemWithoutSource_IsRefusedNamingTheItem()
    {
        var module = ShippedModules.Tamoxifen with { Items = [ShippedModules.Tamoxifen.Items[0] with { Source = " " }] };

        Assert.Contains(module.FindErrors(), e => e.Field == "items[0].source");
    }

    [Fact]
    public void Module_WithARadiotherapyOption_IsRefused()
    {
        var module = ShippedModules.Tamoxifen with { RadiotherapyOption = Schedule.Months(12, 24, 36, 48, 60) };

        Assert.Contains(module.FindErrors(), e => e.Field == "radiotherapyOption");
    }

    [Fact]
    public void Module_ToValidate_PlansNoCarnet()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Draft(ShippedModules.AromataseInhibitor).Preview(new DateOnly(2027, 3, 1), false, 60));

        Assert.Equal("protocol", ex.Field);
    }

    [Theory]
    [InlineData("module-aromatase-inhibitor")]
    [InlineData("module-tamoxifen")]
    [InlineData("module-cardiac")]
    [InlineData("module-neck-radiotherapy")]
    [InlineData("module-brca")]
    [InlineData("module-lynch")]
    public void Module_ExportedAndImported_KeepsItsSources(string code)
    {
        var module = Module(code);

        var import = ProtocolJson.Import(ProtocolJson.Export(module));

        Assert.True(import.IsValid, string.Join("; ", import.Errors.Select(e => $"{e.Field}: {e.Message}")));
        Assert.Equal(ProtocolJson.Export(module), ProtocolJson.Export(import.Definition!));
        Assert.Equal(module.Items.Select(i => i.Source), import.Definition!.Items.Select(i => i.Source));
        Assert.DoesNotContain("radiotherapyOption", ProtocolJson.Export(module), StringComparison.Ordinal);
    }

    [Fact]
    public void SiteProtocol_WithoutRadiotherapyOption_IsStillRefused()
    {
        var json = ProtocolJson.Export(ShippedProtocols.Breast).Replace("\"radiotherapyOption\"", "\"ignored\"", StringComparison.Ordinal);

        Assert.Contains(ProtocolJson.Import(json).Errors, e => e.Field == "radiotherapyOption");
    }

    [Theory]
    [InlineData(TreatmentClass.AromataseInhibitor, "module-aromatase-inhibitor", true)]
    [InlineData(TreatmentClass.Tamoxifen, "module-tamoxifen", true)]
    [InlineData(TreatmentClass.Anthracycline, "module-cardiac", false)]
    [InlineData(TreatmentClass.Trastuzumab, "module-cardiac", false)]
    [InlineData(TreatmentClass.NeckRadiotherapy, "module-neck-radiotherapy", false)]
    [InlineData(TreatmentClass.AndrogenDeprivation, null, false)]
    [InlineData(TreatmentClass.OralTargetedTherapy, null, false)]
    [InlineData(TreatmentClass.Other, null, false)]
    public void Trigger_ChoosesTheModuleOfTheClass(TreatmentClass treatmentClass, string? module, bool whileTreated)
    {
        var trigger = ShippedModules.For(treatmentClass);

        Assert.Equal(module, trigger?.ModuleCode);
        if (trigger is not null) Assert.Equal(whileTreated, trigger.WhileTreated);
    }

    [Theory]
    [InlineData(TreatmentClass.AromataseInhibitor, 60, 60)]
    [InlineData(TreatmentClass.AromataseInhibitor, null, 120)]
    [InlineData(TreatmentClass.Trastuzumab, 12, 120)]
    [InlineData(TreatmentClass.NeckRadiotherapy, null, 120)]
    public void Horizon_EndsWithTheDrug_OnlyForAnEffectWatchedWhileItIsTaken(TreatmentClass treatmentClass, int? plannedMonths, int horizon) =>
        Assert.Equal(horizon, ShippedModules.HorizonMonths(ShippedModules.For(treatmentClass)!, plannedMonths));
}
