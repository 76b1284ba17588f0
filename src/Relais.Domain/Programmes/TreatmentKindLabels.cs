namespace Relais.Domain.Programmes;

/// <summary>French names of the treatment kinds, as documents, messages and screens print them.</summary>
public static class TreatmentKindLabels
{
    public static string French(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Surgery => "Chirurgie",
        TreatmentKind.Chemotherapy => "Chimiothérapie",
        TreatmentKind.Radiotherapy => "Radiothérapie",
        TreatmentKind.Hormone => "Hormonothérapie",
        TreatmentKind.Targeted => "Thérapie ciblée",
        TreatmentKind.Immunotherapy => "Immunothérapie",
        _ => "Traitement oral à domicile",
    };

    /// <summary>The English label, for the patient's copy printed with English labels (issue 14 §3).</summary>
    public static string English(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Surgery => "Surgery",
        TreatmentKind.Chemotherapy => "Chemotherapy",
        TreatmentKind.Radiotherapy => "Radiotherapy",
        TreatmentKind.Hormone => "Hormone therapy",
        TreatmentKind.Targeted => "Targeted therapy",
        TreatmentKind.Immunotherapy => "Immunotherapy",
        _ => "Oral treatment at home",
    };
}
