using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;

namespace Relais.Web.Features.Coordination;

public sealed record DocumentDto(Guid Id, Guid LineageId, int Version, DocumentKind Kind, string Title, string ContentType, string FileName, long Size,
    string Sha256, string CreatedBy, DateTimeOffset CreatedAt, string? SignedBy, DateTimeOffset? SignedAt);

public sealed record RecipientDto(Guid Id, Guid UserId, string Name, RecipientKinds Kind, TransmissionStatus Status, DateTimeOffset DueAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? MailSentAt, DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt);

public sealed record TransmissionDto(Guid Id, Guid PatientId, ObligationCode Obligation, string ObligationLabel, string Title, string? Message,
    Guid? DocumentId, string Sender, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Urgent, TransmissionStatus Status,
    IReadOnlyList<RecipientDto> Recipients);

public sealed record TransmissionInput(ObligationCode? Obligation, Guid? DocumentId, string? Title, string? Message, bool Urgent);

public sealed record InboxItem(Guid RecipientEntryId, Guid TransmissionId, Guid PatientId, string PatientName, DateOnly PatientBirthDate,
    ObligationCode Obligation, string Title, string Sender, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Urgent,
    TransmissionStatus Status, bool Unread, bool HasDocument);

public sealed record InboxGroup(Guid PatientId, string PatientName, DateOnly PatientBirthDate, IReadOnlyList<InboxItem> Items);

public sealed record InboxPage(IReadOnlyList<InboxGroup> Groups, int Total, int Page, int PageSize, InboxCounts Counts);

public sealed record InboxCounts(int Unread, int ToAcknowledge, int Late);

public sealed record PendingItem(Guid TransmissionId, Guid PatientId, string PatientName, ObligationCode Obligation, string Title, string Recipient,
    RecipientKinds RecipientKind, DateTimeOffset CreatedAt, DateTimeOffset DueAt, TransmissionStatus Status, bool MailFailed);

public sealed record PendingPage(IReadOnlyList<PendingItem> Items, int Total, int Page, int PageSize);

public sealed record ClinicalEventInput(ClinicalEventKind? Kind, string? Description, DateOnly? OccurredOn, int? Grade, string? TreatmentsGiven, string? SuspectedDrug);

public sealed record ClinicalEventDto(Guid Id, ClinicalEventKind Kind, string Description, DateOnly OccurredOn, int? Grade, string? TreatmentsGiven,
    string? SuspectedDrug, bool Urgent, bool PharmacovigilancePrompt, string? PharmacovigilanceUrl, DateTimeOffset? PharmacovigilanceDeclaredAt,
    string ReportedBy, DateTimeOffset ReportedAt, Guid? TransmissionId, Guid? ReferralId);

public sealed record ReferralDto(Guid Id, Guid PatientId, string PatientName, string Reason, DateOnly DueOn, ReferralStatus Status, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record MessageDto(Guid Id, ThreadKind Thread, string Author, Guid AuthorId, string Body, DateTimeOffset SentAt, bool Unread);

public sealed record MessageInput(ThreadKind? Thread, string? Body);

public sealed record DeadLetterDto(Guid Id, string ToAddress, string? Obligation, int Attempts, DateTimeOffset CreatedAt, string? LastError);
