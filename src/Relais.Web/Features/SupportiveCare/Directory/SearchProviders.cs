using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;

namespace Relais.Web.Features.SupportiveCare.Directory;

/// <summary>One provider as the directory shows it; services and kind in kebab-case.</summary>
public sealed record ProviderItem(Guid Id, string Name, IReadOnlyList<string> Services, double? DistanceKm, bool AcceptsPostCancerPackage,
    string Kind, string Address, string Postcode, string Commune, string Area, bool Free, string? Phone, string? Email, bool Active)
{
    public static ProviderItem Of(SupportiveCareProvider p, double? distanceKm) => new(p.Id, p.Name, p.Services.Select(EnumCodes.Code).ToList(),
        distanceKm, p.AcceptsPostCancerPackage, EnumCodes.Code(p.Kind), p.Address, p.Postcode, p.Commune, p.AreaCode, p.Free, p.Phone, p.Email, p.Active);
}

/// <summary>The answer of a search: at most <see cref="SearchProviders.MaxResults"/> providers, nearest first, and how many matched.</summary>
public sealed record ProviderSearchResult(IReadOnlyList<ProviderItem> Items, int Total, string? From);

/// <summary>
/// Searches the directory by service and by the patient's postcode or commune, nearest first ([L] a directory by
/// living area). The ranking is the domain's (<see cref="DirectorySearch"/>); the directory holds hundreds of
/// providers, not patients, so the active ones offering the service are read and ranked in memory.
/// </summary>
public sealed class SearchProviders(RelaisDb db, Geography geography)
{
    public const int MaxResults = 200;

    public async Task<ProviderSearchResult> HandleAsync(string? service, string? postcode, string? commune, CancellationToken ct)
    {
        SupportiveService? wanted = string.IsNullOrWhiteSpace(service) ? null : EnumCodes.Parse<SupportiveService>(service, "service");
        Commune? from = null;
        if (!string.IsNullOrWhiteSpace(postcode) || !string.IsNullOrWhiteSpace(commune))
            from = await geography.FindAsync(postcode, commune, ct)
                ?? throw new DomainValidationException(string.IsNullOrWhiteSpace(postcode) ? "commune" : "postcode", "Commune inconnue de la géographie de Relais.");
        var query = db.SupportiveCareProviders.AsNoTracking().Where(p => p.Active);
        if (wanted is { } s)
        {
            var code = EnumCodes.Code(s);
            query = query.Where(p => p.ServiceCodes.Contains(code));
        }
        var ranked = DirectorySearch.Rank(await query.ToListAsync(ct), wanted, from);
        return new ProviderSearchResult(ranked.Take(MaxResults).Select(m => ProviderItem.Of(m.Provider, m.DistanceKm)).ToList(), ranked.Count,
            from is null ? null : $"{from.Postcode} {from.Name}");
    }

    /// <summary>Every provider, inactive ones too, by name: the maintenance page.</summary>
    public async Task<IReadOnlyList<ProviderItem>> AllAsync(CancellationToken ct) =>
        (await db.SupportiveCareProviders.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct)).Select(p => ProviderItem.Of(p, null)).ToList();
}
