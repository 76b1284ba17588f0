using System.Globalization;
using Relais.Domain.Surveillance;

namespace Relais.Domain.Alerts;

/// <summary>
/// The early-return criteria of [B] written out for a reader (the PPAC, the GP), with the marker threshold of the
/// protocol version in force: the rules themselves are <see cref="EarlyReturnRules"/>; this only says them.
/// </summary>
public static class EarlyReturnWording
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The criteria for a patient followed on a protocol of <paramref name="kind"/>; with none (a site no shipped protocol covers), the clinical criteria alone.</summary>
    public static IReadOnlyList<string> For(ProtocolKind? kind, EarlyReturnThresholds t) => kind is { } k
        ? [.. ClinicalCriteriaLabels.Labels(ClinicalCriteriaLabels.Known, k), Marker(k, t)]
        // Every kind but the breast words the first criterion for "the treated site".
        : ClinicalCriteriaLabels.Labels(ClinicalCriteriaLabels.Known, ProtocolKind.Colorectal);

    private static string Marker(ProtocolKind kind, EarlyReturnThresholds t) => kind switch
    {
        // [B] "élévation du CA 15-3": significant ([R] ≥ 25 % above the lowest post-treatment value) and confirmed by a control assay.
        ProtocolKind.Breast => string.Format(French, "élévation significative du CA 15-3 (au moins {0} % au-dessus de la plus basse valeur après traitement, ou au-delà de {1} U/mL), confirmée par un dosage de contrôle à {2} mois",
            t.Ca153MinRisePercent, t.Ca153UpperLimit, t.ControlAssayAfterMonths),
        ProtocolKind.Colorectal => string.Format(French, "ACE au-delà de {0} ng/mL, confirmé par un dosage de contrôle à {1} mois", t.CeaUpperLimit, t.ControlAssayAfterMonths),
        ProtocolKind.Prostatectomy => string.Format(French, "PSA à {0} ng/mL ou plus sur deux dosages successifs après la prostatectomie", t.PsaAfterProstatectomy),
        _ => string.Format(French, "PSA au-dessus du nadir + {0} ng/mL après la radiothérapie (définition de Phoenix)", t.PsaAboveNadir),
    };
}
