using System.Net;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>The directory search (issue 13 point 1): by service and postcode or commune, nearest first, on the demo's Normandy directory.</summary>
public abstract class SearchProvidersTests(RelaisFactory factory)
{
    [Fact]
    public async Task ASearch_ByServiceAndPostcode_AnswersTheNearestFirst_WithTheContractsFields()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var found = await gp.GetJsonAsync("/api/supportive-care/providers?service=adapted-physical-activity&postcode=27200");

        var items = found.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 5);
        // From Vernon: its sport-santé house in the town, then Évreux's structure 25.5 km away, before Rouen's.
        Assert.Equal("Maison sport-santé de Vernon (démo)", items[0].GetProperty("name").GetString());
        Assert.Equal(0, items[0].GetProperty("distanceKm").GetDouble());
        var distances = items.Select(i => i.GetProperty("distanceKm").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.All(items, i => Assert.Contains("adapted-physical-activity", i.GetProperty("services").EnumerateArray().Select(s => s.GetString())));
        Assert.All(items, i => Assert.True(i.TryGetProperty("id", out _) && i.TryGetProperty("acceptsPostCancerPackage", out _)));
        var evreux = items.First(i => i.GetProperty("name").GetString() == "Structure porteuse après-cancer de l'Eure (démo)");
        Assert.Equal(25.5, evreux.GetProperty("distanceKm").GetDouble());
        Assert.True(evreux.GetProperty("acceptsPostCancerPackage").GetBoolean());
    }

    [Fact]
    public async Task ASearch_ByCommuneName_IgnoresAccentsAndCase()
    {
        var nurse = await factory.ClientAsAsync(Api.Nurse);
        var found = await nurse.GetJsonAsync("/api/supportive-care/providers?service=pain&commune=evreux");

        Assert.Equal("Centre douleur Eure-Seine (démo)", found.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("27000 Évreux", found.GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("service=astrology&postcode=76000", "service")]
    [InlineData("service=psychology&postcode=75001", "postcode")]
    public async Task AnUnknownServiceOrPostcode_IsRefused_NamingTheField(string query, string field)
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        await SupportiveCarePatients.AssertProblemAsync(await gp.GetAsync($"/api/supportive-care/providers?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ThePatient_DoesNotSearchTheDirectoryThroughTheProfessionalsApi()
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/supportive-care/providers?service=psychology")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class SearchProvidersSqliteTests(SqliteRelaisFactory factory) : SearchProvidersTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SearchProvidersPostgresTests(PostgresRelaisFactory factory) : SearchProvidersTests(factory), IClassFixture<PostgresRelaisFactory>;
