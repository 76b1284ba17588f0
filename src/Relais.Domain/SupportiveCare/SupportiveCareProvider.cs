namespace Relais.Domain.SupportiveCare;

/// <summary>What a provider of the directory is, as typed by whoever maintains it (a form or a CSV line).</summary>
public sealed record ProviderFields(string Name, ProviderKind Kind, IReadOnlyList<SupportiveService> Services, string Address, string Postcode,
    string Commune, bool AcceptsPostCancerPackage, bool Free, string? Phone, string? Email);

/// <summary>
/// A provider or structure of supportive care in the directory ([L]: a directory by living area), placed at its
/// commune's coordinates. <see cref="AcceptsPostCancerPackage"/> says it can be named by a post-cancer package
/// (décret 2020-1665: the "structures porteuses" and the professionals they work with).
/// </summary>
public sealed class SupportiveCareProvider
{
    private SupportiveCareProvider() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ProviderKind Kind { get; private set; }
    /// <summary>The services, as their kebab-case codes separated by commas (a small set searched in memory).</summary>
    public string ServiceCodes { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Postcode { get; private set; } = "";
    public string Commune { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public string AreaCode { get; private set; } = "";
    public bool AcceptsPostCancerPackage { get; private set; }
    public bool Free { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<SupportiveService> Services => SupportiveCareCodes.ParseList(ServiceCodes);

    public bool Offers(SupportiveService service) => Services.Contains(service);

    public static SupportiveCareProvider Create(ProviderFields fields, Commune commune, DateTimeOffset now)
    {
        var provider = new SupportiveCareProvider { Id = Guid.CreateVersion7(now), Active = true };
        provider.Update(fields, commune, now);
        return provider;
    }

    public void Update(ProviderFields fields, Commune commune, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(commune);
        var name = fields.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) throw new DomainValidationException("name", "Le nom est obligatoire (200 caractères au plus).");
        if (fields.Services is null || fields.Services.Count == 0) throw new DomainValidationException("services", "Indiquez au moins un service.");
        var address = fields.Address?.Trim() ?? "";
        if (address.Length is 0 or > 300) throw new DomainValidationException("address", "L'adresse est obligatoire (300 caractères au plus).");
        var email = string.IsNullOrWhiteSpace(fields.Email) ? null : fields.Email.Trim();
        if (email is not null && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal)))
            throw new DomainValidationException("email", "Adresse électronique invalide.");
        var phone = string.IsNullOrWhiteSpace(fields.Phone) ? null : fields.Phone.Trim();
        if (phone is { Length: > 30 }) throw new DomainValidationException("phone", "Le téléphone est limité à 30 caractères.");
        Name = name;
        Kind = fields.Kind;
        ServiceCodes = string.Join(',', fields.Services.Distinct().Order().Select(EnumCodes.Code));
        Address = address;
        Postcode = commune.Postcode;
        Commune = commune.Name;
        Latitude = commune.Latitude;
        Longitude = commune.Longitude;
        AreaCode = commune.AreaCode;
        AcceptsPostCancerPackage = fields.AcceptsPostCancerPackage;
        Free = fields.Free;
        Phone = phone;
        Email = email;
        UpdatedAt = now;
    }

    public void SetActive(bool active, DateTimeOffset now)
    {
        Active = active;
        UpdatedAt = now;
    }
}

/// <summary>A user account that works for a provider: it receives the provider's referrals and writes back on them.</summary>
public sealed class ProviderMember
{
    private ProviderMember() { }

    public Guid ProviderId { get; private set; }
    public Guid UserId { get; private set; }

    public static ProviderMember Link(Guid providerId, Guid userId) => new() { ProviderId = providerId, UserId = userId };
}

/// <summary>One result of a directory search: the provider and its distance from the patient's commune.</summary>
public sealed record ProviderMatch(SupportiveCareProvider Provider, double? DistanceKm);

/// <summary>The directory search ([L]: by service and by area, nearest first).</summary>
public static class DirectorySearch
{
    /// <summary>
    /// The active providers offering <paramref name="service"/> (all when null), nearest first from
    /// <paramref name="from"/> (great-circle distance between communes, rounded to 0.1 km), then by name;
    /// without a commune, by name.
    /// </summary>
    public static IReadOnlyList<ProviderMatch> Rank(IEnumerable<SupportiveCareProvider> providers, SupportiveService? service, Commune? from) =>
        providers.Where(p => p.Active && (service is null || p.Offers(service.Value)))
            .Select(p => new ProviderMatch(p, from is null ? null
                : Math.Round(GreatCircle.DistanceKm(from.Latitude, from.Longitude, p.Latitude, p.Longitude), 1)))
            .OrderBy(m => m.DistanceKm ?? 0).ThenBy(m => m.Provider.Name, StringComparer.Ordinal).ThenBy(m => m.Provider.Id)
            .ToList();
}
