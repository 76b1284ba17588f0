using Relais.Domain.SupportiveCare;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The directory's distances: the haversine great-circle distance between commune centres.</summary>
public class GreatCircleTests
{
    public static TheoryData<string, double, double, double, double, double> Distances() => new()
    {
        // Reference: Paris (Notre-Dame) – London (Charing Cross), 343.5 km on the great circle.
        { "Paris – London", 48.8566, 2.3522, 51.5074, -0.1278, 343.56 },
        { "Rouen – Le Havre", 49.4431, 1.0993, 49.4944, 0.1079, 71.87 },
        { "Rouen – Évreux", 49.4431, 1.0993, 49.0241, 1.1508, 46.74 },
        { "Rouen – Mont-Saint-Aignan", 49.4431, 1.0993, 49.4631, 1.0889, 2.35 },
        { "the same point", 49.4431, 1.0993, 49.4431, 1.0993, 0 },
        { "antipodes: half the circumference", 0, 0, 0, 180, Math.PI * GreatCircle.EarthRadiusKm },
    };

    [Theory]
    [MemberData(nameof(Distances))]
    public void DistanceKm_IsTheGreatCircleDistance(string between, double lat1, double lon1, double lat2, double lon2, double expected)
    {
        Assert.True(Math.Abs(GreatCircle.DistanceKm(lat1, lon1, lat2, lon2) - expected) < 0.01, between);
        Assert.True(Math.Abs(GreatCircle.DistanceKm(lat2, lon2, lat1, lon1) - expected) < 0.01, between + " (either way)");
    }
}
