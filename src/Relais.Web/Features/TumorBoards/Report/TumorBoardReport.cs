using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Report;

/// <summary>
/// The report of a decided case (compte rendu de RCP), rendered from its Razor template; and the patient
/// and episode headers it shares with the other documents of the pathway (the PPS).
/// </summary>
public sealed class TumorBoardReport(RelaisDb db, Clock clock, DocumentRenderer renderer, Relais.Web.Features.Patients.Professionals.ProfessionalDirectory professionals)
{
    /// <returns>The report's HTML, or null when the patient has no such decided case.</returns>
    public async Task<string?> HtmlAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        var @case = await db.TumorBoardCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.PatientId == patientId, ct);
        if (@case is null || @case.Status != CaseStatus.Decided) return null;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).FirstAsync(m => m.Id == @case.MeetingId, ct);
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        return await HtmlAsync(@case, meeting, board, ct);
    }

    /// <summary>The report of a case being decided: reads only, so that the decision keeps its single save.</summary>
    public async Task<string> HtmlAsync(TumorBoardCase c, TumorBoardMeeting meeting, TumorBoard board, CancellationToken ct)
    {
        var names = (await db.Users.AsNoTracking().Where(u => u.Id == c.PresentingPhysicianId || u.Id == c.DecidedBy)
                .Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => RelaisUser.NameOf(u.FirstName, u.LastName));
        var g8 = c.G8AssessmentId is { } gid ? await db.G8Assessments.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct) : null;
        var model = new TumorBoardReportModel(board.Name, board.Specialty, board.Site, meeting.StartsAt,
            meeting.Participants.Select(p => new Participant(p.ProfessionalId, p.Name, p.Specialty, p.Presence)).ToList(),
            await PatientHeaderAsync(c.PatientId, ct), await EpisodeHeaderAsync(c.EpisodeId, ct), c.Question,
            names.GetValueOrDefault(c.PresentingPhysicianId, "?"), c.IsRecurrence, c.Kind, c.RegisteredOnlyReason, g8?.Score, g8?.FullAssessmentRecommended,
            c.GpContribution, c.Proposal ?? "", c.Guideline, c.DecidedBy is { } d ? names.GetValueOrDefault(d, "?") : "?", c.DecidedAt ?? clock.Now,
            c.QuorumAtDecision ?? "", 1, c.SiteMismatchReason, c.G8WaiverReason);
        return await renderer.HtmlAsync<TumorBoardReportDocument>(new Dictionary<string, object?> { ["Model"] = model });
    }

    public async Task<PatientHeader> PatientHeaderAsync(Guid patientId, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstAsync(x => x.Id == patientId, ct);
        var gp = p.GeneralPractitionerId is { } gpId ? await professionals.FindAsync(gpId, ct) : null;
        // Documents leave Relais (sent to the GP, printed): only a qualified INS is written on them (RNIV).
        return new PatientHeader(p.DisplayName, p.BirthDate, IdentityStatuses.MayLeaveRelais(p.IdentityStatus) ? InsNumber.Parse(p.Ins).Formatted : null,
            string.Join(" ", new[] { p.Address.Line1, p.Address.PostalCode, p.Address.City }.Where(x => x is not null)), gp?.DisplayName);
    }

    public async Task<EpisodeHeader> EpisodeHeaderAsync(Guid episodeId, CancellationToken ct)
    {
        var e = await db.Episodes.AsNoTracking().FirstAsync(x => x.Id == episodeId, ct);
        var tnm = string.Join(" ", new[] { P("c", e.ClinicalT), P("c", e.ClinicalN), P("c", e.ClinicalM), P("p", e.PathologicalT), P("p", e.PathologicalN), P("p", e.PathologicalM) }.Where(x => x is not null));
        return new EpisodeHeader($"{e.PrimarySiteLabel ?? e.PrimarySite} ({e.PrimarySite})", e.HistologyLabel ?? e.Histology, tnm.Length == 0 ? null : tnm, e.StageGroup, e.DiagnosisDate);
        static string? P(string prefix, string? v) => v is null ? null : prefix + v;
    }
}
