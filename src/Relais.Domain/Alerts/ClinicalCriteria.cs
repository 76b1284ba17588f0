using Relais.Domain.Surveillance;

namespace Relais.Domain.Alerts;

/// <summary>
/// The clinical criteria of early return to the specialist [B], ticked by the GP or the patient.
/// (The fourth criterion of [B], "élévation du CA 15-3", comes from the results: <see cref="EarlyReturnRules.Evaluate"/>.)
/// </summary>
[Flags]
public enum ClinicalCriteria
{
    None = 0,
    /// <summary>[B]: "modification clinique et/ou radiologique du sein traité et/ou controlatéral"; the treated site for other cancers.</summary>
    ClinicalOrRadiologicalChange = 1,
    /// <summary>[B]: "certitude ou suspicion de métastase".</summary>
    SuspectedMetastasis = 2,
    /// <summary>[B]: "intolérances ou effets secondaires des thérapeutiques".</summary>
    IntoleranceOrSideEffects = 4,
}

/// <summary>Who reported the criteria.</summary>
public enum CriteriaReporter
{
    Gp,
    Patient,
}

public static class ClinicalCriteriaLabels
{
    public const ClinicalCriteria Known = ClinicalCriteria.ClinicalOrRadiologicalChange | ClinicalCriteria.SuspectedMetastasis | ClinicalCriteria.IntoleranceOrSideEffects;

    public static string Code(this ClinicalCriteria criterion) => criterion switch
    {
        ClinicalCriteria.ClinicalOrRadiologicalChange => "clinical-or-radiological-change",
        ClinicalCriteria.SuspectedMetastasis => "suspected-metastasis",
        ClinicalCriteria.IntoleranceOrSideEffects => "intolerance-or-side-effects",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), "One criterion at a time."),
    };

    /// <summary>The French wording of each ticked criterion, in the order of [B].</summary>
    public static IReadOnlyList<string> Labels(ClinicalCriteria criteria, ProtocolKind kind)
    {
        var labels = new List<string>();
        if (criteria.HasFlag(ClinicalCriteria.ClinicalOrRadiologicalChange))
            labels.Add(kind == ProtocolKind.Breast
                ? "modification clinique et/ou radiologique du sein traité et/ou controlatéral"
                : "modification clinique et/ou radiologique du site traité");
        if (criteria.HasFlag(ClinicalCriteria.SuspectedMetastasis)) labels.Add("certitude ou suspicion de métastase");
        if (criteria.HasFlag(ClinicalCriteria.IntoleranceOrSideEffects)) labels.Add("intolérance ou effets secondaires des traitements");
        return labels;
    }
}
