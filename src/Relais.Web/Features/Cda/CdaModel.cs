using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;

namespace Relais.Web.Features.Cda;

/// <summary>The patient as a CDA header names them; <see cref="QualifiedIns"/> is null unless the identity is qualified (RNIV).</summary>
public sealed record CdaPatient(Guid Id, string? QualifiedIns, string InsOid, string BirthName, string? UsedName, string FirstNames, Sex Sex, DateOnly BirthDate,
    PostalAddress Address);

/// <summary>A professional: RPPS when known, name, specialty.</summary>
public sealed record CdaProfessional(Guid Id, string? Rpps, string FirstName, string LastName, Specialty Specialty);

public sealed record CdaOrganisation(Guid Id, string Name, string? Finess, string? PostalCode, string? City);

/// <summary>The cancer as the episode records it (ICD-10 site, ICD-O-3 morphology, TNM).</summary>
public sealed record CdaDiagnosis(Guid EpisodeId, string Site, string? SiteLabel, Laterality Laterality, string? Morphology, string? MorphologyLabel, DateOnly? DiagnosisDate,
    string? ClinicalT, string? ClinicalN, string? ClinicalM, string? StageGroup);

/// <summary>What every exported document shares: its identity (the signed PDF's), version, signature, patient, author and organisation.</summary>
public sealed record CdaHeader(Guid DocumentId, Guid LineageId, int Version, string Title, DateTimeOffset SignedAt, CdaPatient Patient, CdaProfessional Author,
    CdaOrganisation Organisation, CdaProfessional? GeneralPractitioner, CdaDiagnosis Diagnosis);

/// <summary>A decided tumor-board case (FRCP).</summary>
public sealed record FrcpContent(Guid BoardId, string BoardName, Guid MeetingId, DateTimeOffset MeetingAt, string? MeetingLocation, Guid CaseId,
    IReadOnlyList<CdaProfessional> Participants, CdaProfessional Presenter, string Question, bool IsRecurrence, string? GpContribution, string Proposal, string? Guideline);

/// <summary>A signed PPS version (CANCER-PPS).</summary>
public sealed record PpsContent(IReadOnlyList<TreatmentPhase> Phases, IReadOnlyList<PlannedAssessment> Assessments, string? SupportiveCare, string? Social,
    IReadOnlyList<ProgrammeContact> Contacts, string? Decision);
