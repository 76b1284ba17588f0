using Relais.Domain.Surveillance;

namespace Relais.Domain.Alerts;

/// <summary>
/// The thresholds of the early-return rules, carried as data by each protocol version so that a
/// centre can adapt them and every alert names the version it applied (PRODUCT.md §7). Values are
/// in the unit of the marker: U/mL for CA 15-3, ng/mL for PSA and CEA.
/// </summary>
public sealed record EarlyReturnThresholds
{
    /// <summary>CA 15-3 upper limit when the laboratory gives none with its result; 30 U/mL is the usual reference [R].</summary>
    public decimal Ca153UpperLimit { get; init; } = 30m;

    /// <summary>A "significant" rise [B]: at least this many percent above the lowest post-treatment value of the same laboratory [R].</summary>
    public decimal Ca153MinRisePercent { get; init; } = 25m;

    /// <summary>An "exponential" rise [B] includes a doubling within this many months [R].</summary>
    public int Ca153DoublingWithinMonths { get; init; } = 3;

    /// <summary>CEA upper limit when the laboratory gives none: 5 ng/mL [R].</summary>
    public decimal CeaUpperLimit { get; init; } = 5m;

    /// <summary>Biochemical recurrence after radical prostatectomy: PSA ≥ 0.2 ng/mL, confirmed on two consecutive assays [R].</summary>
    public decimal PsaAfterProstatectomy { get; init; } = 0.2m;

    /// <summary>Phoenix definition after radiotherapy: PSA ≥ nadir + 2 ng/mL [R].</summary>
    public decimal PsaAboveNadir { get; init; } = 2m;

    /// <summary>A control assay is due this many months after the result: "contrôle à 1 ou 2 mois" [B].</summary>
    public int ControlAssayAfterMonths { get; init; } = 1;

    /// <summary>The faults of these thresholds, named by their JSON path under <paramref name="path"/>.</summary>
    public IEnumerable<ProtocolError> FindErrors(string path)
    {
        if (Ca153UpperLimit <= 0) yield return new($"{path}.ca153UpperLimit", "La limite supérieure du CA 15-3 doit être positive (U/mL).");
        if (Ca153MinRisePercent <= 0) yield return new($"{path}.ca153MinRisePercent", "L'augmentation significative du CA 15-3 est un pourcentage positif.");
        if (Ca153DoublingWithinMonths is < 1 or > 24) yield return new($"{path}.ca153DoublingWithinMonths", "Le délai de doublement du CA 15-3 va de 1 à 24 mois.");
        if (CeaUpperLimit <= 0) yield return new($"{path}.ceaUpperLimit", "La limite supérieure de l'ACE doit être positive (ng/mL).");
        if (PsaAfterProstatectomy <= 0) yield return new($"{path}.psaAfterProstatectomy", "Le seuil du PSA après prostatectomie doit être positif (ng/mL).");
        if (PsaAboveNadir <= 0) yield return new($"{path}.psaAboveNadir", "L'écart au nadir du PSA doit être positif (ng/mL).");
        if (ControlAssayAfterMonths is < 1 or > 12) yield return new($"{path}.controlAssayAfterMonths", "Le délai du dosage de contrôle va de 1 à 12 mois.");
    }
}

/// <summary>
/// The early-return rules in force for a patient: the thresholds of one protocol version, with the
/// code and version that every alert quotes so it can be explained later.
/// </summary>
public sealed record EarlyReturnRuleSet(string ProtocolCode, int ProtocolVersion, ProtocolKind Kind, EarlyReturnThresholds Thresholds);
