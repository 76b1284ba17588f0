namespace Relais.Domain.SupportiveCare;

/// <summary>
/// What a provider offers, as the directory searches it ([G] §2.2 supportive care; [L] the Ligue's list of
/// structures and the post-cancer pathway's disciplines). The API spells them in kebab-case ("adapted-physical-activity").
/// </summary>
public enum SupportiveService
{
    AdaptedPhysicalActivity,
    Dietetics,
    Psychology,
    SocialWork,
    Pain,
    SexualHealth,
    TobaccoAlcohol,
    Fertility,
    SocioAesthetics,
    Physiotherapy,
    Palliative,
    /// <summary>Nursing care at home (IDEL, SSIAD, HAD) and coordination support (DAC, Asalée).</summary>
    HomeCare,
    /// <summary>Help for the patient's relatives ([G] §2.2 "accompagnement des proches").</summary>
    Caregivers,
}

/// <summary>The kinds of providers and structures the issue lists ([G] §2.2, §2.6; [L]).</summary>
public enum ProviderKind
{
    HospitalTeam,
    PrivatePractitioner,
    CommunityNurse,
    Ssiad,
    Dac,
    LigueCommittee,
    Association,
    PostCancerStructure,
    PainCentre,
    PalliativeMobileTeam,
    PalliativeUnit,
    Had,
}

/// <summary>A living area ("bassin de vie" [L]): the one geography of Relais, which the indicators' territories use too.</summary>
public sealed class LivingArea
{
    private LivingArea() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    public static LivingArea Create(string code, string name) => new() { Code = code, Name = name };
}

/// <summary>
/// A commune of an area, by postcode: a postcode may cover several communes and a commune several postcodes, so
/// the pair is the key. Its coordinates (the commune's centre, WGS 84) are what distances are measured from.
/// </summary>
public sealed class Commune
{
    private Commune() { }

    public Guid Id { get; private set; }
    public string Postcode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public string AreaCode { get; private set; } = "";

    public static Commune Create(string postcode, string name, double latitude, double longitude, string areaCode)
    {
        if (postcode.Length != 5 || !postcode.All(char.IsAsciiDigit))
            throw new DomainValidationException("postcode", "Le code postal compte 5 chiffres.");
        if (latitude is < -90 or > 90) throw new DomainValidationException("latitude", "Latitude hors de [-90, 90].");
        if (longitude is < -180 or > 180) throw new DomainValidationException("longitude", "Longitude hors de [-180, 180].");
        return new Commune
        {
            Id = Guid.NewGuid(), Postcode = postcode, Name = name.Trim(), Latitude = latitude, Longitude = longitude, AreaCode = areaCode,
        };
    }
}

/// <summary>Great-circle distances between communes (the directory's "nearest first").</summary>
public static class GreatCircle
{
    /// <summary>The mean Earth radius (IUGG), in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The haversine distance between two points given in decimal degrees, in kilometres.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
