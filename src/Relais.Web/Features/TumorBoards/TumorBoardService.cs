using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.TumorBoards;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards;

/// <summary>
/// Tumor boards (RCP): boards, meetings and their participants, cases, G8, the GP's contribution, the
/// decision under quorum and its report, rendered, signed, filed and sent to the GP (C7). Registering
/// a case invites the GP (C6). Shared by the API and the pages.
/// </summary>
public sealed class TumorBoardService(RelaisDb db, Clock clock, Obligations obligations, DocumentRenderer renderer, PatientReader patients)
{
    public async Task<IReadOnlyList<BoardDto>> BoardsAsync(CancellationToken ct) =>
        (await db.TumorBoards.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct))
            .Select(b => new BoardDto(b.Id, b.Name, b.Specialty, b.Site, b.Schedule, b.IsPaediatric, b.ExpectedSpecialties)).ToList();

    public async Task<TumorBoard> CreateBoardAsync(CurrentUser user, BoardInput input, CancellationToken ct)
    {
        var organisation = await db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        var board = TumorBoard.Create(input.Name, input.Specialty, organisation, input.Site, input.Schedule, input.IsPaediatric, input.ExpectedSpecialties ?? [], clock.Now);
        db.TumorBoards.Add(board);
        await db.SaveChangesAsync(ct);
        return board;
    }

    public async Task<TumorBoardMeeting> PlanMeetingAsync(CurrentUser user, Guid boardId, MeetingInput input, CancellationToken ct)
    {
        if (!await db.TumorBoards.AnyAsync(b => b.Id == boardId, ct)) throw new DomainValidationException("boardId", "RCP introuvable.");
        if (input.StartsAt is not { } startsAt) throw new DomainValidationException("startsAt", "La date et l'heure de la réunion sont obligatoires.");
        var meeting = TumorBoardMeeting.Plan(boardId, startsAt.ToUniversalTime(), input.Location, user.Id, clock.Now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<IReadOnlyList<MeetingDto>> UpcomingMeetingsAsync(CurrentUser user, int days, CancellationToken ct)
    {
        var from = clock.Now - TimeSpan.FromDays(1);
        var to = clock.Now + TimeSpan.FromDays(days);
        var ids = await db.Meetings.AsNoTracking().Where(m => m.StartsAt >= from && m.StartsAt <= to && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt).Select(m => m.Id).Take(100).ToListAsync(ct);
        var result = new List<MeetingDto>();
        foreach (var id in ids) result.Add((await MeetingAsync(user, id, ct))!);
        return result;
    }

    /// <summary>A meeting with its quorum and its cases; patients the user may not see are counted, not named.</summary>
    public async Task<MeetingDto?> MeetingAsync(CurrentUser user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return null;
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var cases = await (from c in db.TumorBoardCases.AsNoTracking()
                           join p in db.Patients on c.PatientId equals p.Id
                           where c.MeetingId == meetingId && visible.Contains(c.PatientId)
                           orderby c.RegisteredAt
                           select new { c, p.BirthName, p.UsedName, p.FirstNames }).ToListAsync(ct);
        var all = await db.TumorBoardCases.CountAsync(c => c.MeetingId == meetingId, ct);
        return new MeetingDto(meeting.Id, board.Id, board.Name, board.Specialty, meeting.StartsAt, meeting.Location, meeting.Status,
            meeting.Participants.Select(p => new ParticipantDto(p.ProfessionalId, p.Name, p.Specialty, p.Presence)).ToList(),
            meeting.Quorum(board.ExpectedSpecialties),
            cases.Select(x => new MeetingCaseDto(x.c.Id, x.c.PatientId, PatientReader.DisplayName(x.BirthName, x.UsedName, x.FirstNames), x.c.Question, x.c.Kind, x.c.Status, x.c.IsRecurrence)).ToList(),
            all - cases.Count);
    }

    public async Task<QuorumCheck> SetParticipantAsync(Guid meetingId, ParticipantInput input, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new DomainValidationException("meetingId", "Réunion introuvable.");
        if (input.ProfessionalId is not { } id) throw new DomainValidationException("professionalId", "Choisissez le médecin.");
        if (input.Presence is not { } presence) throw new DomainValidationException("presence", "Indiquez la présence : sur place, à distance ou absent.");
        var pro = await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => new { u.FirstName, u.LastName, u.Specialty }).FirstOrDefaultAsync(ct)
            ?? throw new DomainValidationException("professionalId", "Ce professionnel n'existe pas.");
        meeting.SetParticipant(id, $"{pro.FirstName} {pro.LastName.ToUpperInvariant()}", pro.Specialty, presence);
        await db.SaveChangesAsync(ct);
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        return meeting.Quorum(board.ExpectedSpecialties);
    }

    public async Task<G8Assessment> RecordG8Async(CurrentUser user, Guid patientId, G8Input input, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var on = input.AssessedOn ?? clock.Today;
        var answers = new G8Answers(
            input.FoodIntake ?? throw Missing("foodIntake"), input.WeightLoss ?? throw Missing("weightLoss"), input.Mobility ?? throw Missing("mobility"),
            input.Neuropsychological ?? throw Missing("neuropsychological"), input.BodyMassIndex ?? throw Missing("bodyMassIndex"),
            input.MoreThanThreeMedications ?? throw Missing("moreThanThreeMedications"), input.SelfRatedHealth ?? throw Missing("selfRatedHealth"));
        var g8 = G8Assessment.Record(patientId, answers, patient.AgeOn(on), on, clock.Today, user.Id, clock.Now);
        db.G8Assessments.Add(g8);
        await db.SaveChangesAsync(ct);
        return g8;
    }

    private static DomainValidationException Missing(string field) => new(field, "Réponse obligatoire.");

    public async Task<TumorBoardCase> RegisterCaseAsync(CurrentUser user, Guid patientId, CaseInput input, CancellationToken ct)
    {
        if (input.MeetingId is not { } meetingId) throw new DomainValidationException("meetingId", "Choisissez la réunion.");
        if (input.EpisodeId is not { } episodeId) throw new DomainValidationException("episodeId", "Choisissez l'épisode de cancer.");
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new DomainValidationException("meetingId", "Réunion introuvable.");
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct)
            ?? throw new DomainValidationException("episodeId", "Cet épisode n'appartient pas à ce patient.");
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var day = meeting.Day(Clock.Paris);
        var g8 = await db.G8Assessments.AsNoTracking().Where(g => g.PatientId == patientId).OrderByDescending(g => g.AssessedOn).FirstOrDefaultAsync(ct);
        var presenter = input.PresentingPhysicianId ?? user.Id;
        var @case = TumorBoardCase.Register(patientId, episode.Id, meeting, board, input.Question, presenter, input.Kind ?? CaseKind.Discussed,
            input.RegisteredOnlyReason, input.Recurrence, patient.AgeOn(day), g8, day, user.Id, clock.Now);
        db.TumorBoardCases.Add(@case);
        // [G] 1.3: the GP is told the case will be discussed, and invited to contribute (C6).
        var when = Clock.ToParis(meeting.StartsAt).ToString("dd/MM/yyyy 'à' HH:mm");
        await obligations.FireAsync(ObligationCode.C6, patientId, user.Id, null, $"Dossier inscrit : {board.Name} du {when}",
            $"Le dossier sera présenté en {board.Name} ({board.Specialty}) le {when}. Question posée : {@case.Question}\nVous pouvez adresser vos informations avant la réunion ; elles figureront dans le dossier présenté.", ct: ct);
        await db.SaveChangesAsync(ct);
        return @case;
    }

    public async Task<TumorBoardCase?> AddContributionAsync(CurrentUser user, Guid patientId, Guid caseId, ContributionInput input, CancellationToken ct)
    {
        var @case = await db.TumorBoardCases.FirstOrDefaultAsync(c => c.Id == caseId && c.PatientId == patientId, ct);
        if (@case is null) return null;
        @case.AddGpContribution(input.Text, user.Id, clock.Now);
        await db.SaveChangesAsync(ct);
        return @case;
    }

    /// <summary>
    /// Decides a case: refused without quorum; then the report is rendered, signed, filed and sent to the
    /// GP (C7), and the episode's pathway records the tumor board when its phase allows it.
    /// </summary>
    public async Task<TumorBoardCase?> DecideAsync(CurrentUser user, Guid patientId, Guid caseId, DecisionInput input, CancellationToken ct)
    {
        var @case = await db.TumorBoardCases.FirstOrDefaultAsync(c => c.Id == caseId && c.PatientId == patientId, ct);
        if (@case is null) return null;
        var meeting = await db.Meetings.Include(m => m.Participants).FirstAsync(m => m.Id == @case.MeetingId, ct);
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        var now = clock.Now;
        // The board decides when it sits: not before the meeting (an hour's margin for a early start).
        if (now < meeting.StartsAt - TimeSpan.FromHours(1))
            throw new DomainValidationException("meeting", $"La réunion du {Clock.ToParis(meeting.StartsAt):dd/MM/yyyy 'à' HH:mm} n'a pas encore eu lieu : la décision sera saisie en séance.");
        @case.Decide(input.Proposal, input.Guideline, user.Id, meeting.Quorum(board.ExpectedSpecialties), now);
        if (meeting.Status == MeetingStatus.Planned && meeting.StartsAt <= now + TimeSpan.FromHours(12)) meeting.MarkHeld();

        var episode = await db.Episodes.FirstAsync(e => e.Id == @case.EpisodeId, ct);
        var day = meeting.Day(Clock.Paris);
        if (PathwayTransitions.IsAllowed(episode.Phase, PathwayPhase.TumorBoard) && day <= clock.Today && day >= episode.PhaseSince)
            db.PathwayEvents.Add(episode.Transition(PathwayPhase.TumorBoard, day, user.Id, clock.Today, now, $"RCP {board.Name}"));

        var html = await ReportHtmlAsync(@case, meeting, board, ct);
        var pdf = await renderer.PdfAsync(html, ct);
        var title = $"Compte rendu — {board.Name} du {Clock.ToParis(meeting.StartsAt):dd/MM/yyyy}";
        if (pdf is not null)
        {
            var document = Document.Create(patientId, DocumentKind.TumorBoardReport, title, "compte-rendu-rcp.pdf", pdf, user.Id, now);
            document.Sign(user.Id, now);
            db.Documents.Add(document);
            @case.ReportFiled(document.Id);
            await obligations.FireAsync(ObligationCode.C7, patientId, user.Id, document.Id, title, $"Proposition : {@case.Proposal}", ct: ct);
        }
        else
        {
            await obligations.FireAsync(ObligationCode.C7, patientId, user.Id, null, title, $"Proposition : {@case.Proposal}\nRéférentiel : {@case.Guideline ?? "—"}", ct: ct);
        }
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "tumor-board decision", AuditOutcomes.Allowed, caseId.ToString()));
        await db.SaveChangesAsync(ct);
        return @case;
    }

    public async Task<string?> ReportHtmlAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        var @case = await db.TumorBoardCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.PatientId == patientId, ct);
        if (@case is null || @case.Status != CaseStatus.Decided) return null;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).FirstAsync(m => m.Id == @case.MeetingId, ct);
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        return await ReportHtmlAsync(@case, meeting, board, ct);
    }

    private async Task<string> ReportHtmlAsync(TumorBoardCase c, TumorBoardMeeting meeting, TumorBoard board, CancellationToken ct)
    {
        var names = await db.Users.AsNoTracking().Where(u => u.Id == c.PresentingPhysicianId || u.Id == c.DecidedBy)
            .ToDictionaryAsync(u => u.Id, u => $"{u.FirstName} {u.LastName.ToUpperInvariant()}", ct);
        var g8 = c.G8AssessmentId is { } gid ? await db.G8Assessments.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct) : null;
        var model = new TumorBoardReportModel(board.Name, board.Specialty, board.Site, meeting.StartsAt,
            meeting.Participants.Select(p => new Participant(p.ProfessionalId, p.Name, p.Specialty, p.Presence)).ToList(),
            await PatientHeaderAsync(c.PatientId, ct), await EpisodeHeaderAsync(c.EpisodeId, ct), c.Question,
            names.GetValueOrDefault(c.PresentingPhysicianId, "?"), c.IsRecurrence, c.Kind, c.RegisteredOnlyReason, g8?.Score, g8?.FullAssessmentRecommended,
            c.GpContribution, c.Proposal ?? "", c.Guideline, c.DecidedBy is { } d ? names.GetValueOrDefault(d, "?") : "?", c.DecidedAt ?? clock.Now,
            c.QuorumAtDecision ?? "", 1);
        return await renderer.HtmlAsync<TumorBoardReportDocument>(new Dictionary<string, object?> { ["Model"] = model });
    }

    public async Task<PatientHeader> PatientHeaderAsync(Guid patientId, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstAsync(x => x.Id == patientId, ct);
        var gp = p.GeneralPractitionerId is { } gpId ? await patients.ProfessionalAsync(gpId, ct) : null;
        return new PatientHeader(p.DisplayName, p.BirthDate, InsNumber.Parse(p.Ins).Formatted,
            string.Join(" ", new[] { p.Address.Line1, p.Address.PostalCode, p.Address.City }.Where(x => x is not null)), gp?.DisplayName);
    }

    public async Task<EpisodeHeader> EpisodeHeaderAsync(Guid episodeId, CancellationToken ct)
    {
        var e = await db.Episodes.AsNoTracking().FirstAsync(x => x.Id == episodeId, ct);
        var tnm = string.Join(" ", new[] { P("c", e.ClinicalT), P("c", e.ClinicalN), P("c", e.ClinicalM), P("p", e.PathologicalT), P("p", e.PathologicalN), P("p", e.PathologicalM) }.Where(x => x is not null));
        return new EpisodeHeader($"{e.PrimarySiteLabel ?? e.PrimarySite} ({e.PrimarySite})", e.HistologyLabel ?? e.Histology, tnm.Length == 0 ? null : tnm, e.StageGroup, e.DiagnosisDate);
        static string? P(string prefix, string? v) => v is null ? null : prefix + v;
    }

    public async Task<IReadOnlyList<CaseDto>> CasesAsync(Guid patientId, CancellationToken ct)
    {
        var cases = await (from c in db.TumorBoardCases.AsNoTracking()
                           join m in db.Meetings on c.MeetingId equals m.Id
                           join b in db.TumorBoards on m.BoardId equals b.Id
                           where c.PatientId == patientId
                           orderby m.StartsAt descending
                           select new { c, b.Name, m.StartsAt }).ToListAsync(ct);
        var ids = cases.SelectMany(x => new[] { x.c.PresentingPhysicianId, x.c.DecidedBy ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.FirstName} {u.LastName.ToUpperInvariant()}", ct);
        var g8Ids = cases.Where(x => x.c.G8AssessmentId != null).Select(x => x.c.G8AssessmentId!.Value).ToList();
        var g8s = await db.G8Assessments.AsNoTracking().Where(g => g8Ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        return cases.Select(x => new CaseDto(x.c.Id, x.c.PatientId, x.c.EpisodeId, x.c.MeetingId, x.Name, x.StartsAt, x.c.Question,
            names.GetValueOrDefault(x.c.PresentingPhysicianId, "?"), x.c.Kind, x.c.RegisteredOnlyReason, x.c.IsRecurrence,
            x.c.G8AssessmentId is { } g && g8s.TryGetValue(g, out var a) ? new G8Dto(a.Id, a.AssessedOn, a.AgeAtAssessment, a.Score, a.FullAssessmentRecommended) : null,
            x.c.GpContribution, x.c.Status, x.c.Proposal, x.c.Guideline, x.c.DecidedBy is { } d ? names.GetValueOrDefault(d) : null, x.c.DecidedAt,
            x.c.QuorumAtDecision, x.c.ReportDocumentId)).ToList();
    }

    public async Task<IReadOnlyList<G8Dto>> G8HistoryAsync(Guid patientId, CancellationToken ct) =>
        await db.G8Assessments.AsNoTracking().Where(g => g.PatientId == patientId).OrderByDescending(g => g.AssessedOn)
            .Select(g => new G8Dto(g.Id, g.AssessedOn, g.AgeAtAssessment, g.Score, g.FullAssessmentRecommended)).ToListAsync(ct);
}
