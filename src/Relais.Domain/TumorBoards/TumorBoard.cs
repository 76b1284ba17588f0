using Relais.Domain.Professionals;

namespace Relais.Domain.TumorBoards;

/// <summary>
/// A multidisciplinary tumor board (RCP) [G][P]: organised by specialty ("sein", "digestif"...), held at
/// a site on a schedule, with the physician specialties its decisions usually need.
/// </summary>
public sealed class TumorBoard
{
    private TumorBoard() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The organ specialty of the board, e.g. "Sénologie", "Digestif", "Urologie".</summary>
    public string Specialty { get; private set; } = "";
    public Guid? OrganisationId { get; private set; }
    public string Site { get; private set; } = "";
    public string Schedule { get; private set; } = "";
    /// <summary>Paediatric boards: discussion is always mandatory [G].</summary>
    public bool IsPaediatric { get; private set; }
    public string ExpectedSpecialtiesCsv { get; private set; } = "";

    public IReadOnlyList<Professionals.Specialty> ExpectedSpecialties =>
        ExpectedSpecialtiesCsv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Professionals.Specialty>).ToList();

    public static TumorBoard Create(string? name, string? specialty, Guid? organisationId, string? site, string? schedule, bool paediatric,
        IEnumerable<Professionals.Specialty> expected, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainValidationException("name", "Le nom de la RCP est obligatoire.");
        if (string.IsNullOrWhiteSpace(specialty)) throw new DomainValidationException("specialty", "La spécialité de la RCP est obligatoire.");
        var list = expected.Distinct().ToList();
        if (list.Any(s => !Quorum.IsPhysicianSpecialty(s)))
            throw new DomainValidationException("expectedSpecialties", "Les spécialités attendues sont des spécialités médicales.");
        return new TumorBoard
        {
            Id = Guid.CreateVersion7(now), Name = name.Trim(), Specialty = specialty.Trim(), OrganisationId = organisationId,
            Site = site?.Trim() ?? "", Schedule = schedule?.Trim() ?? "", IsPaediatric = paediatric,
            ExpectedSpecialtiesCsv = string.Join(',', list),
        };
    }
}

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
}

public sealed class MeetingParticipant
{
    private MeetingParticipant() { }

    internal MeetingParticipant(Guid meetingId, Guid professionalId, string name, Specialty specialty, Presence presence)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        ProfessionalId = professionalId;
        Name = name;
        Specialty = specialty;
        Presence = presence;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public string Name { get; private set; } = "";
    public Specialty Specialty { get; private set; }
    public Presence Presence { get; private set; }

    internal void Update(Specialty specialty, Presence presence)
    {
        Specialty = specialty;
        Presence = presence;
    }
}
