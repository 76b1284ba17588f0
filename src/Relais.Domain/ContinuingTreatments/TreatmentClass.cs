namespace Relais.Domain.ContinuingTreatments;

/// <summary>
/// The kind of a treatment that goes on, or whose late effects go on, after the end of active treatment (issue 16,
/// [G] §3 "effets indésirables tardifs"): it chooses the monitoring module the treatment adds to the carnet.
/// </summary>
public enum TreatmentClass
{
    /// <summary>Anastrozole, letrozole, exemestane: adjuvant hormone therapy for 5 to 10 years.</summary>
    AromataseInhibitor,
    Tamoxifen,
    /// <summary>Androgen deprivation for prostate cancer.</summary>
    AndrogenDeprivation,
    Trastuzumab,
    /// <summary>Anthracyclines received: their cardiac effects are late.</summary>
    Anthracycline,
    /// <summary>Radiotherapy of the neck received: the thyroid is followed.</summary>
    NeckRadiotherapy,
    /// <summary>Oral targeted therapy or maintenance.</summary>
    OralTargetedTherapy,
    Other,
}

/// <summary>How the treatment is taken, as the patient, the GP or the pharmacist reports it.</summary>
public enum Adherence
{
    AsPrescribed,
    DosesMissed,
    /// <summary>The patient stopped the drug.</summary>
    Stopped,
}

/// <summary>Who reported on the treatment: the patient, the GP, the pharmacist, or the hospital team.</summary>
public enum TreatmentReporter
{
    Patient,
    GeneralPractitioner,
    Pharmacist,
    Team,
}

public enum ContinuingTreatmentStatus
{
    Ongoing,
    Stopped,
}

public static class TreatmentClassLabels
{
    public static string Label(this TreatmentClass c) => c switch
    {
        TreatmentClass.AromataseInhibitor => "Inhibiteur de l'aromatase",
        TreatmentClass.Tamoxifen => "Tamoxifène",
        TreatmentClass.AndrogenDeprivation => "Suppression androgénique",
        TreatmentClass.Trastuzumab => "Trastuzumab",
        TreatmentClass.Anthracycline => "Anthracyclines (reçues)",
        TreatmentClass.NeckRadiotherapy => "Radiothérapie cervicale (reçue)",
        TreatmentClass.OralTargetedTherapy => "Thérapie ciblée orale ou entretien",
        _ => "Autre traitement",
    };

    public static string Label(this Adherence a) => a switch
    {
        Adherence.AsPrescribed => "pris comme prescrit",
        Adherence.DosesMissed => "prises oubliées",
        _ => "arrêté par le patient",
    };
}
