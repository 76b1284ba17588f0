using Relais.Domain.Alerts;
using Relais.Domain.Surveillance;

namespace Relais.Web.Features.FollowUp;

public sealed record PreviewInput(DateOnly? EndOfTreatment, bool Radiotherapy, int? HorizonMonths);

public sealed record PreviewItem(DateOnly Due, int Month, string Kind, string Performer);

public sealed record PreviewResult(string Protocol, int Version, IReadOnlyList<PreviewItem> Items);

public sealed record ProtocolSummary(Guid Id, string Code, int Version, string Title, string Kind, string Status, string? SpecialistValidation, string? GpValidation, DateTimeOffset CreatedAt);

public sealed record ValidationInput(ValidatorRole? Role);

public sealed record EndOfTreatmentInput(Guid? EpisodeId, DateOnly? EndOfTreatment, string? Protocol, bool Radiotherapy, int? HorizonMonths, bool GpAgreed,
    string? SupportiveCare, string? Social, string? LateComplications);

public sealed record EndOfTreatmentResult(Guid EnrolmentId, string Protocol, int Version, int Items, Guid PpacId, Guid? PpacDocumentId);

public sealed record CarnetEntryDto(Guid Id, DateOnly Due, int Month, string Kind, string KindLabel, string Performer, string PerformerLabel,
    string Status, bool Overdue, DateOnly? DoneOn, string? Result, string? CancelReason);

public sealed record CarnetDto(Guid? EnrolmentId, string? Protocol, int? Version, string? ProtocolTitle, DateOnly? EndOfTreatment, bool Radiotherapy, int OverdueDays,
    IReadOnlyList<CarnetEntryDto> Items);

public sealed record DoneInput(DateOnly? On, string? Result);

public sealed record CancelInput(string? Reason);

public sealed record WorklistItem(Guid ItemId, Guid PatientId, string PatientName, DateOnly Due, string Kind, string Performer, bool Overdue);

public sealed record FollowUpWorklist(IReadOnlyList<WorklistItem> Overdue, IReadOnlyList<WorklistItem> Upcoming, int OverdueDays);

public sealed record ObservationInput(string? Code, decimal? Value, string? Unit, DateOnly? Effective, string? Laboratory, decimal? UpperLimit);

public sealed record ObservationDto(Guid Id, string Code, decimal Value, string Unit, DateOnly Effective, string Laboratory, decimal? UpperLimit);

public sealed record AlertItem(Guid Id, string Rule, int RuleVersion, string Severity, string Action, DateOnly? Due, string Explanation, DateTimeOffset RaisedAt,
    Guid? ReferralId, bool Handled);

public sealed record AlertList(IReadOnlyList<AlertItem> Items);

public sealed record ObservationResult(ObservationDto Observation, IReadOnlyList<AlertItem> Alerts, string? Note);

/// <summary>One result of a laboratory feed: the patient, then the same fields as a single result.</summary>
public sealed record BatchObservationInput(Guid? PatientId, string? Code, decimal? Value, string? Unit, DateOnly? Effective, string? Laboratory, decimal? UpperLimit);

public sealed record ObservationBatchInput(IReadOnlyList<BatchObservationInput?>? Results);

/// <summary>The batch's results in the order they were sent, each with the alerts its rules raised.</summary>
public sealed record ObservationBatchResult(int Recorded, int Alerts, IReadOnlyList<BatchObservationResult> Results);

public sealed record BatchObservationResult(Guid PatientId, ObservationDto Observation, IReadOnlyList<AlertItem> Alerts, string? Note);

public sealed record ClinicalCriteriaInput(IReadOnlyList<string>? Criteria, DateOnly? ObservedOn, string? Note);

public sealed record FeedDto(Guid Id, string Url, DateTimeOffset CreatedAt);
