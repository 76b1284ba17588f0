namespace Relais.Domain.Coordination;

/// <summary>
/// The catalogue C1–C15 as data (PRODUCT.md §4, [G] "COORDINATION VILLE-HÔPITAL"). Due delays are
/// defaults [R] that an organisation can override; they are the time within which the recipient
/// should have acknowledged ("pris connaissance") what was sent.
/// </summary>
public static class ObligationCatalogue
{
    private static readonly Channels Both = Channels.InApp | Channels.SecureMail;

    public static readonly IReadOnlyList<Obligation> All =
    [
        new(ObligationCode.C1, "Résultat d'examen complémentaire, à toute étape", SenderSide.Team, RecipientKinds.GeneralPractitioner,
            "Le résultat de l'examen", TimeSpan.FromDays(7), Both, "1.1"),
        new(ObligationCode.C2, "Compte rendu d'anatomocytopathologie signé", SenderSide.Team, RecipientKinds.GeneralPractitioner,
            "Le compte rendu anatomocytopathologique", TimeSpan.FromDays(3), Both, "1.1"),
        new(ObligationCode.C3, "Examen prescrit par le médecin traitant", SenderSide.GeneralPractitioner, RecipientKinds.SpecialistTeam,
            "Le résultat de l'examen", TimeSpan.FromDays(7), Both, "1.1"),
        // [G] 1.2: the GP is contacted before the announcement, to be informed and to give the patient's context.
        new(ObligationCode.C4, "Avant l'annonce du diagnostic", SenderSide.Either, RecipientKinds.GeneralPractitioner | RecipientKinds.SpecialistTeam,
            "Le diagnostic ; en retour, le contexte socio-professionnel, familial et psychologique du patient", TimeSpan.FromDays(2), Both, "1.2"),
        new(ObligationCode.C5, "PPS remis ou révisé", SenderSide.Team, RecipientKinds.GeneralPractitioner | RecipientKinds.Patient,
            "Le programme personnalisé de soins", TimeSpan.FromDays(7), Both, "1.2"),
        new(ObligationCode.C6, "Dossier inscrit en RCP", SenderSide.TumorBoardSecretariat, RecipientKinds.GeneralPractitioner,
            "La date de la RCP et l'invitation à y contribuer", TimeSpan.FromDays(2), Both, "1.3"),
        // [G] 1.3: the RCP report is sent to the GP systematically.
        new(ObligationCode.C7, "RCP tenue", SenderSide.TumorBoardSecretariat, RecipientKinds.GeneralPractitioner,
            "Le compte rendu de RCP", TimeSpan.FromDays(7), Both, "1.3"),
        new(ObligationCode.C8, "Début du traitement", SenderSide.Team, RecipientKinds.GeneralPractitioner | RecipientKinds.Pharmacist,
            "Le protocole, les complications les plus fréquentes, les conseils", TimeSpan.FromDays(2), Both, "2.5"),
        new(ObligationCode.C9, "Événement intercurrent entre deux cures", SenderSide.GeneralPractitioner, RecipientKinds.SpecialistTeam,
            "L'événement et les traitements administrés", TimeSpan.FromDays(1), Both, "2.5",
            UrgentDueDelay: TimeSpan.FromHours(4),
            DelaySource: "[G] 2.5 : les événements de l'inter-cure sont transmis à l'équipe spécialisée ; [R] un grade CTCAE ≥ 3 "
                + "(neutropénie fébrile...) peut faire reporter ou modifier la cure suivante : pris en charge dans la demi-journée (4 h)."),
        new(ObligationCode.C10, "Besoin en soins de support", SenderSide.Either, RecipientKinds.GeneralPractitioner | RecipientKinds.SpecialistTeam,
            "L'anticipation et la prise en charge du besoin", TimeSpan.FromDays(7), Both, "2.2"),
        new(ObligationCode.C11, "Fin du traitement actif", SenderSide.TeamWithGp, RecipientKinds.GeneralPractitioner | RecipientKinds.Patient,
            "Le programme personnalisé de l'après-cancer (PPAC)", TimeSpan.FromDays(7), Both, "3.4"),
        new(ObligationCode.C12, "Début du suivi", SenderSide.Team, RecipientKinds.GeneralPractitioner,
            "Le protocole de traitement et de suivi, les complications tardives", TimeSpan.FromDays(7), Both, "3.5"),
        new(ObligationCode.C13, "Événement pendant le suivi", SenderSide.GeneralPractitioner, RecipientKinds.SpecialistTeam,
            "L'événement", TimeSpan.FromDays(3), Both, "3.5",
            UrgentDueDelay: TimeSpan.FromDays(1),
            DelaySource: "[R] un événement grave (grade CTCAE ≥ 3) pendant le suivi ne peut attendre le prochain rendez-vous : pris en charge sous 24 h."),
        // [G] 3.3: a suspected recurrence is referred back to the specialist, then discussed in RCP. Always
        // urgent: the team's owner takes it within a day; seeing the patient is the referral task's own due date
        // (ReferralTask.DefaultDueDays). The GP has his copy whoever raised it (the team, a laboratory result,
        // the patient's own report).
        new(ObligationCode.C14, "Suspicion de récidive", SenderSide.GeneralPractitioner, RecipientKinds.SpecialistTeam | RecipientKinds.GeneralPractitionerCopy,
            "L'adressage au spécialiste, puis la RCP", TimeSpan.FromDays(1), Both, "3.3", Urgent: true,
            DelaySource: "[G] 3.3 : le patient « sera alors réadressé rapidement à l'équipe spécialisée » ; [R] pris en charge sous 24 h, "
                + "le patient revu dans les 7 jours (demande d'avis)."),
        new(ObligationCode.C15, "Phase palliative", SenderSide.Either, RecipientKinds.GeneralPractitioner | RecipientKinds.SpecialistTeam,
            "La prise en charge symptomatique ambulatoire en lien", TimeSpan.FromDays(2), Both, "2.6"),
    ];

    public static Obligation Get(ObligationCode code) => All[(int)code - 1];

    /// <summary>
    /// Who receives when a given side sends. For the two-way obligations (C4, C10, C15: "GP ↔ team")
    /// each side sends to the other, never to itself; the GP's copy (C14) goes only to a GP who did not raise it.
    /// </summary>
    public static RecipientKinds RecipientsWhenSentBy(ObligationCode code, bool senderIsGeneralPractitioner)
    {
        var kinds = Get(code).Recipients;
        if (kinds.HasFlag(RecipientKinds.GeneralPractitioner) && kinds.HasFlag(RecipientKinds.SpecialistTeam))
            kinds &= senderIsGeneralPractitioner ? ~RecipientKinds.GeneralPractitioner : ~RecipientKinds.SpecialistTeam;
        // The GP who raised the signal himself needs no copy of it.
        if (senderIsGeneralPractitioner) kinds &= ~RecipientKinds.GeneralPractitionerCopy;
        return kinds;
    }

    /// <summary>The due delay for an organisation: its own setting when it has one, else the default.</summary>
    public static TimeSpan DueDelay(ObligationCode code, IReadOnlyDictionary<ObligationCode, TimeSpan>? overrides) =>
        overrides is not null && overrides.TryGetValue(code, out var delay) ? delay : Get(code).DefaultDueDelay;

    /// <summary>The due delay of one transmission: an urgent one is due within the obligation's urgent delay when it is shorter.</summary>
    public static TimeSpan DueDelay(ObligationCode code, IReadOnlyDictionary<ObligationCode, TimeSpan>? overrides, bool urgent) =>
        Get(code).DueDelayFor(urgent, DueDelay(code, overrides));
}
