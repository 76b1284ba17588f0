namespace Relais.Domain.Audit;

/// <summary>
/// One audited access to nominative data. Written in the same transaction as what it describes;
/// the background sealer later gives it its place in the hash chain (an <see cref="AuditSeal"/>, inserted beside it:
/// the row itself is never rewritten). Database triggers refuse every update, and every delete no signed purge covers.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string? ActorRole { get; private set; }
    public Guid? PatientId { get; private set; }
    public string Action { get; private set; } = "";
    public string Resource { get; private set; } = "";
    public string Outcome { get; private set; } = "";
    public string? Detail { get; private set; }

    public static AuditEntry Create(DateTimeOffset now, Guid? actorId, string? actorRole, Guid? patientId, string action, string resource, string outcome, string? detail = null) => new()
    {
        // PostgreSQL keeps microseconds: the hashed instant must survive the round trip on both databases.
        At = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero),
        ActorId = actorId,
        ActorRole = actorRole,
        PatientId = patientId,
        Action = action,
        Resource = resource,
        Outcome = outcome,
        Detail = detail,
    };

    public AuditRecord ToRecord() => new(At, ActorId, ActorRole, PatientId, Action, Resource, Outcome, Detail);
}
