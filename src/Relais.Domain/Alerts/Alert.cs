namespace Relais.Domain.Alerts;

public enum AlertSeverity
{
    Info,
    Warning,
    Urgent,
}

/// <summary>What the alert asks for (PRODUCT.md §7).</summary>
public enum AlertAction
{
    /// <summary>Repeat the assay, in the same laboratory, by <see cref="Alert.Due"/>.</summary>
    ControlAssay,
    /// <summary>
    /// "Avis MSpé": ask the specialist's opinion [B]. No rule asks for it any more (an exponential CA 15-3
    /// rise is an early return, C14 with its referral task); kept so that alerts stored before still read.
    /// </summary>
    SpecialistOpinion,
    /// <summary>Early return to the specialist ("retour anticipé") [B], the referral back of C14.</summary>
    EarlyReturn,
}

/// <summary>
/// An alert raised by an early-return rule. It explains itself: <see cref="Rule"/> and
/// <see cref="RuleVersion"/> (the protocol version whose thresholds applied, <see cref="ProtocolCode"/>)
/// name the rule, and <see cref="Explanation"/> quotes the values, dates, laboratory and thresholds.
/// A marker rule says its <see cref="Marker"/> (the control assay it asks for is of that marker).
/// </summary>
public sealed record Alert(
    string Rule,
    int RuleVersion,
    AlertSeverity Severity,
    AlertAction Action,
    DateOnly? Due,
    string Explanation,
    string ProtocolCode,
    Marker? Marker = null)
{
    /// <summary>
    /// What the alert is about, of which a patient has at most one open alert: the level of one marker
    /// (its control, confirmation and early-return rules are steps of one alert that escalates), a change
    /// of laboratory for one marker, or the clinical criteria.
    /// </summary>
    public string Concern => AlertConcerns.Of(Rule, Marker);

    /// <summary>How far the alert goes: an early return outranks a control assay, an urgent alert a warning.</summary>
    public int Level => AlertConcerns.Level(Severity, Action);
}

public static class AlertConcerns
{
    /// <summary>The concern of the level rules of <paramref name="marker"/>.</summary>
    public static string Level(Marker marker) => marker.Code();

    /// <summary>The concern of a change of laboratory of <paramref name="marker"/>.</summary>
    public static string LaboratoryChange(Marker marker) => $"{marker.Code()}:{EarlyReturnRuleCodes.LaboratoryChange}";

    public static string Of(string rule, Marker? marker) => marker is not { } m
        ? rule
        : rule == EarlyReturnRuleCodes.LaboratoryChange ? LaboratoryChange(m) : Level(m);

    public static int Level(AlertSeverity severity, AlertAction action) => (int)severity * 3 + action switch
    {
        AlertAction.ControlAssay => 0,
        AlertAction.SpecialistOpinion => 1,
        _ => 2,
    };
}

public static class AlertCodes
{
    public static string Code(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        _ => "urgent",
    };

    public static string Code(this AlertAction action) => action switch
    {
        AlertAction.ControlAssay => "control-assay",
        AlertAction.SpecialistOpinion => "specialist-opinion",
        _ => "early-return",
    };
}

/// <summary>The codes of the early-return rules, as quoted by <see cref="Alert.Rule"/>.</summary>
public static class EarlyReturnRuleCodes
{
    /// <summary>CA 15-3 above the upper limit and ≥ 25 % above the lowest post-treatment value: control in 1 to 2 months [B].</summary>
    public const string Ca153Rise = "ca15-3-rise";
    /// <summary>CA 15-3 rising faster and faster, or doubling within 3 months: specialist opinion, an early return [B].</summary>
    public const string Ca153AcceleratingRise = "ca15-3-accelerating-rise";
    /// <summary>A significant CA 15-3 rise confirmed by the control assay after it: early return [B] ("élévation CA 15-3").</summary>
    public const string Ca153RiseConfirmed = "ca15-3-rise-confirmed";
    /// <summary>PSA ≥ 0.2 ng/mL after prostatectomy, not yet confirmed: control assay.</summary>
    public const string PsaAfterProstatectomy = "psa-after-prostatectomy";
    /// <summary>PSA ≥ 0.2 ng/mL on two consecutive assays after prostatectomy: early return.</summary>
    public const string PsaAfterProstatectomyConfirmed = "psa-after-prostatectomy-confirmed";
    /// <summary>PSA ≥ nadir + 2 ng/mL after radiotherapy (Phoenix): early return.</summary>
    public const string PsaPhoenix = "psa-phoenix";
    /// <summary>CEA above the upper limit, not yet confirmed: control assay.</summary>
    public const string CeaAboveLimit = "cea-above-limit";
    /// <summary>CEA above the upper limit on two consecutive assays: early return.</summary>
    public const string CeaConfirmed = "cea-confirmed";
    /// <summary>The result comes from another laboratory than the previous one.</summary>
    public const string LaboratoryChange = "laboratory-change";
    /// <summary>A clinical criterion of early return reported by the GP or the patient [B].</summary>
    public const string ClinicalCriteria = "clinical-criteria";
}
