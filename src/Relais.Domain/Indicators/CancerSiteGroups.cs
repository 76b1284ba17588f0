using Relais.Domain.TumorBoards;

namespace Relais.Domain.Indicators;

/// <summary>A group of cancer sites the dashboard filters by: a code, its French name and its ICD-10 categories.</summary>
public sealed record CancerSiteGroup(string Code, string Label, IReadOnlyList<Icd10Range> Ranges)
{
    /// <summary>Whether a primary site (C50.4, C50) falls in the group, by its three-character category.</summary>
    public bool Holds(string primarySite) => Ranges.Count > 0 && BoardSites.Fits(Ranges, primarySite);
}

/// <summary>
/// The cancer sites of the filter, by ICD-10 chapter II groups (the INCa's "localisations" of its yearly report, which
/// follow the same blocks as the organ tumor boards of <see cref="BoardSites"/>).
/// </summary>
public static class CancerSiteGroups
{
    public static readonly IReadOnlyList<CancerSiteGroup> All =
    [
        new("breast", "Sein", [new("C50", "C50")]),
        new("digestive", "Appareil digestif", [new("C15", "C26")]),
        new("thoracic", "Poumon et thorax", [new("C33", "C39"), new("C45", "C45")]),
        new("urological", "Prostate et appareil urinaire", [new("C60", "C68")]),
        new("gynaecological", "Organes génitaux de la femme", [new("C51", "C58")]),
        new("haematological", "Hémopathies malignes", [new("C81", "C96")]),
        new("skin", "Peau (mélanome et autres)", [new("C43", "C44")]),
        new("head-and-neck", "Voies aérodigestives supérieures", [new("C00", "C14"), new("C30", "C32")]),
        new("central-nervous-system", "Système nerveux central", [new("C70", "C72")]),
        new("endocrine", "Thyroïde et glandes endocrines", [new("C73", "C75")]),
        new("sarcoma", "Os et tissus mous", [new("C40", "C41"), new("C46", "C49")]),
    ];

    /// <summary>The group of a code, or null for an unknown one.</summary>
    public static CancerSiteGroup? Find(string? code) => All.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.Ordinal));
}
