using Relais.Domain.SupportiveCare;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The directory search: the service asked, active providers only, nearest first from the patient's commune.</summary>
public class DirectorySearchTests
{
    private static readonly Commune Rouen = Commune.Create("76000", "Rouen", 49.4431, 1.0993, "rouen");
    private static readonly Commune LeHavre = Commune.Create("76600", "Le Havre", 49.4944, 0.1079, "le-havre");
    private static readonly Commune Elbeuf = Commune.Create("76500", "Elbeuf", 49.2861, 1.0083, "rouen");

    private static SupportiveCareProvider Provider(string name, Commune at, params SupportiveService[] services) =>
        SupportiveCareProvider.Create(new ProviderFields(name, ProviderKind.Association, services, "1 rue", at.Postcode, at.Name, true, true, null, null), at, Now);

    [Fact]
    public void Rank_KeepsTheServiceAsked_NearestFirst_WithDistancesInKilometres()
    {
        var havre = Provider("B Havre", LeHavre, SupportiveService.Psychology);
        var elbeuf = Provider("C Elbeuf", Elbeuf, SupportiveService.Psychology, SupportiveService.Dietetics);
        var rouenDietetics = Provider("A Rouen", Rouen, SupportiveService.Dietetics);

        var found = DirectorySearch.Rank([havre, elbeuf, rouenDietetics], SupportiveService.Psychology, Rouen);

        Assert.Equal(["C Elbeuf", "B Havre"], found.Select(m => m.Provider.Name));
        Assert.Equal([18.7, 71.9], found.Select(m => m.DistanceKm!.Value));
    }

    [Fact]
    public void Rank_LeavesInactiveProvidersOut_AndWithoutACommune_SortsByName()
    {
        var closed = Provider("A closed", Rouen, SupportiveService.Pain);
        closed.SetActive(false, Now);
        var found = DirectorySearch.Rank([Provider("C", LeHavre, SupportiveService.Pain), closed, Provider("B", Elbeuf, SupportiveService.Pain)], null, null);

        Assert.Equal(["B", "C"], found.Select(m => m.Provider.Name));
        Assert.All(found, m => Assert.Null(m.DistanceKm));
    }

    [Fact]
    public void AProvider_TakesItsCommunesCoordinatesAndArea_AndItsServicesAsCodes()
    {
        var provider = Provider("Havre", LeHavre, SupportiveService.Psychology, SupportiveService.AdaptedPhysicalActivity);

        Assert.Equal((49.4944, 0.1079, "le-havre"), (provider.Latitude, provider.Longitude, provider.AreaCode));
        Assert.Equal("adapted-physical-activity,psychology", provider.ServiceCodes);
        Assert.Equal([SupportiveService.AdaptedPhysicalActivity, SupportiveService.Psychology], provider.Services);
    }

    [Fact]
    public void AProvider_NeedsAServiceAndAName()
    {
        Assert.Equal("services", Assert.Throws<DomainValidationException>(() => Provider("X", Rouen)).Field);
        Assert.Equal("name", Assert.Throws<DomainValidationException>(() => Provider(" ", Rouen, SupportiveService.Pain)).Field);
    }
}
