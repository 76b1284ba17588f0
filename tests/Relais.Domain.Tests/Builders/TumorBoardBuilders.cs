using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Builders;

/// <summary>A breast cancer board (RCP Sénologie), planned on <see cref="Moments.Now"/>.</summary>
public sealed class BoardBuilder
{
    /// <summary>The specialties a breast cancer board expects.</summary>
    public static readonly Specialty[] Breast = [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology];

    private string? name = "RCP Sénologie";
    private string? specialty = "Sénologie";
    private bool paediatric;
    private IEnumerable<Specialty> expected = Breast;

    public BoardBuilder WithName(string? value) { name = value; return this; }
    public BoardBuilder WithSpecialty(string? value) { specialty = value; return this; }
    public BoardBuilder WithPaediatric(bool value) { paediatric = value; return this; }
    public BoardBuilder WithExpected(IEnumerable<Specialty> value) { expected = value; return this; }

    public TumorBoard Build() => TumorBoard.Create(name, specialty, null, "CHU", "Mardi 14h", paediatric, expected, Now);
}

/// <summary>A meeting of a board, planned by the secretary for <see cref="Moments.MeetingStart"/>.</summary>
public sealed class MeetingBuilder
{
    private Guid boardId = Board;
    private DateTimeOffset startsAt = MeetingStart;

    public MeetingBuilder Of(TumorBoard board) { boardId = board.Id; return this; }
    public MeetingBuilder StartingAt(DateTimeOffset value) { startsAt = value; return this; }

    public TumorBoardMeeting Build() => TumorBoardMeeting.Plan(boardId, startsAt, "Salle 3", Secretary, Now);
}

/// <summary>
/// A case of the patient, presented by the oncologist and registered by the secretary for the
/// board's meeting: by default a 58-year-old discussed for a first cancer.
/// </summary>
public sealed class CaseBuilder
{
    private TumorBoard board = A.Board().Build();
    private TumorBoardMeeting? meeting;
    private string? question = "Chirurgie conservatrice d'emblée ou chimiothérapie néoadjuvante ?";
    private CaseKind kind = CaseKind.Discussed;
    private RegisteredOnlyReason? reason;
    private bool recurrence;
    private int age = 58;
    private G8Assessment? g8;
    private string site = "C50.4";
    private TumorBoardCase.Reasons reasons = TumorBoardCase.Reasons.None;

    public CaseBuilder WithBoard(TumorBoard value) { board = value; return this; }
    public CaseBuilder WithMeeting(TumorBoardMeeting value) { meeting = value; return this; }
    public CaseBuilder WithQuestion(string? value) { question = value; return this; }
    public CaseBuilder WithKind(CaseKind value) { kind = value; return this; }
    public CaseBuilder WithReason(RegisteredOnlyReason? value) { reason = value; return this; }
    public CaseBuilder WithRecurrence(bool value) { recurrence = value; return this; }
    public CaseBuilder WithAge(int value) { age = value; return this; }
    public CaseBuilder WithG8(G8Assessment? value) { g8 = value; return this; }
    public CaseBuilder WithSite(string value) { site = value; return this; }
    public CaseBuilder WithSiteMismatchReason(string? value) { reasons = reasons with { SiteMismatch = value }; return this; }
    public CaseBuilder WithG8WaiverReason(string? value) { reasons = reasons with { G8Waiver = value }; return this; }

    /// <summary>The meeting the case is registered at (the board's next one unless given).</summary>
    public TumorBoardMeeting Meeting => meeting ??= A.Meeting().Of(board).Build();

    /// <summary>Who attends the meeting, and how.</summary>
    public CaseBuilder Attended(params (Guid Id, Specialty Specialty, Presence Presence)[] participants)
    {
        foreach (var p in participants) Meeting.SetParticipant(p.Id, p.Specialty.ToString(), p.Specialty, p.Presence);
        return this;
    }

    /// <summary>Surgeon and oncologist on site, radiotherapist remote: the quorum of a breast board.</summary>
    public CaseBuilder WithQuorum() => Attended(
        (Surgeon, Specialty.Surgery, Presence.OnSite), (Oncologist, Specialty.MedicalOncology, Presence.OnSite), (Radiotherapist, Specialty.Radiotherapy, Presence.Remote));

    /// <summary>Surgeon and oncologist only: the radiotherapist is missing.</summary>
    public CaseBuilder WithoutQuorum() => Attended((Surgeon, Specialty.Surgery, Presence.OnSite), (Oncologist, Specialty.MedicalOncology, Presence.OnSite));

    /// <summary>A case registered without discussion, for the given reason.</summary>
    public CaseBuilder RegisteredOnly(RegisteredOnlyReason? value) => WithKind(CaseKind.RegisteredOnly).WithReason(value);

    public TumorBoardCase Register() =>
        TumorBoardCase.Register(Patient, Episode, site, Meeting, board, question, Oncologist,
            kind, reason, recurrence, age, g8, MeetingDay, Secretary, Now, reasons);

    /// <summary>The refusal the registration meets.</summary>
    public DomainValidationException Refused() => Assert.Throws<DomainValidationException>(() => Register());
}

/// <summary>Who records a decision.</summary>
public static class Deciders
{
    public static readonly Decider TheOncologist = new(Oncologist, Specialty.MedicalOncology);
    public static readonly Decider TheSurgeon = new(Surgeon, Specialty.Surgery);
}

/// <summary>Quorum checks of a breast cancer board's meeting.</summary>
public static class Quorums
{
    public static QuorumCheck Of(params (Guid Id, Specialty Specialty, Presence Presence)[] participants)
    {
        var meeting = A.Meeting().Build();
        foreach (var p in participants) meeting.SetParticipant(p.Id, p.Specialty.ToString(), p.Specialty, p.Presence);
        return meeting.Quorum(BoardBuilder.Breast);
    }

    /// <summary>Surgeon and oncologist on site, radiotherapist remote.</summary>
    public static QuorumCheck Reached() => Of(
        (Surgeon, Specialty.Surgery, Presence.OnSite),
        (Oncologist, Specialty.MedicalOncology, Presence.OnSite),
        (Radiotherapist, Specialty.Radiotherapy, Presence.Remote));

    /// <summary>Surgeon and oncologist only: the radiotherapist is missing.</summary>
    public static QuorumCheck Missed() => Of(
        (Surgeon, Specialty.Surgery, Presence.OnSite),
        (Oncologist, Specialty.MedicalOncology, Presence.OnSite));
}
