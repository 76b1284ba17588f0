using Microsoft.Extensions.Localization;
using Relais.Domain.Coordination;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;

namespace Relais.Web.Components.Kit;

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

    public static string Role(CareTeamRole role, IStringLocalizer l) => l[CareTeamRoleLabels.French(role)];

    public static string Sex(Domain.Patients.Sex sex, IStringLocalizer l) => l[sex switch
    {
        Domain.Patients.Sex.Female => "Femme",
        Domain.Patients.Sex.Male => "Homme",
        Domain.Patients.Sex.Other => "Autre",
        _ => "Non renseigné",
    }];

    public static string IdentityStatus(Domain.Patients.IdentityStatus status, IStringLocalizer l) => l[status switch
    {
        Domain.Patients.IdentityStatus.Recovered => "Identité récupérée",
        Domain.Patients.IdentityStatus.Validated => "Identité validée",
        Domain.Patients.IdentityStatus.Qualified => "Identité qualifiée",
        _ => "Identité provisoire",
    }];

    public static string IdentityDocument(Domain.Patients.IdentityDocumentKind kind, IStringLocalizer l) => l[kind switch
    {
        Domain.Patients.IdentityDocumentKind.Passport => "Passeport",
        Domain.Patients.IdentityDocumentKind.NationalIdentityCard => "Carte nationale d'identité",
        Domain.Patients.IdentityDocumentKind.ResidencePermit => "Titre de séjour",
        Domain.Patients.IdentityDocumentKind.BirthCertificate => "Extrait d'acte de naissance",
        _ => "Livret de famille",
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
        new[] { RecipientKinds.GeneralPractitioner, RecipientKinds.Patient, RecipientKinds.Pharmacist, RecipientKinds.SpecialistTeam, RecipientKinds.GeneralPractitionerCopy }
            .Where(k => kinds.HasFlag(k)).Select(k => RecipientKind(k, l)));

    public static string RecipientKind(RecipientKinds kind, IStringLocalizer l) => l[kind switch
    {
        RecipientKinds.GeneralPractitioner => "le médecin traitant",
        RecipientKinds.Patient => "le patient",
        RecipientKinds.Pharmacist => "le pharmacien",
        RecipientKinds.SpecialistTeam => "l'équipe hospitalière",
        RecipientKinds.GeneralPractitionerCopy => "le médecin traitant, en copie",
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

    /// <summary>Specialties of professionals, capitalised for tables and choices (the domain's lower-case words go into sentences).</summary>
    public static string Specialty(Domain.Professionals.Specialty specialty, IStringLocalizer l) => l[specialty switch
    {
        Domain.Professionals.Specialty.MedicalOncology => "Oncologie médicale",
        Domain.Professionals.Specialty.Radiotherapy => "Radiothérapie",
        Domain.Professionals.Specialty.Surgery => "Chirurgie",
        Domain.Professionals.Specialty.Gynaecology => "Gynécologie",
        Domain.Professionals.Specialty.Gastroenterology => "Gastro-entérologie",
        Domain.Professionals.Specialty.Pulmonology => "Pneumologie",
        Domain.Professionals.Specialty.Urology => "Urologie",
        Domain.Professionals.Specialty.Haematology => "Hématologie",
        Domain.Professionals.Specialty.Dermatology => "Dermatologie",
        Domain.Professionals.Specialty.OtherOrganSpecialty => "Autre spécialité d'organe",
        Domain.Professionals.Specialty.Pathology => "Anatomopathologie",
        Domain.Professionals.Specialty.Radiology => "Radiologie",
        Domain.Professionals.Specialty.NuclearMedicine => "Médecine nucléaire",
        Domain.Professionals.Specialty.Geriatrics => "Gériatrie",
        Domain.Professionals.Specialty.Paediatrics => "Pédiatrie",
        Domain.Professionals.Specialty.GeneralPractice => "Médecine générale",
        Domain.Professionals.Specialty.Nursing => "Soins infirmiers",
        Domain.Professionals.Specialty.Psychology => "Psychologie",
        Domain.Professionals.Specialty.Dietetics => "Diététique",
        Domain.Professionals.Specialty.AdaptedPhysicalActivity => "Activité physique adaptée",
        Domain.Professionals.Specialty.Physiotherapy => "Kinésithérapie",
        Domain.Professionals.Specialty.SocialWork => "Service social",
        Domain.Professionals.Specialty.Pharmacy => "Pharmacie",
        Domain.Professionals.Specialty.Administration => "Secrétariat",
        _ => "Spécialité non renseignée",
    }];

    /// <summary>The specialty stored as the enum's name (directory of professionals).</summary>
    public static string Specialty(string? name, IStringLocalizer l) =>
        Enum.TryParse<Domain.Professionals.Specialty>(name, out var s) ? Specialty(s, l) : name ?? "";

    public static string Presence(Domain.TumorBoards.Presence presence, IStringLocalizer l) => l[presence switch
    {
        Domain.TumorBoards.Presence.OnSite => "Sur place",
        Domain.TumorBoards.Presence.Remote => "À distance",
        _ => "Absent(e)",
    }];

    public static string CaseKind(Domain.TumorBoards.CaseKind kind, IStringLocalizer l) => l[kind switch
    {
        Domain.TumorBoards.CaseKind.Discussed => "Discuté en réunion",
        _ => "Enregistrement simple",
    }];

    public static string RegisteredOnlyReason(Domain.TumorBoards.RegisteredOnlyReason reason, IStringLocalizer l) => l[reason switch
    {
        Domain.TumorBoards.RegisteredOnlyReason.ValidatedGuideline => "Traitement validé par le référentiel",
        _ => "Urgence",
    }];

    public static string CaseStatus(Domain.TumorBoards.CaseStatus status, IStringLocalizer l) => l[status switch
    {
        Domain.TumorBoards.CaseStatus.Registered => "Inscrit",
        Domain.TumorBoards.CaseStatus.Decided => "Décision rendue",
        _ => "Retiré",
    }];

    public static string MeetingStatus(Domain.TumorBoards.MeetingStatus status, IStringLocalizer l) => l[status switch
    {
        Domain.TumorBoards.MeetingStatus.Planned => "Planifiée",
        Domain.TumorBoards.MeetingStatus.Held => "Tenue",
        _ => "Annulée",
    }];

    public static string TreatmentKind(Domain.Programmes.TreatmentKind kind, IStringLocalizer l) => l[Domain.Programmes.TreatmentKindLabels.French(kind)];

    public static string NursingTime(Domain.Announcements.NursingTime state, IStringLocalizer l) => l[state switch
    {
        Domain.Announcements.NursingTime.Offered => "Proposé",
        Domain.Announcements.NursingTime.Accepted => "Accepté par le patient",
        Domain.Announcements.NursingTime.Declined => "Refusé par le patient",
        _ => "Pas encore proposé",
    }];

    public static string Tobacco(Domain.Announcements.TobaccoStatus status, IStringLocalizer l) => l[status switch
    {
        Domain.Announcements.TobaccoStatus.Never => "Non-fumeur",
        Domain.Announcements.TobaccoStatus.Former => "Ancien fumeur",
        Domain.Announcements.TobaccoStatus.Current => "Fumeur actuel",
        _ => "Non renseigné",
    }];

    /// <summary>The oncofertility referral's steps, worded by the domain.</summary>
    public static string FertilityReferral(Domain.Announcements.FertilityReferral step, IStringLocalizer l) => l[Domain.Announcements.Fertility.Label(step)];

    /// <summary>The steps of the announcement checklist, by their stable code.</summary>
    public static string AnnouncementStep(Domain.Announcements.ChecklistItem item, IStringLocalizer l) => l[item.Code switch
    {
        "gp-contacted" => "Médecin traitant contacté avant l'annonce (C4)",
        "gp-context" => "Contexte socio-professionnel, familial et psychologique reçu du médecin traitant",
        "medical-time" => "Temps médical d'annonce",
        "nursing-time" => "Temps soignant proposé (accepté ou refusé)",
        "supportive-care" => "Besoins en soins de support évalués",
        "social-fragility" => "Fragilité sociale dépistée (EPICES)",
        "social-worker" => "Orientation vers l'assistant(e) social(e)",
        "fertility" => "Information sur la fertilité et sa préservation",
        "fertility-referral" => "Préservation de la fertilité proposée (CECOS, plateforme)",
        "contraception" => "Conseil de contraception",
        "tobacco" => "Statut tabagique renseigné",
        "cessation" => "Aide au sevrage tabagique proposée",
        "trusted-person" => "Information sur la personne de confiance",
        "advance-directives" => "Information sur les directives anticipées",
        _ => item.Label,
    }];

    /// <summary>A lower-case word of the resources (« oui ») at the start of a label.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Instant(DateTimeOffset instant) => Clock.ToParis(instant).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
