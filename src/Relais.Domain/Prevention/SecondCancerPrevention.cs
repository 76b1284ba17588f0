namespace Relais.Domain.Prevention;

public enum TobaccoStatus { Never, Former, Current }

public enum AlcoholUse { None, WithinGuidelines, Excessive }

public enum PhysicalActivityLevel { Inactive, Insufficient, Sufficient }

/// <summary>What the GP and the team are to offer after a status review, each with its source.</summary>
public enum PreventionAction { TobaccoCessationSupport, AbstinenceFollowUp, AlcoholSupport, WeightManagement, AdaptedPhysicalActivity }

/// <summary>The status kept up after treatment: tobacco, alcohol, weight and height, physical activity (issue 16 point 4).</summary>
public sealed record LifestyleStatus(TobaccoStatus Tobacco, bool CessationSupportOffered, AlcoholUse Alcohol, bool AlcoholSupportOffered,
    decimal? WeightKg, int? HeightCm, PhysicalActivityLevel Activity);

/// <summary>
/// The global medical approach and the prevention of a second cancer [G] §3.6–3.7, as rules: what to offer given the
/// status, each action with the text it comes from.
/// </summary>
public static class SecondCancerPrevention
{
    /// <summary>Obesity from a body-mass index of 30 [R] (WHO classification).</summary>
    public const decimal ObesityBmi = 30m;

    public static IReadOnlyDictionary<PreventionAction, string> Sources { get; } = new Dictionary<PreventionAction, string>
    {
        [PreventionAction.TobaccoCessationSupport] = "[G] §3.7 : « Un accompagnement à l'arrêt doit être proposé systématiquement au patient fumeur très rapidement » ; §3.6 « Le sevrage tabagique reste à proposer »",
        [PreventionAction.AbstinenceFollowUp] = "[G] §3.7 : « Le maintien de l'abstinence tabagique doit être recherché après la phase de traitement »",
        [PreventionAction.AlcoholSupport] = "[G] « L'accompagnement au sevrage alcoolique » : l'arrêt « est fortement recommandé ... pour limiter le risque d'un second cancer primitif »",
        [PreventionAction.WeightManagement] = "[G] §3.6 : « la lutte contre l'obésité [est] généralement conseillée » ; §3.7 l'obésité est un facteur de risque persistant ; [R] obésité : IMC ≥ 30",
        [PreventionAction.AdaptedPhysicalActivity] = "[G] §3.6 : « l'encouragement à la pratique ou la poursuite d'une activité physique adaptée [est] généralement conseillé »",
    };

    public static string Label(PreventionAction action) => action switch
    {
        PreventionAction.TobaccoCessationSupport => "Proposer un accompagnement à l'arrêt du tabac (tabac-info-service.fr)",
        PreventionAction.AbstinenceFollowUp => "Soutenir le maintien de l'abstinence tabagique",
        PreventionAction.AlcoholSupport => "Proposer un accompagnement au sevrage alcoolique",
        PreventionAction.WeightManagement => "Prendre en charge l'obésité (conseils hygiéno-diététiques, diététicien)",
        _ => "Encourager une activité physique adaptée",
    };

    /// <summary>The body-mass index (kg/m², one decimal), when weight and height are both known.</summary>
    public static decimal? Bmi(decimal? weightKg, int? heightCm) =>
        weightKg is { } w && heightCm is int h && h > 0 ? Math.Round(w / (h / 100m * (h / 100m)), 1) : null;

    /// <summary>What to offer, in the order of [G] §3.7 then §3.6.</summary>
    public static IReadOnlyList<PreventionAction> ToOffer(LifestyleStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var actions = new List<PreventionAction>();
        if (status.Tobacco == TobaccoStatus.Current && !status.CessationSupportOffered) actions.Add(PreventionAction.TobaccoCessationSupport);
        if (status.Tobacco == TobaccoStatus.Former) actions.Add(PreventionAction.AbstinenceFollowUp);
        if (status.Alcohol == AlcoholUse.Excessive && !status.AlcoholSupportOffered) actions.Add(PreventionAction.AlcoholSupport);
        if (Bmi(status.WeightKg, status.HeightCm) >= ObesityBmi) actions.Add(PreventionAction.WeightManagement);
        if (status.Activity != PhysicalActivityLevel.Sufficient) actions.Add(PreventionAction.AdaptedPhysicalActivity);
        return actions;
    }
}
