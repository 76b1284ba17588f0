using Relais.Domain.Professionals;
using Relais.Domain.Access;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;

namespace Relais.Web.Features.Patients;

public sealed record PatientSummary(Guid Id, string Ins, string DisplayName, string BirthName, string? UsedName, string FirstNames, DateOnly BirthDate, Sex Sex, string? PostalCode, string? City)
{
    public IReadOnlyList<EpisodeBrief> Episodes { get; init; } = [];
}

public sealed record EpisodeBrief(Guid Id, string PrimarySite, string? PrimarySiteLabel, PathwayPhase Phase, DateOnly PhaseSince);

public sealed record PatientPage(IReadOnlyList<PatientSummary> Items, int Total, int Page, int PageSize);

public sealed record TrustedPersonDto(string FullName, string? Relationship, string? Phone, DateOnly DesignatedInWritingOn, DateOnly? RevokedOn);

public sealed record AdvanceDirectivesDto(bool Exist, DateOnly? WrittenOn, string? WhereKept);

public sealed record AddressDto(string? Line1, string? Line2, string? PostalCode, string? City);

public sealed record ProfessionalRef(Guid Id, string DisplayName, string? Rpps, Specialty Specialty, string? Organisation);

public sealed record CareTeamMemberDto(Guid Id, ProfessionalRef Professional, CareTeamRole Role, DateOnly From, DateOnly? To, bool Active)
{
    /// <summary>The version a change of this membership starts from (If-Match or the body's version).</summary>
    public int Version { get; init; }
}

public sealed record EpisodeDto(
    Guid Id, string PrimarySite, string? PrimarySiteLabel, Laterality Laterality, string? Histology, string? HistologyLabel,
    DateOnly? DiagnosisDate, DiagnosisBasis DiagnosisBasis, string? ClinicalT, string? ClinicalN, string? ClinicalM,
    string? PathologicalT, string? PathologicalN, string? PathologicalM, string? StageGroup, bool IsRareCancer,
    bool HereditarySuspicion, PathwayPhase Phase, DateOnly PhaseSince, IReadOnlyList<PathwayPhase> AllowedNext, IReadOnlyList<PathwayPhase> ManualNext)
{
    public static EpisodeDto From(CancerEpisode e) => new(
        e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Laterality, e.Histology, e.HistologyLabel, e.DiagnosisDate, e.DiagnosisBasis,
        e.ClinicalT, e.ClinicalN, e.ClinicalM, e.PathologicalT, e.PathologicalN, e.PathologicalM, e.StageGroup, e.IsRareCancer,
        e.HereditarySuspicion, e.Phase, e.PhaseSince, PathwayTransitions.AllowedFrom(e.Phase),
        PathwayTransitions.ManualFrom(e.Phase)) { Version = e.Version };

    /// <summary>The version a change starts from (also the ETag of GET .../episodes/{episodeId}).</summary>
    public int Version { get; init; }
}

public sealed record PatientDetail(
    Guid Id, string Ins, string DisplayName, string BirthName, string? UsedName, string FirstNames, DateOnly BirthDate, int Age,
    Sex Sex, string? Phone, string? Email, AddressDto Address, ProfessionalRef? GeneralPractitioner,
    TrustedPersonDto? TrustedPerson, AdvanceDirectivesDto AdvanceDirectives, IReadOnlyList<CareTeamMemberDto> CareTeam,
    IReadOnlyList<EpisodeDto> Episodes, AccessBasis AccessBasis)
{
    /// <summary>The RNIV identity: status and how it was reached.</summary>
    public IdentityDto? Identity { get; init; }

    /// <summary>The version a change starts from (also the ETag of GET /api/patients/{id}).</summary>
    public int Version { get; init; }
}

/// <summary>
/// The RNIV status of the identity and how it was reached: the INSi answer (when, with which OID), the
/// identity document checked (which, by whom, when), and a mismatch the user confirmed, with its reason.
/// </summary>
public sealed record IdentityDto(
    IdentityStatus Status, DateTimeOffset? InsiVerifiedAt, string? InsOid, IdentityDocumentKind? Document, Guid? DocumentCheckedBy,
    DateOnly? DocumentCheckedOn, string? MismatchReason)
{
    public static IdentityDto From(Patient p) =>
        new(p.IdentityStatus, p.InsiVerifiedAt, p.InsOid, p.IdentityDocument, p.IdentityDocumentCheckedBy, p.IdentityDocumentCheckedOn, p.IdentityMismatchReason);
}

/// <summary>
/// Body of POST/PUT /api/patients. Dates are ISO (YYYY-MM-DD). A PUT is a merge patch: what it leaves out
/// is kept. <see cref="ConfirmIdentityMismatch"/> with <see cref="IdentityMismatchReason"/> keeps an INS that
/// contradicts the sex or birth date; <see cref="Version"/> (or If-Match) refuses a change made from an older state.
/// <paramref name="GpChangeAgreement"/> records how the patient agreed to a change of their declared GP
/// (<see cref="CareTeamChanges.EnsureGpChangeAgreed"/>).
/// </summary>
public sealed record PatientInput(
    string? Ins, string? BirthName, string? UsedName, string? FirstNames, DateOnly? BirthDate, Sex? Sex,
    string? Phone, string? Email, AddressDto? Address, Guid? GeneralPractitionerId,
    TrustedPersonDto? TrustedPerson, AdvanceDirectivesDto? AdvanceDirectives,
    bool? ConfirmIdentityMismatch = null, string? IdentityMismatchReason = null, int? Version = null, string? GpChangeAgreement = null)
{
    /// <summary>The record's current state, over which an update's patch is laid (without a version or a confirmation: those come with the request).</summary>
    public static PatientInput From(Patient p) => new(
        p.Ins, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, p.Sex, p.Phone, p.Email,
        new AddressDto(p.Address.Line1, p.Address.Line2, p.Address.PostalCode, p.Address.City), p.GeneralPractitionerId,
        p.TrustedPerson is { } t ? new TrustedPersonDto(t.FullName, t.Relationship, t.Phone, t.DesignatedInWritingOn, t.RevokedOn) : null,
        new AdvanceDirectivesDto(p.AdvanceDirectives.Exist, p.AdvanceDirectives.WrittenOn, p.AdvanceDirectives.WhereKept));

    public PatientDetails ToDetails() => new(
        Ins, BirthName, UsedName, FirstNames,
        BirthDate ?? throw new Domain.DomainValidationException("birthDate", "La date de naissance est obligatoire."),
        Sex ?? throw new Domain.DomainValidationException("sex", "Le sexe est obligatoire."),
        Phone, Email, Address?.Line1, Address?.Line2, Address?.PostalCode, Address?.City, GeneralPractitionerId,
        TrustedPerson is { } t ? new TrustedPerson(t.FullName, t.Relationship, t.Phone, t.DesignatedInWritingOn, t.RevokedOn) : null,
        AdvanceDirectives is { } a ? new AdvanceDirectives(a.Exist, a.WrittenOn, a.WhereKept) : null,
        ConfirmIdentityMismatch == true, IdentityMismatchReason);
}

public sealed record EpisodeInput(
    string? PrimarySite, string? PrimarySiteLabel, Laterality? Laterality, string? Histology, string? HistologyLabel,
    DateOnly? DiagnosisDate, DiagnosisBasis? DiagnosisBasis, string? ClinicalT, string? ClinicalN, string? ClinicalM,
    string? PathologicalT, string? PathologicalN, string? PathologicalM, string? StageGroup, bool IsRareCancer,
    bool HereditarySuspicion, PathwayPhase? InitialPhase, DateOnly? OpenedOn, string? Note, int? Version = null)
{
    public EpisodeDetails ToDetails() => new(
        PrimarySite, PrimarySiteLabel, Laterality ?? Domain.Episodes.Laterality.Unknown, Histology, HistologyLabel, DiagnosisDate,
        DiagnosisBasis ?? Domain.Episodes.DiagnosisBasis.Unknown, ClinicalT, ClinicalN, ClinicalM, PathologicalT, PathologicalN,
        PathologicalM, StageGroup, IsRareCancer, HereditarySuspicion);

    /// <summary>The episode's current state, over which an update's patch is laid.</summary>
    public static EpisodeInput From(CancerEpisode e) => new(
        e.PrimarySite, e.PrimarySiteLabel, e.Laterality, e.Histology, e.HistologyLabel, e.DiagnosisDate, e.DiagnosisBasis, e.ClinicalT, e.ClinicalN,
        e.ClinicalM, e.PathologicalT, e.PathologicalN, e.PathologicalM, e.StageGroup, e.IsRareCancer, e.HereditarySuspicion, null, null, null);
}

public sealed record PathwayEventDto(Guid Id, Guid EpisodeId, PathwayPhase? From, PathwayPhase To, DateOnly OccurredOn, DateTimeOffset RecordedAt, string RecordedBy, string? Note)
{
    public static PathwayEventDto Of(PathwayEvent e, string recordedBy) =>
        new(e.Id, e.EpisodeId, e.From, e.To, e.OccurredOn, e.RecordedAt, recordedBy, e.Note);
}

public sealed record DelayDto(string Code, PathwayPhase From, PathwayPhase To, DateOnly? FromDate, DateOnly? ToDate, int? Days);

public sealed record EpisodeTimeline(Guid EpisodeId, string PrimarySite, string? PrimarySiteLabel, PathwayPhase Phase, IReadOnlyList<PathwayEventDto> Events, IReadOnlyList<DelayDto> Delays);

public sealed record AccessLogEntry(DateTimeOffset At, string Who, string? Role, string Action, string Outcome);
