using Relais.Domain.Coordination;
using Relais.Domain.Programmes;
using static Relais.Domain.Coordination.RecipientKinds;

namespace Relais.Domain.Tests.Coordination;

public class TreatmentStartTests
{
    // [G] 2.5: the GP for every phase; the community pharmacist "le cas échéant", for the phases whose drugs he dispenses.
    [Theory]
    [InlineData(TreatmentKind.Surgery, GeneralPractitioner)]
    [InlineData(TreatmentKind.Radiotherapy, GeneralPractitioner)]
    [InlineData(TreatmentKind.Immunotherapy, GeneralPractitioner)]
    [InlineData(TreatmentKind.Chemotherapy, GeneralPractitioner | Pharmacist)]
    [InlineData(TreatmentKind.Hormone, GeneralPractitioner | Pharmacist)]
    [InlineData(TreatmentKind.Targeted, GeneralPractitioner | Pharmacist)]
    [InlineData(TreatmentKind.OralAtHome, GeneralPractitioner | Pharmacist)]
    public void Recipients_AreTheGp_AndThePharmacistForDrugsDispensedInTown(TreatmentKind kind, RecipientKinds expected) =>
        Assert.Equal(expected, TreatmentStart.Recipients(kind));

    [Fact]
    public void EveryTreatmentKind_HasItsAnswer()
    {
        Assert.All(Enum.GetValues<TreatmentKind>(), k => Assert.True(TreatmentStart.Recipients(k).HasFlag(GeneralPractitioner)));
    }

    [Fact]
    public void TheC8Recipients_AreWithinTheCatalogueEntry()
    {
        Assert.All(Enum.GetValues<TreatmentKind>(), k => Assert.Equal(TreatmentStart.Recipients(k), TreatmentStart.Recipients(k) & ObligationCatalogue.Get(ObligationCode.C8).Recipients));
    }
}
