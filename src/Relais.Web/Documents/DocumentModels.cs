using Relais.Domain.Programmes;
using Relais.Domain.TumorBoards;

namespace Relais.Web.Documents;

/// <summary>The patient as a document shows them; <see cref="Ins"/> is null unless the identity is qualified.</summary>
public sealed record PatientHeader(string Name, DateOnly BirthDate, string? Ins, string? Address, string? GeneralPractitioner);

public sealed record EpisodeHeader(string Site, string? Histology, string? Tnm, string? Stage, DateOnly? DiagnosisDate);

public sealed record TumorBoardReportModel(
    string BoardName, string BoardSpecialty, string? Site, DateTimeOffset MeetingStartsAt, IReadOnlyList<Participant> Participants,
    PatientHeader Patient, EpisodeHeader Episode, string Question, string PresentingPhysician, bool Recurrence, CaseKind Kind,
    RegisteredOnlyReason? RegisteredOnlyReason, decimal? G8Score, bool? G8FullAssessment, string? GpContribution, string Proposal,
    string? Guideline, string DecidedBy, DateTimeOffset DecidedAt, string Quorum, int Version, string? SiteMismatchReason = null, string? G8WaiverReason = null);

public sealed record ProgrammeModel(
    ProgrammeKind Kind, int Version, string Author, DateTimeOffset CreatedAt, PatientHeader Patient, EpisodeHeader Episode,
    ProgrammeContent Content, string? Decision, bool GpAgreed, IReadOnlyList<CalendarLine> FollowUp);

/// <summary>One dated line of a follow-up calendar, as printed in a PPAC or a notebook.</summary>
public sealed record CalendarLine(DateOnly Due, string What, string Who, string? Status);
