using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Announcements;
using Relais.Web.Features.Patients;
using Relais.Web.Features.TumorBoards.Meetings;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Worklists;

public sealed record WorklistPatient(Guid PatientId, string PatientName, Guid? EpisodeId, string Detail, DateOnly? Since);

public sealed record MeetingWithoutQuorum(Guid MeetingId, string Board, DateTimeOffset StartsAt, int Cases, string Quorum);

/// <summary>
/// Each patient list shows at most <see cref="RcpWorklistsQuery.MaxPerList"/> rows, the oldest first; its
/// <c>...Total</c> counts every row that matched (the G8 list's total counts both its parts).
/// </summary>
public sealed record RcpWorklists(IReadOnlyList<WorklistPatient> WaitingForG8, IReadOnlyList<MeetingWithoutQuorum> MeetingsWithoutQuorum,
    IReadOnlyList<WorklistPatient> PpsNotHandedOver, IReadOnlyList<WorklistPatient> IncompleteAnnouncements, int PpsHandOverDays,
    int WaitingForG8Total, int PpsNotHandedOverTotal, int IncompleteAnnouncementsTotal);

/// <summary>
/// The coordination worklists of the first months (issue "tumor boards and PPS"): cases waiting for a
/// G8, meetings without quorum, PPS not handed over N days after the decision, announcements with
/// missing steps. Limited to the patients of the user's care teams.
/// </summary>
public sealed class RcpWorklistsQuery(RelaisDb db, Clock clock, MeetingQuery meetings, IncompleteAnnouncements announcements, IConfiguration configuration)
{
    public const int MaxPerList = 200;

    public int PpsHandOverDays => configuration.GetValue("Worklists:PpsHandOverDays", 7);

    public async Task<RcpWorklists> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var today = clock.Today;
        var now = clock.Now;
        // The patients the user sees and who are still in care: the dead and those who moved away leave the worklists.
        var visible = PatientQueries.ActiveIds(db, user, today, now);

        // Over 75 (G8.Required: 76 or older today) and heading to the RCP without a G8 of the last three months [G].
        var bornBy = today.AddYears(-76);
        var g8Since = today.AddMonths(-TumorBoardCase.G8ValidityMonths);
        var waiting = await (from e in db.Episodes.AsNoTracking()
                             join p in db.Patients on e.PatientId equals p.Id
                             where visible.Contains(e.PatientId) && p.BirthDate <= bornBy
                                   && (e.Phase == PathwayPhase.DiagnosisConfirmed || e.Phase == PathwayPhase.Announcement)
                                   && !db.G8Assessments.Any(g => g.PatientId == p.Id && g.AssessedOn >= g8Since)
                             orderby e.PhaseSince, e.Id
                             select new { Patient = p, EpisodeId = e.Id, e.PhaseSince })
            .ToCappedAsync(MaxPerList, ct);

        // Registered in an emergency without a G8 [G]: the G8 is due before the next step, listed until one is
        // recorded on or after the registration day (a day of Paris, so the rule runs here, batch by batch).
        var waived = await (from c in db.TumorBoardCases.AsNoTracking()
                            join p in db.Patients on c.PatientId equals p.Id
                            where visible.Contains(c.PatientId) && c.G8WaiverReason != null
                            orderby c.RegisteredAt, c.Id
                            select new { Patient = p, c.EpisodeId, c.G8WaiverReason, c.RegisteredAt })
            .FilterInBatchesAsync(MaxPerList, async (batch, token) =>
            {
                var ids = batch.Select(x => x.Patient.Id).Distinct().ToList();
                var lastG8 = await db.G8Assessments.AsNoTracking().Where(g => ids.Contains(g.PatientId)).GroupBy(g => g.PatientId)
                    .Select(g => new { g.Key, Last = g.Max(x => x.AssessedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, token);
                return batch.Where(x => !(lastG8.TryGetValue(x.Patient.Id, out var last) && last >= DateOnly.FromDateTime(Clock.ToParis(x.RegisteredAt).DateTime)));
            }, ct);

        var withoutQuorum = (await meetings.UpcomingAsync(user, 14, ct))
            .Where(m => m.Status == MeetingStatus.Planned && !m.Quorum.Reached && m.Cases.Count + m.CasesNotShown > 0)
            .Select(m => new MeetingWithoutQuorum(m.Id, m.BoardName, m.StartsAt, m.Cases.Count + m.CasesNotShown, m.Quorum.Message)).ToList();

        var decidedBefore = now - TimeSpan.FromDays(PpsHandOverDays);
        var notHanded = await (from c in db.TumorBoardCases.AsNoTracking()
                               join p in db.Patients on c.PatientId equals p.Id
                               where visible.Contains(c.PatientId) && c.Status == CaseStatus.Decided && c.DecidedAt <= decidedBefore
                                     && !db.Programmes.Any(x => x.EpisodeId == c.EpisodeId && x.Kind == ProgrammeKind.Pps && x.HandedToPatientOn != null)
                               orderby c.DecidedAt, c.Id
                               select new { p.Id, p.BirthName, p.UsedName, p.FirstNames, c.EpisodeId, c.DecidedAt })
            .ToCappedAsync(MaxPerList, ct);

        var incomplete = await announcements.HandleAsync(visible, MaxPerList, ct);
        var incompleteIds = incomplete.Items.Select(i => i.PatientId).ToList();
        var names = await db.Patients.AsNoTracking().Where(p => incompleteIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => PatientName.Of(p.BirthName, p.UsedName, p.FirstNames), ct);

        return new RcpWorklists(
            waiting.Items.Select(x => new WorklistPatient(x.Patient.Id, PatientName.Of(x.Patient.BirthName, x.Patient.UsedName, x.Patient.FirstNames), x.EpisodeId,
                $"{x.Patient.AgeOn(today)} ans : G8 à réaliser avant la RCP", x.PhaseSince))
                .Concat(waived.Items.Select(x => new WorklistPatient(x.Patient.Id, PatientName.Of(x.Patient.BirthName, x.Patient.UsedName, x.Patient.FirstNames), x.EpisodeId,
                    $"{x.Patient.AgeOn(today)} ans, inscrit en urgence sans G8 ({x.G8WaiverReason}) : G8 dû avant l'étape suivante",
                    DateOnly.FromDateTime(Clock.ToParis(x.RegisteredAt).DateTime)))).Take(MaxPerList).ToList(),
            withoutQuorum,
            notHanded.Items.Select(x => new WorklistPatient(x.Id, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.EpisodeId,
                $"Décision de RCP du {Clock.ToParis(x.DecidedAt!.Value):dd/MM/yyyy} : PPS non remis", DateOnly.FromDateTime(x.DecidedAt!.Value.UtcDateTime))).ToList(),
            incomplete.Items.Select(i => new WorklistPatient(i.PatientId, names.GetValueOrDefault(i.PatientId, "?"), i.EpisodeId, $"Manque : {i.Missing}", null)).ToList(),
            PpsHandOverDays, waiting.Total + waived.Total, notHanded.Total, incomplete.Total);
    }
}
