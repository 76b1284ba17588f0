namespace Relais.Domain.Heredity;

/// <summary>The elements of a personal or family history that point to a hereditary form of cancer [G] §1.1.</summary>
public enum HereditaryCriterion
{
    SeveralCasesInOneParentalBranch,
    EarlyOnset,
    BilateralOrMultifocal,
}

/// <summary>One criterion as [G] writes it, with the French label the forms show.</summary>
public sealed record HereditaryCriterionLine(HereditaryCriterion Criterion, string Label, string Source);

/// <summary>
/// The criteria of a hereditary suspicion, as data with their source: [G] §1.1 "L'identification des personnes porteuses
/// d'une mutation génétique" lists the elements that "doivent particulièrement motiver le médecin à recourir à un conseil
/// génétique spécialisé". One of them is enough to open an oncogenetics referral.
/// </summary>
public static class HereditaryCriteria
{
    private const string G = "[G] §1.1 « L'identification des personnes porteuses d'une mutation génétique »";

    public static IReadOnlyList<HereditaryCriterionLine> Table { get; } =
    [
        new(HereditaryCriterion.SeveralCasesInOneParentalBranch, "Plusieurs cas de cancer dans une même branche parentale (paternelle ou maternelle)",
            G + " : « excès de cas de cancer au sein d'une même branche parentale (paternelle ou maternelle) »"),
        new(HereditaryCriterion.EarlyOnset, "Survenue précoce du cancer", G + " : « précocité de la survenue du cancer »"),
        new(HereditaryCriterion.BilateralOrMultifocal, "Forme bilatérale ou multifocale d'un organe double",
            G + " : « excès de formes bilatérales et multifocales pour les organes doubles »"),
    ];

    public static HereditaryCriterionLine Of(HereditaryCriterion criterion) => Table.Single(l => l.Criterion == criterion);

    /// <summary>The criteria the codes name, each once; a refusal naming <c>criteria</c> when none is given or one is unknown.</summary>
    public static IReadOnlyList<HereditaryCriterion> Parse(IEnumerable<string?>? codes)
    {
        var criteria = (codes ?? []).Select(c => EnumCodes.Parse<HereditaryCriterion>(c, "criteria")).Distinct().Order().ToList();
        if (criteria.Count == 0)
            throw new DomainValidationException("criteria", "Cochez au moins un des critères de suspicion d'une forme héréditaire ([G] §1.1).");
        return criteria;
    }
}
