using Relais.Domain.Coordination;

namespace Relais.Domain.Indicators;

public enum IndicatorKind
{
    /// <summary>A delay: median, P75 and P90 of the measured delays, and the share within the target delay.</summary>
    Delay,
    /// <summary>A share of a population that met the indicator.</summary>
    Share,
}

public enum IndicatorTheme { Delays, Pathway, Coordination, Continuity }

/// <summary>
/// What an indicator counts, as its definition on the dashboard says it: the population (denominator), who of it met
/// the indicator (numerator), the date that places a case in the period and in a month, and the source.
/// <see cref="DefaultTarget"/> is the target delay (days, or hours for the transmissions) a region may change.
/// </summary>
public sealed record IndicatorDefinition(
    string Code, IndicatorKind Kind, IndicatorTheme Theme, string Label, string Unit,
    string Numerator, string Denominator, string Anchor, string Source, int? DefaultTarget = null);

/// <summary>
/// The 3C/DSRC indicators of PRODUCT.md §11, one list: "faire démarrer le parcours dès le diagnostic de cancer et réduire
/// les délais de prise en charge" [P] objective 7, the dispositif d'annonce, the PPS and the PPAC [G][P], and the
/// coordination obligations C1–C15 [G]. The target delays are no national standard: [R] defaults a region sets.
/// </summary>
public static class IndicatorCatalogue
{
    private const string Episodes = "épisodes de cancer diagnostiqués dans la période";
    private const string DelayNumerator = "ceux dont le délai ne dépasse pas la cible";

    public static readonly IReadOnlyList<IndicatorDefinition> Delays =
    [
        new("diagnosis-to-tumor-board", IndicatorKind.Delay, IndicatorTheme.Delays, "Délai diagnostic → RCP", "days",
            DelayNumerator, "épisodes diagnostiqués dans la période passés en RCP (délai mesuré en jours calendaires)", "date du diagnostic",
            "[P] objectif 7 « réduire les délais de prise en charge » ; PRODUCT.md §11 ; événements du parcours (PathwayDelays)", 30),
        new("diagnosis-to-first-treatment", IndicatorKind.Delay, IndicatorTheme.Delays, "Délai diagnostic → premier traitement", "days",
            DelayNumerator, "épisodes diagnostiqués dans la période dont le traitement a commencé", "date du diagnostic",
            "[P] objectif 7 ; PRODUCT.md §11 ; événements du parcours (PathwayDelays)", 45),
        new("tumor-board-to-care-programme", IndicatorKind.Delay, IndicatorTheme.Delays, "Délai RCP → PPS remis", "days",
            DelayNumerator, "épisodes passés en RCP dans la période dont le PPS a été remis", "date de la première RCP",
            "[G] 2.3 et [P] : le PPS suit la décision de RCP ; PRODUCT.md §11", 15),
        new("end-of-treatment-to-ppac", IndicatorKind.Delay, IndicatorTheme.Delays, "Délai fin de traitement → PPAC", "days",
            DelayNumerator, "épisodes arrivés en fin de traitement dans la période dont le PPAC a été rédigé", "date de fin de traitement",
            "[G] 3.4 et [P] : un temps formalisé de fin de traitement, le PPAC remis ; PRODUCT.md §11", 30),
    ];

    public static readonly IReadOnlyList<IndicatorDefinition> Pathway =
    [
        new("announcement-done", IndicatorKind.Share, IndicatorTheme.Pathway, "Annonce réalisée", "percent",
            "ceux dont le temps médical d'annonce est enregistré", Episodes, "date du diagnostic", "[G] 2.2 dispositif d'annonce ; [P] objectif 7"),
        new("care-programme-delivered", IndicatorKind.Share, IndicatorTheme.Pathway, "PPS remis", "percent",
            "ceux dont un PPS a été remis au patient", "épisodes dont le premier traitement a commencé dans la période", "date du premier traitement",
            "[G] 2.3 et [P] : le PPS est remis à chaque patient"),
        new("tumor-board-before-treatment", IndicatorKind.Share, IndicatorTheme.Pathway, "RCP avant le premier traitement", "percent",
            "ceux passés en RCP au plus tard le jour du premier traitement", "épisodes dont le premier traitement a commencé dans la période", "date du premier traitement",
            "[G] 1.3 : tout dossier est présenté en RCP avant le traitement"),
        new("g8-before-tumor-board", IndicatorKind.Share, IndicatorTheme.Pathway, "G8 avant la RCP après 75 ans", "percent",
            "ceux dont un G8 a été fait au plus tard le jour de la RCP", "épisodes passés en RCP dans la période, patient de plus de 75 ans ce jour-là", "date de la première RCP",
            "[G] 1.3 dépistage oncogériatrique (G8.Required)"),
        new("fertility-information", IndicatorKind.Share, IndicatorTheme.Pathway, "Information sur la fertilité en âge de procréer", "percent",
            "ceux informés des conséquences sur la fertilité", "épisodes diagnostiqués dans la période, annonce enregistrée, patient en âge de procréer (FertilityAgeBounds)",
            "date du diagnostic", "[G] 4 « penser à la préservation de la fertilité » ; [P] objectif 8"),
        new("tobacco-cessation-offered", IndicatorKind.Share, IndicatorTheme.Pathway, "Aide au sevrage tabagique proposée aux fumeurs", "percent",
            "ceux à qui une aide au sevrage a été proposée", "épisodes diagnostiqués dans la période, annonce enregistrée, patient fumeur", "date du diagnostic",
            "[G] : le sevrage est proposé dès le diagnostic, quel que soit le stade"),
        new("social-fragility-screened", IndicatorKind.Share, IndicatorTheme.Pathway, "Fragilité sociale dépistée (EPICES)", "percent",
            "ceux dont le score EPICES est enregistré", "épisodes diagnostiqués dans la période, annonce enregistrée", "date du diagnostic",
            "[G] 2.2 et [P] : repérage précoce de la fragilité sociale à l'annonce"),
        new("ppac-at-end-of-treatment", IndicatorKind.Share, IndicatorTheme.Pathway, "PPAC à la fin du traitement", "percent",
            "ceux dont un PPAC a été rédigé", "épisodes arrivés en fin de traitement dans la période", "date de fin de traitement",
            "[G] 3.4 et [P] : le PPAC est remis à la fin des traitements actifs"),
        new("follow-up-items-on-time", IndicatorKind.Share, IndicatorTheme.Pathway, "Examens de suivi faits dans leur fenêtre", "percent",
            "ceux faits au plus tard à la fin de leur fenêtre, avec un résultat ou un compte rendu", "examens du carnet de suivi échus dans la période dont la fenêtre est close (annulés exclus)",
            "date d'échéance", "[B] carnet de surveillance alternée ; fenêtre FollowUp:OverdueDays [R]"),
        new("supportive-care-oriented", IndicatorKind.Share, IndicatorTheme.Pathway, "Patients orientés vers les soins de support", "percent",
            "ceux dont le patient a au moins une orientation vers un soin de support", Episodes, "date du diagnostic",
            "[P] objectif 7 « assurer une orientation adéquate vers les soins de support » ; [L]"),
        new("supportive-care-renounced", IndicatorKind.Share, IndicatorTheme.Pathway, "Orientations de soins de support auxquelles le patient a renoncé", "percent",
            "celles auxquelles le patient a renoncé", "orientations proposées dans la période", "date de la proposition", "[L] : le renoncement et ses raisons"),
    ];

    public static readonly IReadOnlyList<IndicatorDefinition> Coordination =
    [
        .. Enum.GetValues<ObligationCode>().Select(code => new IndicatorDefinition(
            OnTimeCode(code), IndicatorKind.Share, IndicatorTheme.Coordination, $"{code} accusée dans le délai — {ObligationCatalogue.Get(code).WhatTravels}", "percent",
            "celles accusées au plus tard à leur échéance", $"transmissions {code} à un destinataire professionnel, échues dans la période", "date d'échéance",
            $"[G] {ObligationCatalogue.Get(code).GuideSection} « coordination ville-hôpital » ; PRODUCT.md §4")),
        new("gp-delivery-delay", IndicatorKind.Delay, IndicatorTheme.Coordination, "Délai de remise au médecin traitant", "hours",
            "celles remises dans la cible", "transmissions au médecin traitant créées dans la période et remises", "date de création",
            "[G] coordination ville-hôpital ; PRODUCT.md §11 « délai médian de transmission au médecin traitant »", 24),
        new("gp-acknowledgement-delay", IndicatorKind.Delay, IndicatorTheme.Coordination, "Délai d'accusé de réception du médecin traitant", "hours",
            "celles accusées dans la cible", "transmissions au médecin traitant remises dans la période et accusées", "date de remise",
            "[G] coordination ville-hôpital ; PRODUCT.md §4 : aucune obligation satisfaite en silence", 168),
    ];

    /// <summary>
    /// Continuity in a crisis (PRODUCT.md §10, [C]): the care put off, how much of it was high priority, whether it got its
    /// new date within its priority's delay, and how late the care came. Compared before, during and after each crisis
    /// (<see cref="CrisisWindows"/>).
    /// </summary>
    public static readonly IReadOnlyList<IndicatorDefinition> Continuity =
    [
        new("deferral-high-priority", IndicatorKind.Share, IndicatorTheme.Continuity, "Soins reportés de priorité haute", "percent",
            "ceux de priorité clinique haute", "soins (rendez-vous, cures, examens du carnet) reportés dans la période", "date de la décision de report",
            "[C] « évitant les pertes de chance », l'analyse au cas par cas des bénéfices/risques ; priorités DeferralPriorities [R] (ESMO 2020)"),
        new("deferral-rescheduled-in-time", IndicatorKind.Share, IndicatorTheme.Continuity, "Soins reportés reprogrammés dans le délai de leur priorité", "percent",
            "ceux qui ont reçu leur nouvelle date au plus tard à l'échéance de leur priorité",
            "soins reportés dans la période, reprogrammés ou dont l'échéance est passée", "date de la décision de report",
            "[C] « anticiper la reprogrammation » ; délais maximaux DeferralPriorities.MaxDelayDays [R] (ESMO 2020)"),
        new("deferral-postponement", IndicatorKind.Delay, IndicatorTheme.Continuity, "Retard pris par les soins reportés", "days",
            DelayNumerator, "soins reportés dans la période et reprogrammés (de la date prévue à la nouvelle date)", "date de la décision de report",
            "[C] « anticiper la reprogrammation » ; PRODUCT.md §10 ; cible par défaut : 6 semaines, la priorité moyenne [R]", 42),
    ];

    public static readonly IReadOnlyList<IndicatorDefinition> All = [.. Delays, .. Pathway, .. Coordination, .. Continuity];

    public static string OnTimeCode(ObligationCode code) => $"obligation-{code.ToString().ToLowerInvariant()}-on-time";

    public static IndicatorDefinition Get(string code) => All.Single(d => d.Code == code);
}
