namespace Relais.Domain.Announcements;

/// <summary>
/// EPICES score of social deprivation (Évaluation de la précarité et des inégalités de santé dans les
/// centres d'examens de santé): 11 yes/no questions, each "yes" weighted, intercept 75.14, score 0–100;
/// precarious at 30.17 or more [R]. Detecting social fragility early is part of the announcement [G][P].
/// </summary>
public static class Epices
{
    public const decimal Intercept = 75.14m;
    public const decimal PrecariousFrom = 30.17m;

    /// <summary>The questions in order, with the weight of a "yes".</summary>
    public static readonly IReadOnlyList<(string Question, decimal YesWeight)> Questions =
    [
        ("Rencontrez-vous parfois un travailleur social ?", 10.06m),
        ("Bénéficiez-vous d'une assurance maladie complémentaire ?", -11.83m),
        ("Vivez-vous en couple ?", -8.28m),
        ("Êtes-vous propriétaire de votre logement ?", -8.28m),
        ("Y a-t-il des périodes dans le mois où vous rencontrez de réelles difficultés financières à faire face à vos besoins (alimentation, loyer, EDF...) ?", 14.80m),
        ("Vous est-il arrivé de faire du sport au cours des 12 derniers mois ?", -6.51m),
        ("Êtes-vous allé au spectacle au cours des 12 derniers mois ?", -7.10m),
        ("Êtes-vous parti en vacances au cours des 12 derniers mois ?", -7.10m),
        ("Au cours des 6 derniers mois, avez-vous eu des contacts avec des membres de votre famille autres que vos parents ou vos enfants ?", -9.47m),
        ("En cas de difficultés, y a-t-il dans votre entourage des personnes sur qui vous puissiez compter pour vous héberger quelques jours en cas de besoin ?", -9.47m),
        ("En cas de difficultés, y a-t-il dans votre entourage des personnes sur qui vous puissiez compter pour vous apporter une aide matérielle ?", -7.10m),
    ];

    public sealed record Result(decimal Score, bool Precarious);

    public static Result Score(IReadOnlyList<bool> answers)
    {
        if (answers.Count != Questions.Count)
            throw new DomainValidationException("answers", $"Le score EPICES compte {Questions.Count} réponses (oui ou non).");
        var score = Intercept + answers.Select((yes, i) => yes ? Questions[i].YesWeight : 0m).Sum();
        score = Math.Round(score, 2);
        return new Result(score, score >= PrecariousFrom);
    }
}
