using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;

namespace Relais.Web.Features.SupportiveCare.Directory;

/// <summary>Finds a commune of the geography by postcode and/or name (accents and case ignored on the name).</summary>
public sealed class Geography(RelaisDb db)
{
    public async Task<Commune?> FindAsync(string? postcode, string? name, CancellationToken ct)
    {
        var code = postcode?.Trim();
        var wanted = Fold(name);
        var candidates = string.IsNullOrEmpty(code)
            ? await db.Communes.AsNoTracking().ToListAsync(ct)
            : await db.Communes.AsNoTracking().Where(c => c.Postcode == code).ToListAsync(ct);
        if (wanted.Length > 0) candidates = candidates.Where(c => Fold(c.Name) == wanted).ToList();
        return candidates.OrderBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The commune a provider is placed at; unknown, a problem naming the postcode field.</summary>
    public async Task<Commune> RequireAsync(string? postcode, string? name, CancellationToken ct) =>
        await FindAsync(postcode, name, ct)
        ?? throw new DomainValidationException("postcode", $"Commune inconnue de la géographie de Relais : {postcode} {name}.");

    public static string Fold(string? text)
    {
        var normalized = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalized.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == '-' || c == '\'' ? ' ' : char.ToLowerInvariant(c));
        return string.Join(' ', new string(chars.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
