using Relais.Domain.Professionals;

namespace Relais.Domain.TumorBoards;

public enum MeetingStatus { Planned, Held, Cancelled }

/// <summary>One sitting of a board: its date, who attends and how (on site or remotely: both count [C]).</summary>
public sealed class TumorBoardMeeting
{
    private readonly List<MeetingParticipant> participants = [];

    private TumorBoardMeeting() { }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public string? Location { get; private set; }
    public MeetingStatus Status { get; private set; }
    public Guid CreatedBy { get; private set; }
    public IReadOnlyList<MeetingParticipant> Participants => participants;

    public DateOnly Day(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartsAt, zone).DateTime);

    public static TumorBoardMeeting Plan(Guid boardId, DateTimeOffset startsAt, string? location, Guid by, DateTimeOffset now)
    {
        if (startsAt < now - TimeSpan.FromDays(1))
            throw new DomainValidationException("startsAt", "Une réunion ne se planifie pas dans le passé.");
        return new TumorBoardMeeting { Id = Guid.CreateVersion7(now), BoardId = boardId, StartsAt = startsAt, Location = location?.Trim(), Status = MeetingStatus.Planned, CreatedBy = by };
    }

    public MeetingParticipant SetParticipant(Guid professionalId, string name, Specialty specialty, Presence presence)
    {
        var existing = participants.FirstOrDefault(p => p.ProfessionalId == professionalId);
        if (existing is not null)
        {
            existing.Update(specialty, presence);
            return existing;
        }
        var participant = new MeetingParticipant(Id, professionalId, name, specialty, presence);
        participants.Add(participant);
        return participant;
    }

    public QuorumCheck Quorum(IReadOnlyCollection<Specialty> expected) =>
        TumorBoards.Quorum.Check(participants.Select(p => new Participant(p.ProfessionalId, p.Name, p.Specialty, p.Presence)), expected);

    public void MarkHeld() => Status = MeetingStatus.Held;

    /// <summary>The board decides when it sits [G] 1.3: from the meeting's start, never before it.</summary>
    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    /// <summary>Whether this professional attends (on site or remotely) as a physician who counts toward the quorum.</summary>
    public bool AttendsAsDecider(Guid professionalId, IReadOnlyCollection<Specialty> decisionSpecialties) =>
        TumorBoards.Quorum.AttendsAsDecider(participants.Select(p => new Participant(p.ProfessionalId, p.Name, p.Specialty, p.Presence)), professionalId, decisionSpecialties);
}
