using Microsoft.Extensions.Localization;
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

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy");

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Instant(DateTimeOffset instant) => Clock.ToParis(instant).ToString("dd/MM/yyyy HH:mm");
}
