namespace Relais.Domain.RareCancers;

/// <summary>Why a cancer gets the expert circuit of [G] §1.1 and §1.3: one of the grounds of a rare cancer, or a lymphoma.</summary>
public enum RareCancerGround
{
    LowIncidence,
    SpecialSite,
    SpecialHistology,
    SpecificTerrain,
    HighComplexity,
    Lymphoma,
}

/// <summary>One ground as its source writes it; whether the case also goes to the expert network's tumor board.</summary>
public sealed record RareCancerGroundLine(RareCancerGround Ground, string Label, bool RequiresExpertBoard, string Source);

/// <summary>
/// What counts as a rare cancer, as data with its source. [G] §1.1 "Le traitement des cancers rares de l'adulte": the
/// cancers "dont l'incidence est inférieure à 6/100 000 personnes par an ; ou nécessitant un traitement hautement
/// spécialisé" by their site, histology, terrain or complexity; the networks assure each patient "un diagnostic confirmé
/// par des pathologistes experts et un traitement adapté grâce à la discussion systématique du dossier par des cliniciens
/// experts". [G] §1 "Confirmation du diagnostic": "pour les cancers rares et pour les lymphomes, une double lecture
/// systématique est effectuée" — the lymphomas get the second reading, not the rare-cancer network's board.
/// </summary>
public static class RareCancerGrounds
{
    private const string Rare = "[G] §1.1 « Le traitement des cancers rares de l'adulte »";
    private const string Reading = "[G] §1 « pour les cancers rares et pour les lymphomes, une double lecture systématique est effectuée »";

    public static IReadOnlyList<RareCancerGroundLine> Table { get; } =
    [
        new(RareCancerGround.LowIncidence, "Incidence inférieure à 6/100 000 personnes par an", true,
            Rare + " : « dont l'incidence est inférieure à 6/100 000 personnes par an » ; " + Reading),
        new(RareCancerGround.SpecialSite, "Siège particulier (mélanome de l'uvée, tumeurs du péritoine...)", true,
            Rare + " : « traitement hautement spécialisé, du fait de leur siège particulier (mélanome de l'uvée, tumeurs du péritoine...) » ; " + Reading),
        new(RareCancerGround.SpecialHistology, "Caractéristiques histologiques particulières", true,
            Rare + " : « de leurs caractéristiques histologiques particulières » ; " + Reading),
        new(RareCancerGround.SpecificTerrain, "Survenue sur un terrain spécifique (néoplasies de la femme enceinte...)", true,
            Rare + " : « de leur survenue sur un terrain spécifique (néoplasies de la femme enceinte...) » ; " + Reading),
        new(RareCancerGround.HighComplexity, "Grande complexité (sarcomes des tissus mous, tumeurs oligodendrogliales de haut grade...)", true,
            Rare + " : « de leur grande complexité (sarcomes des tissus mous, tumeurs oligodendrogliales de haut grade...) » ; " + Reading),
        new(RareCancerGround.Lymphoma, "Lymphome", false, Reading),
    ];

    public static RareCancerGroundLine Of(RareCancerGround ground) => Table.Single(l => l.Ground == ground);

    /// <summary>
    /// A lymphoma by its ICD-10 site: C81 (Hodgkin) to C86 (other T/NK-cell lymphomas) [R] (CIM-10, chapter II), so that
    /// an episode coded as a lymphoma is on the expert worklist without anyone ticking a flag.
    /// </summary>
    public static bool IsLymphoma(string? icd10Site) =>
        icd10Site is { Length: >= 3 } code && code[0] == 'C' && int.TryParse(code.AsSpan(1, 2), out var n) && n is >= 81 and <= 86;
}
