using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;
using Relais.Domain.Surveillance;

namespace Relais.Domain.Programmes;

/// <summary>
/// What a PPAC holds besides the follow-up calendar (PRODUCT.md §6, [G] "L'après-cancer" and "L'accompagnement
/// médico-social"): the warning signs that bring the patient back early — in the patient's words and as the
/// criteria of [B] the GP applies —, the late complications to watch, the supportive-care referrals under way, and the socio-professional part (return to
/// work, part-time therapeutic return, insurance). Frozen in each version: a revision writes a new one.
/// </summary>
public sealed record AfterCancerPart(
    IReadOnlyList<string> WarningSigns,
    IReadOnlyList<string> EarlyReturnCriteria,
    string? LateComplications,
    IReadOnlyList<string> Referrals,
    string? ReturnToWork,
    bool TherapeuticPartTime,
    string? Insurance,
    IReadOnlyList<string>? ContinuingTreatments = null,
    IReadOnlyList<string>? Prevention = null)
{
    /// <summary>
    /// The part for a patient followed on <paramref name="protocol"/> for a cancer of <paramref name="icd10"/>: the
    /// warning signs of that site as the portal asks them (<see cref="WarningSignQuestionnaires"/>) and the criteria of
    /// [B] with the protocol's thresholds; the texts the team writes are trimmed and bounded.
    /// </summary>
    /// <param name="continuingTreatments">The treatments that go on after the end of active treatment, one line each (issue 16): a change or a stop is a new version.</param>
    /// <param name="prevention">The second-cancer prevention review in force and what it calls for, and the organised screenings due (issue 16 point 4).</param>
    public static AfterCancerPart For(string? icd10, ProtocolKind? kind, EarlyReturnThresholds thresholds, string? lateComplications,
        IReadOnlyList<string> referrals, string? returnToWork, bool therapeuticPartTime, string? insurance, IReadOnlyList<string>? continuingTreatments = null,
        IReadOnlyList<string>? prevention = null)
    {
        Bounded(lateComplications, "lateComplications");
        Bounded(returnToWork, "returnToWork");
        Bounded(insurance, "insurance");
        var signs = WarningSignQuestionnaires.ForSite(icd10)?.Items.Select(i => i.Text).ToList() ?? [];
        return new AfterCancerPart(signs, EarlyReturnWording.For(kind, thresholds), Blank(lateComplications), referrals, Blank(returnToWork), therapeuticPartTime, Blank(insurance),
            continuingTreatments is { Count: > 0 } ? continuingTreatments : null, prevention is { Count: > 0 } ? prevention : null);
    }

    private const int MaxText = 4000;

    private static void Bounded(string? text, string field)
    {
        if (text is { Length: > MaxText }) throw new DomainValidationException(field, $"Ce texte dépasse {MaxText} caractères.");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// The information [G] asks to give every patient at the end of treatment ("L'accompagnement médico-social"),
/// printed in each PPAC: the same for all, so it is data here, with its sources, not text typed by each team.
/// </summary>
public static class AfterCancerInformation
{
    public sealed record Topic(string Title, string Text, string Source);

    private const string G = "[G] Guide du parcours de soins, « L'accompagnement médico-social »";

    public static IReadOnlyList<Topic> Topics { get; } =
    [
        new("Vos droits", "Vous pouvez accéder à votre dossier médical et demander un second avis médical.", G),
        new("Votre vie professionnelle",
            "Maintien dans l'emploi, arrêts de travail, reprise à temps partiel thérapeutique, invalidité, reclassement, démarches de maladie professionnelle : "
            + "le médecin du travail, votre médecin traitant et l'assistant(e) social(e) vous accompagnent.", G),
        new("Assurance et emprunt",
            "La convention AERAS (s'Assurer et Emprunter avec un Risque Aggravé de Santé, www.aeras-infos.fr) facilite l'accès au crédit et à l'assurance. "
            + "Droit à l'oubli : cinq ans après la fin du protocole thérapeutique sans rechute, vous n'avez plus à déclarer ce cancer à l'assureur d'un prêt.",
            G + " ; loi n° 2022-270 du 28 février 2022 (droit à l'oubli ramené à cinq ans)"),
        new("Aides et associations",
            "Ressources et aides financières avec l'assistant(e) social(e) ; associations de patients et lieux d'information : e-cancer.fr (guide « Démarches sociales et cancer »).", G),
    ];
}
