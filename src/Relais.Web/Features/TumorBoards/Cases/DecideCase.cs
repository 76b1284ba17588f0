using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Pathways;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.TumorBoards.Report;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Cases;

public sealed record DecisionInput(string? Proposal, string? Guideline);

/// <summary>
/// Decides a case under the domain's rules (at the meeting, under quorum, by a physician who decides); then the report is rendered, signed, filed and sent to the
/// GP (C7), and the episode's pathway records the tumor board when its phase allows it. One unit of work.
/// </summary>
public sealed class DecideCase(RelaisDb db, Clock clock, Obligations obligations, TumorBoardReport report, DocumentRenderer renderer, CapabilityCheck capabilities)
{
    /// <returns>The decided case, or null when the patient has no such case.</returns>
    public async Task<TumorBoardCase?> HandleAsync(CurrentUser user, Guid patientId, Guid caseId, DecisionInput input, CancellationToken ct)
    {
        var @case = await db.TumorBoardCases.FirstOrDefaultAsync(c => c.Id == caseId && c.PatientId == patientId, ct);
        if (@case is null) return null;
        // The role first (a pharmacist, a GP, a secretary never decide); the meeting's rule next (TumorBoardCase.Decide).
        await capabilities.RequireAsync(user, Domain.Access.Capability.RecordTumorBoardDecision,
            "La décision de RCP est enregistrée et signée par un médecin d'une spécialité qui décide, présent à la réunion.", ct);
        var meeting = await db.Meetings.Include(m => m.Participants).FirstAsync(m => m.Id == @case.MeetingId, ct);
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        var now = clock.Now;
        var specialty = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.Specialty).FirstAsync(ct);
        @case.Decide(input.Proposal, input.Guideline, new Decider(user.Id, specialty), meeting, board.ExpectedSpecialties, now);
        if (meeting.Status == MeetingStatus.Planned && meeting.StartsAt <= now + TimeSpan.FromHours(12)) meeting.MarkHeld();

        var episode = await db.Episodes.FirstAsync(e => e.Id == @case.EpisodeId, ct);
        var day = meeting.Day(Clock.Paris);
        if (PathwayTransitions.IsAllowed(episode.Phase, PathwayPhase.TumorBoard) && day <= clock.Today && day >= episode.PhaseSince)
            db.PathwayEvents.Add(episode.Transition(PathwayPhase.TumorBoard, day, user.Id, clock.Today, now, $"RCP {board.Name}"));

        var html = await report.HtmlAsync(@case, meeting, board, ct);
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
}
