using Microsoft.EntityFrameworkCore;
using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Meetings;

/// <summary>A participant, and whether a physician of that specialty counts toward this board's quorum (the invited GP does not).</summary>
public sealed record ParticipantDto(Guid ProfessionalId, string Name, Specialty Specialty, Presence Presence, bool CountsForQuorum);

public sealed record MeetingCaseDto(Guid Id, Guid PatientId, string PatientName, string Question, CaseKind Kind, CaseStatus Status, bool Recurrence);

public sealed record MeetingDto(Guid Id, Guid BoardId, string BoardName, string BoardSpecialty, DateTimeOffset StartsAt, string? Location, MeetingStatus Status,
    IReadOnlyList<ParticipantDto> Participants, QuorumCheck Quorum, IReadOnlyList<MeetingCaseDto> Cases, int CasesNotShown,
    IReadOnlyList<Specialty> DecisionSpecialties, bool Started);

/// <summary>
/// Meetings with their quorum and their cases; patients the user may not see are counted, not named.
/// One meeting or a hundred cost the same four queries (meetings with participants, boards, visible
/// cases, case counts): the upcoming list feeds the boards page, the patient's RCP page and the worklist.
/// </summary>
public sealed class MeetingQuery(RelaisDb db, Clock clock)
{
    /// <summary>The most meetings one list shows.</summary>
    public const int Limit = 100;

    public async Task<MeetingDto?> OneAsync(CurrentUser user, Guid meetingId, CancellationToken ct) =>
        (await LoadAsync(user, db.Meetings.Where(m => m.Id == meetingId), ct)) is [var first, ..] ? first : null;

    /// <summary>Meetings not cancelled from yesterday to <paramref name="days"/> days ahead, in date order.</summary>
    public async Task<IReadOnlyList<MeetingDto>> UpcomingAsync(CurrentUser user, int days, CancellationToken ct)
    {
        var from = clock.Now - TimeSpan.FromDays(1);
        var to = clock.Now + TimeSpan.FromDays(days);
        return await LoadAsync(user, db.Meetings.Where(m => m.StartsAt >= from && m.StartsAt <= to && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt).Take(Limit), ct);
    }

    private async Task<IReadOnlyList<MeetingDto>> LoadAsync(CurrentUser user, IQueryable<TumorBoardMeeting> which, CancellationToken ct)
    {
        var meetings = (await which.AsNoTracking().Include(m => m.Participants).ToListAsync(ct)).OrderBy(m => m.StartsAt).ToList();
        if (meetings.Count == 0) return [];
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var boardIds = meetings.Select(m => m.BoardId).Distinct().ToList();
        var boards = await db.TumorBoards.AsNoTracking().Where(b => boardIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var cases = (await (from c in db.TumorBoardCases.AsNoTracking()
                            join p in db.Patients on c.PatientId equals p.Id
                            where meetingIds.Contains(c.MeetingId) && visible.Contains(c.PatientId)
                            orderby c.RegisteredAt
                            select new { c.MeetingId, c.Id, c.PatientId, p.BirthName, p.UsedName, p.FirstNames, c.Question, c.Kind, c.Status, c.IsRecurrence })
                .ToListAsync(ct))
            .ToLookup(x => x.MeetingId, x => new MeetingCaseDto(x.Id, x.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.Question, x.Kind, x.Status, x.IsRecurrence));
        var counts = await db.TumorBoardCases.Where(c => meetingIds.Contains(c.MeetingId)).GroupBy(c => c.MeetingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return meetings.Select(m =>
        {
            var board = boards[m.BoardId];
            var shown = cases[m.Id].ToList();
            var decision = board.ExpectedSpecialties;
            return new MeetingDto(m.Id, board.Id, board.Name, board.Specialty, m.StartsAt, m.Location, m.Status,
                m.Participants.Select(p => new ParticipantDto(p.ProfessionalId, p.Name, p.Specialty, p.Presence, Quorum.Counts(p.Specialty, decision))).ToList(),
                m.Quorum(decision), shown, counts.GetValueOrDefault(m.Id) - shown.Count, decision, m.HasStarted(clock.Now));
        }).ToList();
    }
}
