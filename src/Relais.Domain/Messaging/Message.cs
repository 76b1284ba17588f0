namespace Relais.Domain.Messaging;

public enum ThreadKind
{
    /// <summary>Between the professionals of the care team.</summary>
    CareTeam,
    /// <summary>The patient's own thread with the team.</summary>
    Patient,
}

/// <summary>One message of a patient's thread.</summary>
public sealed class ThreadMessage
{
    private ThreadMessage() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ThreadKind Thread { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    public static ThreadMessage Post(Guid patientId, ThreadKind thread, Guid author, string? body, DateTimeOffset now)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("body", "Le message est vide.");
        if (text.Length > 5000) throw new DomainValidationException("body", "Le message est limité à 5000 caractères.");
        return new ThreadMessage { Id = Guid.CreateVersion7(now), PatientId = patientId, Thread = thread, AuthorId = author, Body = text, SentAt = now };
    }
}

/// <summary>How far a user has read a thread: messages sent after ReadUpTo are unread.</summary>
public sealed class ThreadReadMark
{
    private ThreadReadMark() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ThreadKind Thread { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset ReadUpTo { get; private set; }

    public static ThreadReadMark Create(Guid patientId, ThreadKind thread, Guid user, DateTimeOffset upTo) =>
        new() { Id = Guid.CreateVersion7(upTo), PatientId = patientId, Thread = thread, UserId = user, ReadUpTo = upTo };

    public void MoveTo(DateTimeOffset upTo)
    {
        if (upTo > ReadUpTo) ReadUpTo = upTo;
    }
}
