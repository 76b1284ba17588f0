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
}
