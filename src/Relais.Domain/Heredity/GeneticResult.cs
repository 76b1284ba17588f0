namespace Relais.Domain.Heredity;

/// <summary>
/// The result of the oncogenetics work-up: [G] §1.1 names "les deux prédispositions génétiques les plus fréquentes",
/// the breast-ovarian syndrome (BRCA1, BRCA2) and the Lynch syndrome; or no constitutional alteration found.
/// </summary>
public enum GeneticResult
{
    Brca1,
    Brca2,
    Lynch,
    NoneFound,
}

public static class GeneticResults
{
    /// <summary>The monitoring module a result adds to the carnet ([G] §1.1: "la surveillance ... adaptée aux différents risques tumoraux"); none when no alteration was found.</summary>
    public static string? ModuleCode(GeneticResult result) => result switch
    {
        GeneticResult.Brca1 or GeneticResult.Brca2 => Surveillance.ShippedModules.Brca.Code,
        GeneticResult.Lynch => Surveillance.ShippedModules.Lynch.Code,
        _ => null,
    };

    /// <summary>A constitutional alteration was found: [G] §1.1 "un test génétique peut être proposé aux autres membres de la famille (apparentés)".</summary>
    public static bool IsPredisposition(GeneticResult result) => result != GeneticResult.NoneFound;

    public static string Label(GeneticResult result) => result switch
    {
        GeneticResult.Brca1 => "Mutation BRCA1 (syndrome seins-ovaires)",
        GeneticResult.Brca2 => "Mutation BRCA2 (syndrome seins-ovaires)",
        GeneticResult.Lynch => "Syndrome de Lynch",
        _ => "Aucune altération génétique constitutionnelle identifiée",
    };
}
