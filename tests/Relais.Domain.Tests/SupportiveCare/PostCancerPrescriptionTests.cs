using Relais.Domain.SupportiveCare;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The prescribed package: only to a structure that accepts it, and its acts checked and counted by <see cref="PostCancerPackage"/>.</summary>
public class PostCancerPrescriptionTests
{
    private static readonly Commune Rouen = Commune.Create("76000", "Rouen", 49.4431, 1.0993, "rouen");
    private static readonly PostCancerPackageLimits Limits = new();
    private static readonly DateOnly End = new(2026, 3, 15);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static SupportiveCareProvider Provider(bool accepts, bool active = true)
    {
        var provider = SupportiveCareProvider.Create(new ProviderFields("Structure porteuse", ProviderKind.PostCancerStructure,
            [SupportiveService.Psychology, SupportiveService.Dietetics], "1 rue", "76000", "Rouen", accepts, true, null, null), Rouen, Now);
        if (!active) provider.SetActive(false, Now);
        return provider;
    }

    private static PostCancerPrescription Prescribe(SupportiveCareProvider provider) =>
        PostCancerPrescription.Prescribe(Guid.NewGuid(), Guid.NewGuid(), provider, new DateOnly(2026, 6, 1), Today, End, true, [], Limits, Guid.NewGuid(), Now);

    [Theory]
    [InlineData(true, true, null)]
    [InlineData(false, true, "providerId")]
    [InlineData(true, false, "providerId")]
    public void OnlyAnActiveStructureThatAcceptsThePackage_IsPrescribed(bool accepts, bool active, string? refusedField)
    {
        var refusal = Record.Exception(() => Prescribe(Provider(accepts, active)));
        Assert.Equal(refusedField, (refusal as DomainValidationException)?.Field);
    }

    [Fact]
    public void ThePrescriptionChecksTheWindow_ThroughThePackageRules()
    {
        var refusal = Assert.Throws<DomainValidationException>(() => PostCancerPrescription.Prescribe(Guid.NewGuid(), Guid.NewGuid(), Provider(true),
            End.AddMonths(12).AddDays(1), new DateOnly(2027, 6, 1), End, true, [], Limits, Guid.NewGuid(), Now));
        Assert.Equal("prescribedOn", refusal.Field);
    }

    [Fact]
    public void AnAssessmentAndTwoConsultations_Leave90EurAndFourConsultations_DeliveredWithinAYearOfTheAssessment()
    {
        var package = Prescribe(Provider(true));
        package.Record(new PackageAct(PackageActKind.Assessment, PackageDiscipline.Psychology, new DateOnly(2026, 9, 1)), Today, Limits, Guid.NewGuid(), Now);
        package.Record(new PackageAct(PackageActKind.Consultation, PackageDiscipline.Psychology, new DateOnly(2026, 9, 15)), Today, Limits, Guid.NewGuid(), Now);
        package.Record(new PackageAct(PackageActKind.Consultation, PackageDiscipline.Psychology, new DateOnly(2026, 10, 1)), Today, Limits, Guid.NewGuid(), Now);

        Assert.Equal(new PackageBalance(90m, 90m, 2, 4, new DateOnly(2027, 9, 1)), package.Balance(Limits));
        Assert.Equal(3, package.Acts.Count);
    }

    [Fact]
    public void ARefusedAct_IsNotRecorded()
    {
        var package = Prescribe(Provider(true));
        var refusal = Assert.Throws<DomainValidationException>(() =>
            package.Record(new PackageAct(PackageActKind.Consultation, PackageDiscipline.Dietetics, new DateOnly(2026, 9, 1)), Today, Limits, Guid.NewGuid(), Now));
        Assert.Equal("discipline", refusal.Field);
        Assert.Empty(package.Acts);
    }
}
