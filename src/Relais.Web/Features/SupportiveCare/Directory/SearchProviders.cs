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
/// <para>
/// The search shown to a reader (<see cref="HandleAsync"/>) reads through <see cref="NonNominativeReads"/> — the streaming
/// replica when one is configured (issue 18 point 4): the directory names no patient. A use case that writes from the
/// providers it finds (<see cref="ForWriteAsync"/>: the EPICES referral) reads them on the primary, as it writes.
/// </para>
/// </summary>
public sealed class SearchProviders(RelaisDb db, NonNominativeReads reads)
{
    public const int MaxResults = 200;

    /// <summary>The directory search of the pages and the API, on the replica when one is configured.</summary>
    public Task<ProviderSearchResult> HandleAsync(string? service, string? postcode, string? commune, CancellationToken ct) =>
        SearchAsync(reads.Db, service, postcode, commune, ct);

    /// <summary>The same search on the primary, for a use case that writes what it found (a referral to the nearest provider).</summary>
    public Task<ProviderSearchResult> ForWriteAsync(string? service, string? postcode, string? commune, CancellationToken ct) =>
        SearchAsync(db, service, postcode, commune, ct);

    private static async Task<ProviderSearchResult> SearchAsync(RelaisDb source, string? service, string? postcode, string? commune, CancellationToken ct)
    {
        SupportiveService? wanted = string.IsNullOrWhiteSpace(service) ? null : EnumCodes.Parse<SupportiveService>(service, "service");
        Commune? from = null;
        if (!string.IsNullOrWhiteSpace(postcode) || !string.IsNullOrWhiteSpace(commune))
            from = await new Geography(source).FindAsync(postcode, commune, ct)
                ?? throw new DomainValidationException(string.IsNullOrWhiteSpace(postcode) ? "commune" : "postcode", "Commune inconnue de la géographie de Relais.");
        var query = source.SupportiveCareProviders.AsNoTracking().Where(p => p.Active);
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
