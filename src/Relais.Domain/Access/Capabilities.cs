using Relais.Domain.Documents;
using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;

namespace Relais.Domain.Access;

/// <summary>
/// The roles of PRODUCT.md §2, named as the accounts carry them (the identity role names, which the audit rows and
/// the API show as they are).
/// </summary>
public static class UserRoles
{
    public const string HospitalClinician = "HospitalClinician";
    public const string NurseCoordinator = "NurseCoordinator";
    public const string GeneralPractitioner = "GeneralPractitioner";
    public const string SupportiveCare = "SupportiveCare";
    public const string Pharmacist = "Pharmacist";
    public const string TumorBoardSecretary = "TumorBoardSecretary";
    public const string QualityCoordinator = "QualityCoordinator";
    public const string Patient = "Patient";
    public const string TrustedPerson = "TrustedPerson";
    /// <summary>
    /// A caregiver the patient delegated portal access to (PRODUCT.md §2 "a caregiver the patient delegates portal
    /// access to"): distinct from the personne de confiance (<see cref="TrustedPerson"/>), which by itself opens nothing.
    /// </summary>
    public const string Caregiver = "Caregiver";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
    [
        HospitalClinician, NurseCoordinator, GeneralPractitioner, SupportiveCare, Pharmacist,
        TumorBoardSecretary, QualityCoordinator, Patient, TrustedPerson, Caregiver, Administrator,
    ];
}

/// <summary>What a line of the table asks of the user's specialty besides the role.</summary>
public enum SpecialtyCondition
{
    Any,
    /// <summary>A physician of a specialty that takes medical decisions (<see cref="Quorum.IsDecisionSpecialty"/>): not the GP, not a nurse.</summary>
    Physician,
    /// <summary>An anatomopathologist.</summary>
    Pathologist,
}

/// <summary>One line of the capability × role table, with the text it comes from.</summary>
public sealed record CapabilityLine(string Role, Capability Capability, SpecialtyCondition Condition, string Source);

/// <summary>
/// The capability × role table of PRODUCT.md §2, defined once: the endpoints and pages, <c>GET /api/me</c>
/// and the administrators' page all read it. A capability some context also limits (the physician present
/// at the tumor board, the last referring physician of a team) is checked again by its use case.
/// </summary>
public static class Capabilities
{
    private const string Team = "PRODUCT.md §2: a care-team member reads and completes the record of their patients";
    private const string Hospital = "PRODUCT.md §2 hospital clinician: oncologist, organ specialist, surgeon, radiotherapist, pathologist";
    private const string Nurse = "PRODUCT.md §2 nurse coordinator (IDEC): coordination, announcement nursing time, worklists [G][P]";
    private const string Gp = "PRODUCT.md §2 GP: the patient's declared GP, coordination C1–C15 [G]";
    private const string Pharmacist = "PRODUCT.md §2 pharmacist: the treatment protocol and side-effect advice (C8) [G][P]";
    private const string Secretary = "PRODUCT.md §2 tumor board secretary: meetings, registered cases, report distribution [G]";
    private const string Support = "PRODUCT.md §2 supportive care: only what their referral grants and the patient shares [G][L]";
    private const string PatientSelf = "PRODUCT.md §2 patient: their own record, plans, calendar, documents, messages; reports symptoms";
    private const string Caregiver = "PRODUCT.md §2 caregiver: what the patient grants (their delegation's sections, AccessRule)";
    private const string Admin = "PRODUCT.md §2 administrator: users, organisations, templates; never clinical content";

    private static readonly string[] CareRoles = [UserRoles.HospitalClinician, UserRoles.NurseCoordinator, UserRoles.GeneralPractitioner];

    public static readonly IReadOnlyList<CapabilityLine> Table = Build();

    private static List<CapabilityLine> Build()
    {
        var lines = new List<CapabilityLine>();
        void Add(Capability c, string source, params string[] roles) =>
            lines.AddRange(roles.Select(r => new CapabilityLine(r, c, SpecialtyCondition.Any, source)));
        void AddIf(Capability c, SpecialtyCondition condition, string source, string role) => lines.Add(new CapabilityLine(role, c, condition, source));

        // Reads: the hospital team, the GP and the patient read the whole record [G] "dossier partagé"; the
        // pharmacist reads identity, treatment (C8), inter-cure events and the labs safe dispensing of oral
        // anticancer drugs needs (renal and hepatic function, blood counts) [G] 3.2 / [P] — not the pathology
        // report, the deliberations or the psychological notes. The secretary prepares the cases: identity,
        // documents and deliberations, no labs, no psychological notes.
        Add(Capability.ReadRecord, Team, [.. CareRoles, UserRoles.Pharmacist, UserRoles.TumorBoardSecretary, UserRoles.SupportiveCare, UserRoles.Patient]);
        Add(Capability.ReadDocuments, Team + "; " + Caregiver, [.. CareRoles, UserRoles.Pharmacist, UserRoles.TumorBoardSecretary, UserRoles.SupportiveCare, UserRoles.Patient, UserRoles.Caregiver]);
        Add(Capability.ReadTransmissions, Team, [.. CareRoles, UserRoles.Pharmacist, UserRoles.TumorBoardSecretary, UserRoles.SupportiveCare, UserRoles.Patient]);
        Add(Capability.ReadTreatment, Pharmacist, [.. CareRoles, UserRoles.Pharmacist, UserRoles.SupportiveCare, UserRoles.Patient]);
        Add(Capability.ReadLabs, Pharmacist, [.. CareRoles, UserRoles.Pharmacist, UserRoles.Patient]);
        Add(Capability.ReadEvents, Pharmacist, [.. CareRoles, UserRoles.Pharmacist, UserRoles.Patient]);
        Add(Capability.ReadMessages, Team + "; " + Caregiver, [.. CareRoles, UserRoles.Pharmacist, UserRoles.SupportiveCare, UserRoles.Patient, UserRoles.Caregiver]);
        Add(Capability.ReadPathology, Hospital + "; the GP receives it (C2); the secretary files it for the case", [.. CareRoles, UserRoles.TumorBoardSecretary, UserRoles.Patient]);
        Add(Capability.ReadTumorBoardDeliberation, Secretary + "; the GP receives the report (C7)", [.. CareRoles, UserRoles.TumorBoardSecretary, UserRoles.Patient]);
        Add(Capability.ReadPsychologicalNotes, "[G] 2.2 announcement: the GP's family and psychological context, the supportive-care needs — the physicians and nurses of the announcement", [.. CareRoles, UserRoles.SupportiveCare, UserRoles.Patient]);
        Add(Capability.ReadCarnet, "[B] the Carnet de Surveillance Alternée is shared by the team, the GP, the pharmacist and the patient; " + Caregiver,
            [.. CareRoles, UserRoles.Pharmacist, UserRoles.SupportiveCare, UserRoles.Patient, UserRoles.Caregiver]);
        Add(Capability.ReadSupportiveCare, "[G] 2.2 supportive care: needs assessed and re-assessed by the team and the GP; " + Support + "; PRODUCT.md §8 the GP sees every referral",
            [.. CareRoles, UserRoles.SupportiveCare, UserRoles.Patient]);
        Add(Capability.ReadAccessLog, "PRODUCT.md §2: the patient can see who accessed the record; the treating team answers for it", [.. CareRoles, UserRoles.Patient]);

        // Writes.
        Add(Capability.WriteMessage, Team + "; " + Pharmacist + " writes messages; " + Caregiver, [.. CareRoles, UserRoles.Pharmacist, UserRoles.SupportiveCare, UserRoles.Patient, UserRoles.Caregiver]);
        Add(Capability.ReportClinicalEvent, Gp + " C9, C13, C14", [.. CareRoles]);
        Add(Capability.WritePharmaceuticalObservation, Pharmacist + ": a side effect, an interaction or an adherence problem reaches the team between cycles (C9)", [.. CareRoles, UserRoles.Pharmacist]);
        Add(Capability.ReportSymptoms, PatientSelf + "; the GP reports early-return criteria [G] 3.3", UserRoles.Patient, UserRoles.GeneralPractitioner, UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.ManageCalendarFeeds, PatientSelf + " (calendar)", [.. CareRoles, UserRoles.Patient]);
        Add(Capability.RegisterPatient, Team + "; " + Secretary + " (registers the patient of a case)", [.. CareRoles, UserRoles.TumorBoardSecretary]);
        Add(Capability.EditIdentity, Team + "; " + Secretary + " (identity is administrative, not clinical)", [.. CareRoles, UserRoles.TumorBoardSecretary]);
        Add(Capability.RecordPathway, Team + " (the pathway's steps)", [.. CareRoles]);
        Add(Capability.ManageCareTeam, Hospital + "; " + Nurse + "; " + Gp + " (the team that treats builds the team)", [.. CareRoles]);
        Add(Capability.EndOwnMembership, "Issue 11: every member ends their own membership", [.. CareRoles, UserRoles.Pharmacist, UserRoles.TumorBoardSecretary, UserRoles.SupportiveCare]);
        Add(Capability.WriteDocument, Team + "; supportive care files its own reports", [.. CareRoles, UserRoles.SupportiveCare]);
        Add(Capability.SignDocument, Team + " (exam results, letters: C1, C3)", [.. CareRoles]);
        AddIf(Capability.SignPathologyReport, SpecialtyCondition.Pathologist, "[G] 1.2: the pathology report is the pathologist's (C2)", UserRoles.HospitalClinician);
        Add(Capability.SendTransmission, Team + "; " + Secretary + " (C6 registration)", [.. CareRoles, UserRoles.TumorBoardSecretary]);
        Add(Capability.HandleTeamSignals, Nurse + "; the referring physician owns the team's queue", UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.CloseReferral, Team, [.. CareRoles]);
        Add(Capability.WriteAnnouncement, "[G] 2.2 announcement: medical time, nursing time, the GP's context", [.. CareRoles]);
        Add(Capability.RecordG8, "[G] oncogeriatric screening before the RCP, by a physician or a nurse", [.. CareRoles]);
        Add(Capability.OrganiseTumorBoard, Secretary + "; clinicians and nurse coordinators organise too", UserRoles.TumorBoardSecretary, UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.ContributeToTumorBoard, "[G] 1.3: the GP is invited and contributes", UserRoles.GeneralPractitioner, UserRoles.HospitalClinician);
        AddIf(Capability.RecordTumorBoardDecision, SpecialtyCondition.Physician, "[G] 1.3: the decision is taken by the physicians of the decision specialties present (TumorBoardCase.Decide checks the meeting)", UserRoles.HospitalClinician);
        AddIf(Capability.SignProgramme, SpecialtyCondition.Physician, "[G] 2.3 / [P]: the PPS and the PPAC are written by the referring hospital physician", UserRoles.HospitalClinician);
        Add(Capability.ContributeToAfterCancerProgramme, "[G] 3 / PRODUCT.md §6: the PPAC is drawn up by the specialist team together with the GP (the use case checks he is the patient's GP)",
            UserRoles.GeneralPractitioner);
        Add(Capability.HandOverProgramme, "[G] 2.3: the PPS is handed to the patient by the team or the GP", [.. CareRoles]);
        Add(Capability.StartTreatmentPhase, Hospital + "; " + Nurse, UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.RecordLabResult, Team + " (laboratory results)", [.. CareRoles]);
        Add(Capability.ManageFollowUp, "[G] 3: shared follow-up between the team and the GP (carnet, alerts)", [.. CareRoles]);
        Add(Capability.ValidateProtocol, "[G] 3: a follow-up protocol is validated by the specialist and the GP", UserRoles.HospitalClinician, UserRoles.GeneralPractitioner);
        Add(Capability.OpenBreakGlass, "PRODUCT.md §2: emergency access outside the team, for health professionals", [.. CareRoles, UserRoles.Pharmacist, UserRoles.SupportiveCare]);
        Add(Capability.ManageAccessGrants, Hospital + "; " + Nurse + " (a referral to supportive care grants a scope)", UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.OpenPortalAccount, "Issue 11: a care-team member opens the patient's portal account from the record (PRODUCT.md §2 patient: their own record, plans, documents)", [.. CareRoles]);
        Add(Capability.RecordAld, "[G] 1.4: the GP who is médecin traitant requests the ALD 30; in an emergency the hospital physician draws up the protocol — the team records what the fund notified", [.. CareRoles]);
        Add(Capability.TriageSymptomAlerts, Hospital + "; " + Nurse + " — issue 14: the patients' symptom alerts are triaged by the nurse coordinator and the hospital clinicians (CAPRI nurse navigation)",
            UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.SendQuestionnaire, Team + " — issue 14: a questionnaire is assigned per phase, per follow-up protocol where the team chooses it, or sent once", [.. CareRoles]);
        Add(Capability.ManageSupportiveCare, "[G] 2.2: the needs are assessed at the announcement, the end of treatment and any visit, by the team and the GP, who refer [L]", [.. CareRoles]);
        Add(Capability.FollowSupportiveReferral, Support + "; [L] the provider writes back, no inverted circuit", UserRoles.SupportiveCare);
        Add(Capability.ChooseOwnGeneralPractitioner, PatientSelf + " — issue 11: the declared GP is the patient's choice, changed by the patient or with their agreement", UserRoles.Patient);
        Add(Capability.PrescribePostCancerPackage, "CSP R.1415-1-12 (décret 2020-1665): the cancer specialists, a paediatrician or the médecin traitant prescribe — "
            + "the hospital physicians and the GP hold it, PostCancerPackage.MayPrescribe narrows it to their specialty", UserRoles.HospitalClinician, UserRoles.GeneralPractitioner);
        Add(Capability.RecordPostCancerPackageAct, Support + "; décret 2020-1665: the structure the package names delivers and records its assessments and consultations",
            UserRoles.SupportiveCare);
        AddIf(Capability.RecordContinuingTreatment, SpecialtyCondition.Physician, "Issue 16 / [G] §3: the hospital physician records the treatment that continues "
            + "(hormone therapy, maintenance) at the end of treatment and after; a change re-issues the PPAC, which he signs", UserRoles.HospitalClinician);
        Add(Capability.ReportTreatmentTolerance, "[B] early return on \"intolérances ou effets secondaires des thérapeutiques\": reported by the patient, the GP, "
            + "the pharmacist (" + Pharmacist + ") or the team", [.. CareRoles, UserRoles.Pharmacist, UserRoles.Patient]);
        Add(Capability.ManageAppointments, Hospital + "; " + Nurse + " — issue 14 point 7: the team plans the appointments and treatment cycles of the PPS",
            UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.DeferCare, "[C] / PRODUCT.md §10: the oncology team decides case by case what is deferred, with which priority, and re-schedules it — "
            + Hospital + "; " + Nurse, UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.ManageOncogenetics, "[G] §1.1: the GP \"peut contribuer à identifier une prédisposition génétique ... voire à orienter vers une consultation d'oncogénétique\", "
            + "the team refers too; issue 16: the referral is tracked to its result by the team and the GP", [.. CareRoles]);
        Add(Capability.ManageExpertReview, Hospital + "; " + Nurse + " — [G] §1.1 and §1: the rare cancer's second reading by expert pathologists and its expert network's board are the hospital team's",
            UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        AddIf(Capability.LiftLiveVaccineWarning, SpecialtyCondition.Physician, "[G] §1.4: live vaccines are contraindicated during and at least 6 months after chemotherapy — "
            + "issue 15 point 3: only the oncology team lifts the warning (LiveVaccines.EnsureLiftable), " + Hospital, UserRoles.HospitalClinician);
        Add(Capability.ManagePrevention, "[G] §3.6–3.7: the GP and the team keep up tobacco abstinence, offer cessation support, advise activity and weight; "
            + "the organised screenings go on (issue 16 point 4)", [.. CareRoles]);
        Add(Capability.ManageAdministrativeSteps, "[G] §1.4 and §2.7: the GP and the team search an occupational exposure, write the initial certificate, prescribe and renew "
            + "the enteral nutrition, accompany sick leave, part-time return, invalidity and insurance (issue 15 point 3)", [.. CareRoles]);
        Add(Capability.RecordTrialParticipation, "[G] §1.3 « essais cliniques »: the team informs the patient of every option including trials and collects the written consent; "
            + Hospital + "; " + Nurse + " — the withdrawal, any time, is recorded by them too", UserRoles.HospitalClinician, UserRoles.NurseCoordinator);
        Add(Capability.ReleaseToPortal, "Issue 14 §3: results, documents and alerts reach the portal once a clinician released them, the one who tells the patient — "
            + Hospital + "; " + Gp + " (he may tell a result of the follow-up he shares)", UserRoles.HospitalClinician, UserRoles.GeneralPractitioner);
        Add(Capability.ReadPalliative, "[G] §2.6: the GP treats the symptoms at home in liaison with the team (C15), the nurses at home and the palliative team read the plan; "
            + "whoever is called out of hours reads it through break-the-glass; " + Support + "; " + PatientSelf, [.. CareRoles, UserRoles.SupportiveCare, UserRoles.Patient]);
        Add(Capability.WritePalliativePlan, "[G] §2.6: the oncology team, the palliative team and the GP write the symptom plan and the anticipated personalised prescriptions; "
            + "a supportive-care account writes only as a member of a palliative team, unit or HAD holding the palliative part (PalliativePlan checks it)",
            [.. CareRoles, UserRoles.SupportiveCare]);
        Add(Capability.PrescribeHad, "[G] §2.6: « La demande d'HAD est faite par le médecin généraliste ou le médecin hospitalier (dans ce cas avec l'accord du médecin généraliste) »",
            UserRoles.HospitalClinician, UserRoles.GeneralPractitioner);
        Add(Capability.DecideHadAdmission, "[G] §2.6: « l'admission en HAD est ensuite décidée par le médecin coordinateur du service HAD » — a member of the requested HAD (ManageHad checks it)",
            UserRoles.SupportiveCare);
        Add(Capability.ManageCaregivers, "[G] §2.6 « La place des aidants est déterminante »; [L] the caregivers identified by the team and the GP", [.. CareRoles]);
        Add(Capability.DelegatePortalAccess, PatientSelf + "; " + Caregiver + " — chosen and revoked by the patient alone", UserRoles.Patient);

        Add(Capability.ReadAggregates, "PRODUCT.md §2 quality coordinator (3C or DSRC): aggregate indicators only; §11 the indicators dashboard, small cells masked (issue 15)",
            UserRoles.QualityCoordinator);
        Add(Capability.SwitchCrisisMode, "[C]: a COVID referent in each 3C, territorial cooperation under the ARS — the quality coordinator (3C) switches a territory's crisis mode",
            UserRoles.QualityCoordinator);
        Add(Capability.AdministerUsers, Admin, UserRoles.Administrator);
        Add(Capability.ReviewBreakGlass, Admin + "; break-the-glass is flagged for review", UserRoles.Administrator);
        Add(Capability.VerifyAudit, Admin + "; the audit chain", UserRoles.Administrator);
        Add(Capability.PurgeAudit, Admin + "; SECURITY.md promise 3: the retention purge, itself audited and signed", UserRoles.Administrator);
        Add(Capability.ManageOutbox, Admin + "; the dead-letter list holds addresses, not content", UserRoles.Administrator);
        Add(Capability.ReadCapabilities, Admin + "; this table", UserRoles.Administrator);
        Add(Capability.MaintainSupportiveDirectory, "Issue 13 / [L] a directory by living area, kept by the administrators and the 3C/DSRC coordinators (PRODUCT.md §2 quality coordinator: 3C or DSRC)",
            UserRoles.Administrator, UserRoles.QualityCoordinator);
        return lines;
    }

    /// <summary>The kebab-case code the API and the problems use.</summary>
    public static string Code(Capability capability) => EnumCodes.Code(capability);

    public static bool Satisfies(SpecialtyCondition condition, Specialty specialty) => condition switch
    {
        SpecialtyCondition.Physician => Quorum.IsDecisionSpecialty(specialty),
        SpecialtyCondition.Pathologist => specialty == Specialty.Pathology,
        _ => true,
    };

    /// <summary>
    /// The lines a use case narrows further to the members of a structure of the record — a palliative team or unit, an
    /// HAD ([G] §2.6: the palliative team writes the plan with the oncology team and the GP; the HAD's coordinating
    /// physician decides the admission): the role holds the capability, but only such a member uses it (PalliativePlan,
    /// ManageHad check it, refusing with the capability's name).
    /// </summary>
    public static readonly IReadOnlyList<(string Role, Capability Capability)> NarrowedToAStructure =
    [
        (UserRoles.SupportiveCare, Capability.WritePalliativePlan),
        (UserRoles.SupportiveCare, Capability.DecideHadAdmission),
    ];

    public static bool Allows(IEnumerable<string> roles, Specialty specialty, Capability capability)
    {
        var set = roles as IReadOnlyCollection<string> ?? roles.ToList();
        return Table.Any(l => l.Capability == capability && set.Contains(l.Role) && Satisfies(l.Condition, specialty));
    }

    /// <summary>Every capability these roles hold with this specialty, in the enumeration's order.</summary>
    public static IReadOnlyList<Capability> Of(IEnumerable<string> roles, Specialty specialty)
    {
        var set = roles.ToHashSet();
        return Table.Where(l => set.Contains(l.Role) && Satisfies(l.Condition, specialty)).Select(l => l.Capability).Distinct().Order().ToList();
    }

    /// <summary>The capabilities that only read: the only ones a break-the-glass access opens.</summary>
    public static bool IsRead(Capability capability) => capability is Capability.ReadRecord or Capability.ReadDocuments
        or Capability.ReadTransmissions or Capability.ReadTreatment or Capability.ReadLabs or Capability.ReadEvents
        or Capability.ReadMessages or Capability.ReadPathology or Capability.ReadTumorBoardDeliberation
        or Capability.ReadPsychologicalNotes or Capability.ReadAccessLog or Capability.ReadCarnet or Capability.ReadSupportiveCare or Capability.ReadPalliative;

    /// <summary>What reading a document of this kind asks: the pathology report and the tumor-board report are parts of their own.</summary>
    public static Capability ToRead(DocumentKind kind) => kind switch
    {
        DocumentKind.PathologyReport => Capability.ReadPathology,
        DocumentKind.TumorBoardReport => Capability.ReadTumorBoardDeliberation,
        _ => Capability.ReadDocuments,
    };

    /// <summary>What signing a document of this kind asks: a signature sends it (its obligation fires), so it is the author's.</summary>
    public static Capability ToSign(DocumentKind kind) => kind switch
    {
        DocumentKind.PathologyReport => Capability.SignPathologyReport,
        DocumentKind.TumorBoardReport => Capability.RecordTumorBoardDecision,
        DocumentKind.Pps or DocumentKind.Ppac => Capability.SignProgramme,
        _ => Capability.SignDocument,
    };

    /// <summary>
    /// The part of the record a capability touches, for a scoped grant (<see cref="AccessGrant"/>): a grant
    /// opens only the capabilities of its sections. Null: no grant ever opens it (clinical writes, signatures).
    /// </summary>
    public static RecordSections? SectionOf(Capability capability) => capability switch
    {
        Capability.ReadRecord => RecordSections.Identity,
        Capability.ReadDocuments => RecordSections.Documents,
        Capability.ReadTreatment => RecordSections.Treatment,
        Capability.ReadLabs => RecordSections.Labs,
        Capability.ReadCarnet => RecordSections.Carnet,
        Capability.ReadEvents => RecordSections.Events,
        Capability.ReadMessages or Capability.WriteMessage => RecordSections.Messages,
        Capability.ReadPathology => RecordSections.Pathology,
        Capability.ReadTumorBoardDeliberation => RecordSections.TumorBoard,
        Capability.ReadPsychologicalNotes => RecordSections.PsychologicalNotes,
        Capability.OrganiseTumorBoard => RecordSections.TumorBoardOrganisation,
        Capability.ReadSupportiveCare or Capability.FollowSupportiveReferral or Capability.RecordPostCancerPackageAct => RecordSections.SupportiveCare,
        Capability.ReadPalliative or Capability.WritePalliativePlan or Capability.DecideHadAdmission => RecordSections.Palliative,
        _ => null,
    };
}
