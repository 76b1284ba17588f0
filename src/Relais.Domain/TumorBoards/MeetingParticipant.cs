using Relais.Domain.Professionals;

namespace Relais.Domain.TumorBoards;

/// <summary>A physician at a meeting: name and specialty as they were that day, and how they attended.</summary>
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
