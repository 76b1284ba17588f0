using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;

namespace Relais.Web.Features.TumorBoards;

public sealed record BoardDto(Guid Id, string Name, string Specialty, string Site, string Schedule, bool IsPaediatric, IReadOnlyList<Specialty> ExpectedSpecialties);

public sealed record BoardInput(string? Name, string? Specialty, string? Site, string? Schedule, bool IsPaediatric, IReadOnlyList<Specialty>? ExpectedSpecialties);

public sealed record MeetingInput(DateTimeOffset? StartsAt, string? Location);

public sealed record ParticipantInput(Guid? ProfessionalId, Presence? Presence);

public sealed record ParticipantDto(Guid ProfessionalId, string Name, Specialty Specialty, Presence Presence);

public sealed record MeetingCaseDto(Guid Id, Guid PatientId, string PatientName, string Question, CaseKind Kind, CaseStatus Status, bool Recurrence);

public sealed record MeetingDto(Guid Id, Guid BoardId, string BoardName, string BoardSpecialty, DateTimeOffset StartsAt, string? Location, MeetingStatus Status,
    IReadOnlyList<ParticipantDto> Participants, QuorumCheck Quorum, IReadOnlyList<MeetingCaseDto> Cases, int CasesNotShown);

public sealed record G8Input(int? FoodIntake, int? WeightLoss, int? Mobility, int? Neuropsychological, decimal? BodyMassIndex, bool? MoreThanThreeMedications,
    decimal? SelfRatedHealth, DateOnly? AssessedOn);

public sealed record G8Dto(Guid Id, DateOnly AssessedOn, int Age, decimal Score, bool FullAssessmentRecommended);

public sealed record CaseInput(Guid? MeetingId, Guid? EpisodeId, string? Question, Guid? PresentingPhysicianId, CaseKind? Kind,
    RegisteredOnlyReason? RegisteredOnlyReason, bool Recurrence);

public sealed record ContributionInput(string? Text);

public sealed record DecisionInput(string? Proposal, string? Guideline);

public sealed record CaseDto(Guid Id, Guid PatientId, Guid EpisodeId, Guid MeetingId, string BoardName, DateTimeOffset MeetingStartsAt, string Question,
    string PresentingPhysician, CaseKind Kind, RegisteredOnlyReason? RegisteredOnlyReason, bool Recurrence, G8Dto? G8, string? GpContribution,
    CaseStatus Status, string? Proposal, string? Guideline, string? DecidedBy, DateTimeOffset? DecidedAt, string? QuorumAtDecision, Guid? ReportDocumentId);
