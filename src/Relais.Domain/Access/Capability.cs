namespace Relais.Domain.Access;

/// <summary>
/// What a user may do, inside the access rule: the rule says whose record, a capability says which part
/// and which act. The API spells them in kebab-case ("sign-pathology-report").
/// </summary>
public enum Capability
{
    // Reading the record, part by part.
    ReadRecord,
    ReadDocuments,
    ReadTransmissions,
    ReadTreatment,
    ReadLabs,
    ReadEvents,
    ReadMessages,
    ReadPathology,
    ReadTumorBoardDeliberation,
    ReadPsychologicalNotes,
    ReadAccessLog,
    /// <summary>The follow-up calendar: appointments and the Carnet de Surveillance Alternée.</summary>
    ReadCarnet,
    /// <summary>The supportive-care needs and referrals of the record, with what the providers wrote back.</summary>
    ReadSupportiveCare,

    // Writing the record.
    WriteMessage,
    ReportClinicalEvent,
    WritePharmaceuticalObservation,
    ReportSymptoms,
    ManageCalendarFeeds,
    RegisterPatient,
    EditIdentity,
    RecordPathway,
    ManageCareTeam,
    EndOwnMembership,
    WriteDocument,
    SignDocument,
    SignPathologyReport,
    SendTransmission,
    HandleTeamSignals,
    CloseReferral,
    WriteAnnouncement,
    RecordG8,
    OrganiseTumorBoard,
    ContributeToTumorBoard,
    RecordTumorBoardDecision,
    SignProgramme,
    HandOverProgramme,
    /// <summary>The patient's GP proposes changes to the PPAC and records his agreement himself (issue 13 point 5).</summary>
    ContributeToAfterCancerProgramme,
    StartTreatmentPhase,
    RecordLabResult,
    ManageFollowUp,
    ValidateProtocol,
    OpenBreakGlass,
    ManageAccessGrants,
    /// <summary>Opens the patient's portal account from the record (invitation e-mail or activation letter).</summary>
    OpenPortalAccount,
    /// <summary>The patient delegates portal access to a caregiver, and revokes it.</summary>
    DelegatePortalAccess,
    /// <summary>The patient declares or changes their GP (médecin traitant) themselves, from the portal.</summary>
    ChooseOwnGeneralPractitioner,
    /// <summary>Records the patient's ALD 30 admission as the health-insurance fund notified it.</summary>
    RecordAld,
    /// <summary>Reads a patient's symptom alert, takes it in charge and records the action (issue 14, the triage worklist).</summary>
    TriageSymptomAlerts,
    /// <summary>Records supportive-care needs, refers to a provider of the directory, follows the referral's status.</summary>
    ManageSupportiveCare,
    /// <summary>The provider named in a referral writes back: first contact, sessions, report, and its status.</summary>
    FollowSupportiveReferral,
    /// <summary>Prescribes the post-cancer package to a structure of the directory (who exactly: <see cref="SupportiveCare.PostCancerPackage.MayPrescribe"/>).</summary>
    PrescribePostCancerPackage,
    /// <summary>The structure named by a post-cancer package records its assessments and follow-up consultations.</summary>
    RecordPostCancerPackageAct,
    /// <summary>Records a treatment that continues after the end of active treatment, and its stop (issue 16): a new PPAC version follows.</summary>
    RecordContinuingTreatment,
    /// <summary>Reports how a continuing treatment is taken and tolerated: the patient, the GP, the pharmacist (issue 16).</summary>
    ReportTreatmentTolerance,
    /// <summary>Plans the patient's appointments and treatment cycles (issue 14 point 7).</summary>
    ManageAppointments,
    /// <summary>Defers an appointment, a cycle or a carnet item with a reason and a clinical priority, and re-schedules it, elsewhere or at a distance (issue 15 point 2).</summary>
    DeferCare,
    /// <summary>Records a hereditary suspicion, the oncogenetics referral it opens, its consultation, result and the information of relatives (issue 16 point 3).</summary>
    ManageOncogenetics,
    /// <summary>Opens the expert circuit of a rare cancer or a lymphoma and records its second reading and expert tumor board (issue 16 point 3).</summary>
    ManageExpertReview,
    /// <summary>Lifts the live-vaccine warning once the treatments are over (issue 15 point 3): the oncology team, never the calendar.</summary>
    LiftLiveVaccineWarning,
    /// <summary>Records the tobacco, alcohol, weight and activity review after treatment and plans the organised screenings (issue 16 point 4).</summary>
    ManagePrevention,
    /// <summary>Plans, completes and cancels the administrative and social steps: occupational disease, enteral nutrition, work, insurance (issue 15 point 3).</summary>
    ManageAdministrativeSteps,
    /// <summary>Records the information on a clinical trial, the written consent and the withdrawal (issue 15 point 3).</summary>
    RecordTrialParticipation,
    /// <summary>Reads the palliative part: the shared symptom plan, the anticipated prescriptions and limits of treatment, HAD, caregivers (issue 13 point 6).</summary>
    ReadPalliative,
    /// <summary>Writes the shared symptom plan, the anticipated prescriptions, the limits of treatment and advance directives (issue 13 point 6).</summary>
    WritePalliativePlan,
    /// <summary>Prescribes a home hospitalisation (HAD), or renews it, or ends it (issue 13 point 6).</summary>
    PrescribeHad,
    /// <summary>Admits to or declines a home hospitalisation: the HAD's coordinating physician (issue 13 point 6).</summary>
    DecideHadAdmission,
    /// <summary>Identifies the patient's caregivers on the record (issue 13 point 6).</summary>
    ManageCaregivers,

    // Outside any record.
    ReadAggregates,
    AdministerUsers,
    ReviewBreakGlass,
    VerifyAudit,
    PurgeAudit,
    ManageOutbox,
    ReadCapabilities,
    /// <summary>Maintains the supportive-care directory (providers, services, areas served), by hand or by CSV import.</summary>
    MaintainSupportiveDirectory,
    /// <summary>Switches the crisis mode of a territory on and off: the 3C's crisis referent (issue 15 point 2).</summary>
    SwitchCrisisMode,
    /// <summary>Sends a patient a questionnaire to answer once, by a given day (issue 14 point 2), or withdraws it.</summary>
    SendQuestionnaire,
    /// <summary>Releases to the patient's portal a result, a document or an alert the release rule holds (issue 14 §3).</summary>
    ReleaseToPortal,
}
