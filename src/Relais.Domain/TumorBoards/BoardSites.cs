using System.Globalization;
using System.Text;

namespace Relais.Domain.TumorBoards;

/// <summary>A range of ICD-10 three-character categories, e.g. C15–C26 (digestive organs).</summary>
public sealed record Icd10Range(string From, string To)
{
    public bool Contains(string category) =>
        string.CompareOrdinal(category, From) >= 0 && string.CompareOrdinal(category, To) <= 0;

    public override string ToString() => From == To ? From : $"{From}–{To}";
}

/// <summary>
/// Which cancer sites an RCP's specialty covers. RCPs are "organisées par spécialités médicales" [G] 1.3: a
/// case registered on a board of another organ needs an explicit reason (a second opinion, a
/// multi-site cancer...). The board's specialty is the organ name its organisers gave it ("Sénologie",
/// "Oncologie digestive"...); the ranges follow the chapters of ICD-10 (C00–C97, malignant neoplasms).
/// A specialty naming no known organ (a recourse or general board) covers every site.
/// </summary>
public static class BoardSites
{
    private static readonly (string[] Words, Icd10Range[] Ranges)[] ByOrgan =
    [
        (["senolog", "sein", "mammaire"], [new("C50", "C50")]),
        (["digesti", "gastro", "colorect", "hepat", "pancrea"], [new("C15", "C26")]),
        (["thorac", "pneumo", "poumon", "pulmon"], [new("C33", "C39"), new("C45", "C45")]),
        (["urolog", "prostat", "rein", "vessie"], [new("C60", "C68")]),
        (["gyneco"], [new("C51", "C58")]),
        (["hemato", "lymphom"], [new("C81", "C96")]),
        (["dermato", "cutane", "melanom"], [new("C43", "C44")]),
        (["orl", "tete", "cervico", "vads"], [new("C00", "C14"), new("C30", "C32")]),
        (["neuro", "cerebr"], [new("C70", "C72")]),
        (["thyroid", "endocrin"], [new("C73", "C75")]),
        (["sarcom", "osseu"], [new("C40", "C41"), new("C45", "C49")]),
    ];

    private static readonly char[] Separators = [' ', '-', '\'', '’', ',', '/', '(', ')', '.'];

    public static IReadOnlyList<Icd10Range> Of(string boardSpecialty)
    {
        // Whole words only, by their start: "Neurologie" is not "urologie", "Sénologie" is "sein"'s board.
        var words = Normalised(boardSpecialty).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return ByOrgan.Where(o => o.Words.Any(w => words.Any(word => word.StartsWith(w, StringComparison.Ordinal))))
            .SelectMany(o => o.Ranges).Distinct().ToList();
    }

    /// <summary>A site fits a board covering every site, or one of whose ranges holds its category (C50.4 → C50).</summary>
    public static bool Fits(IReadOnlyList<Icd10Range> sites, string primarySite)
    {
        if (sites.Count == 0) return true;
        var category = primarySite.Trim().ToUpperInvariant();
        category = category.Length > 3 ? category[..3] : category;
        return sites.Any(r => r.Contains(category));
    }

    private static string Normalised(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept);
    }
}
