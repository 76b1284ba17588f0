using Microsoft.Extensions.Localization;
using Relais.Domain.Coordination;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;

namespace Relais.Web.Components.Shared;

/// <summary>French labels of domain values, through the localizer so that English has its own.</summary>
public static class Labels
{
    public static string Phase(PathwayPhase phase, IStringLocalizer l) => l[phase switch
    {
        PathwayPhase.Suspicion => "Suspicion",
        PathwayPhase.DiagnosisConfirmed => "Diagnostic confirmé",
        PathwayPhase.Announcement => "Annonce",
        PathwayPhase.TumorBoard => "RCP",
        PathwayPhase.CareProgramme => "PPS remis",
        PathwayPhase.ActiveTreatment => "Traitement actif",
        PathwayPhase.EndOfTreatment => "Fin de traitement actif",
        PathwayPhase.SharedFollowUp => "Suivi partagé",
        PathwayPhase.AfterCancer => "Après-cancer",
        PathwayPhase.Palliative => "Soins palliatifs",
        PathwayPhase.Deceased => "Décédé",
        PathwayPhase.MovedAway => "Parti (déménagement)",
        PathwayPhase.LostToFollowUp => "Perdu de vue",
        PathwayPhase.RuledOut => "Suspicion écartée",
        _ => phase.ToString(),
    }];

    public static string Role(CareTeamRole role, IStringLocalizer l) => l[role switch
    {
        CareTeamRole.ReferringOncologist => "Oncologue référent",
        CareTeamRole.OrganSpecialist => "Spécialiste d'organe",
        CareTeamRole.Surgeon => "Chirurgien",
        CareTeamRole.Radiotherapist => "Radiothérapeute",
        CareTeamRole.Pathologist => "Anatomopathologiste",
        CareTeamRole.Geriatrician => "Gériatre",
        CareTeamRole.NurseCoordinator => "Infirmier(e) de coordination",
        CareTeamRole.GeneralPractitioner => "Médecin traitant",
        CareTeamRole.Pharmacist => "Pharmacien",
        CareTeamRole.SupportiveCare => "Soins de support",
        CareTeamRole.TumorBoardSecretary => "Secrétariat RCP",
        _ => "Autre médecin",
    }];

    public static string Sex(Domain.Patients.Sex sex, IStringLocalizer l) => l[sex switch
    {
        Domain.Patients.Sex.Female => "Femme",
        Domain.Patients.Sex.Male => "Homme",
        Domain.Patients.Sex.Other => "Autre",
        _ => "Non renseigné",
    }];

    public static string Laterality(Domain.Episodes.Laterality value, IStringLocalizer l) => l[value switch
    {
        Domain.Episodes.Laterality.Left => "Gauche",
        Domain.Episodes.Laterality.Right => "Droite",
        Domain.Episodes.Laterality.Bilateral => "Bilatéral",
        Domain.Episodes.Laterality.NotApplicable => "Sans objet",
        _ => "Inconnue",
    }];

    public static string Basis(DiagnosisBasis value, IStringLocalizer l) => l[value switch
    {
        DiagnosisBasis.HistologyOfPrimary => "Histologie de la tumeur primitive",
        DiagnosisBasis.HistologyOfMetastasis => "Histologie d'une métastase",
        DiagnosisBasis.Cytology => "Cytologie",
        DiagnosisBasis.Biology => "Biologie (hémopathie)",
        DiagnosisBasis.ClinicalInvestigation => "Examens cliniques et paracliniques",
        DiagnosisBasis.ClinicalOnly => "Clinique seule",
        _ => "Inconnue",
    }];

    public static string Delay(string code, IStringLocalizer l) => l[code switch
    {
        "diagnosis-to-announcement" => "Diagnostic → annonce",
        "diagnosis-to-tumor-board" => "Diagnostic → RCP",
        "diagnosis-to-first-treatment" => "Diagnostic → premier traitement",
        "tumor-board-to-care-programme" => "RCP → PPS",
        _ => code,
    }];

    public static string DocumentKind(Domain.Documents.DocumentKind kind, IStringLocalizer l) => l[kind switch
    {
        Domain.Documents.DocumentKind.ExamResult => "Résultat d'examen",
        Domain.Documents.DocumentKind.PathologyReport => "Compte rendu anatomopathologique",
        Domain.Documents.DocumentKind.TumorBoardReport => "Compte rendu de RCP",
        Domain.Documents.DocumentKind.Pps => "Programme personnalisé de soins (PPS)",
        Domain.Documents.DocumentKind.Ppac => "Programme personnalisé de l'après-cancer (PPAC)",
        Domain.Documents.DocumentKind.TreatmentProtocol => "Protocole de traitement",
        Domain.Documents.DocumentKind.FollowUpProtocol => "Protocole de suivi",
        _ => "Courrier",
    }];

    /// <summary>The trigger of each obligation, as in the catalogue (PRODUCT.md §4), through the localizer.</summary>
    public static string Obligation(ObligationCode code, IStringLocalizer l) => l[code switch
    {
        ObligationCode.C1 => "Résultat d'examen complémentaire, à toute étape",
        ObligationCode.C2 => "Compte rendu d'anatomocytopathologie signé",
        ObligationCode.C3 => "Examen prescrit par le médecin traitant",
        ObligationCode.C4 => "Avant l'annonce du diagnostic",
        ObligationCode.C5 => "PPS remis ou révisé",
        ObligationCode.C6 => "Dossier inscrit en RCP",
        ObligationCode.C7 => "RCP tenue",
        ObligationCode.C8 => "Début du traitement",
        ObligationCode.C9 => "Événement intercurrent entre deux cures",
        ObligationCode.C10 => "Besoin en soins de support",
        ObligationCode.C11 => "Fin du traitement actif",
        ObligationCode.C12 => "Début du suivi",
        ObligationCode.C13 => "Événement pendant le suivi",
        ObligationCode.C14 => "Suspicion de récidive",
        _ => "Phase palliative",
    }];

    /// <summary>Who receives under an obligation, in words (for the explanation on the upload form).</summary>
    public static string Recipients(RecipientKinds kinds, IStringLocalizer l) => string.Join(", ",
        new[] { RecipientKinds.GeneralPractitioner, RecipientKinds.Patient, RecipientKinds.Pharmacist, RecipientKinds.SpecialistTeam }
            .Where(k => kinds.HasFlag(k)).Select(k => RecipientKind(k, l)));

    public static string RecipientKind(RecipientKinds kind, IStringLocalizer l) => l[kind switch
    {
        RecipientKinds.GeneralPractitioner => "le médecin traitant",
        RecipientKinds.Patient => "le patient",
        RecipientKinds.Pharmacist => "le pharmacien",
        RecipientKinds.SpecialistTeam => "l'équipe hospitalière",
        _ => "un autre destinataire",
    }];

    public static string TransmissionStatus(Domain.Coordination.TransmissionStatus status, IStringLocalizer l) => l[status switch
    {
        Domain.Coordination.TransmissionStatus.Pending => "En attente d'envoi",
        Domain.Coordination.TransmissionStatus.Delivered => "Reçu",
        Domain.Coordination.TransmissionStatus.Acknowledged => "Pris connaissance",
        Domain.Coordination.TransmissionStatus.Late => "En retard",
        _ => "Échec de l'envoi",
    }];

    public static string EventKind(ClinicalEventKind kind, IStringLocalizer l) => l[kind switch
    {
        ClinicalEventKind.BetweenCycles => "Événement entre deux cures",
        ClinicalEventKind.DuringFollowUp => "Événement pendant le suivi",
        _ => "Suspicion de récidive",
    }];

    /// <summary>CTCAE v5 grades in short French words.</summary>
    public static string Grade(int grade, IStringLocalizer l) => l[grade switch
    {
        1 => "léger",
        2 => "modéré",
        3 => "sévère",
        4 => "menace vitale",
        _ => "décès",
    }];

    public static string Thread(Domain.Messaging.ThreadKind thread, IStringLocalizer l) => l[thread switch
    {
        Domain.Messaging.ThreadKind.CareTeam => "Fil de l'équipe de soins",
        _ => "Fil du patient avec l'équipe",
    }];

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy");

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Instant(DateTimeOffset instant) => Clock.ToParis(instant).ToString("dd/MM/yyyy HH:mm");
}
