using Microsoft.EntityFrameworkCore;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Features.TumorBoards.G8;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Cases;

public sealed record CaseDto(Guid Id, Guid PatientId, Guid EpisodeId, Guid MeetingId, string BoardName, DateTimeOffset MeetingStartsAt, string Question,
    string PresentingPhysician, CaseKind Kind, RegisteredOnlyReason? RegisteredOnlyReason, bool Recurrence, G8Dto? G8, string? GpContribution,
    CaseStatus Status, string? Proposal, string? Guideline, string? DecidedBy, DateTimeOffset? DecidedAt, string? QuorumAtDecision, Guid? ReportDocumentId,
    string? SiteMismatchReason, string? G8WaiverReason);

/// <summary>A patient's tumor board cases, the latest meeting first, with who presented and who decided.</summary>
public sealed class CasesQuery(RelaisDb db)
{
    public Task<IReadOnlyList<CaseDto>> ForPatientAsync(Guid patientId, CancellationToken ct) => LoadAsync(patientId, null, ct);

    public async Task<CaseDto?> OneAsync(Guid patientId, Guid caseId, CancellationToken ct) => (await LoadAsync(patientId, caseId, ct)) is [var first, ..] ? first : null;

    private async Task<IReadOnlyList<CaseDto>> LoadAsync(Guid patientId, Guid? caseId, CancellationToken ct)
    {
        var cases = await (from c in db.TumorBoardCases.AsNoTracking()
                           join m in db.Meetings on c.MeetingId equals m.Id
                           join b in db.TumorBoards on m.BoardId equals b.Id
                           where c.PatientId == patientId && (caseId == null || c.Id == caseId)
                           orderby m.StartsAt descending
                           select new { c, b.Name, m.StartsAt }).ToListAsync(ct);
        var ids = cases.SelectMany(x => new[] { x.c.PresentingPhysicianId, x.c.DecidedBy ?? Guid.Empty }).Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => RelaisUser.NameOf(u.FirstName, u.LastName));
        var g8Ids = cases.Where(x => x.c.G8AssessmentId != null).Select(x => x.c.G8AssessmentId!.Value).ToList();
        var g8s = await db.G8Assessments.AsNoTracking().Where(g => g8Ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        return cases.Select(x => new CaseDto(x.c.Id, x.c.PatientId, x.c.EpisodeId, x.c.MeetingId, x.Name, x.StartsAt, x.c.Question,
            names.GetValueOrDefault(x.c.PresentingPhysicianId, "?"), x.c.Kind, x.c.RegisteredOnlyReason, x.c.IsRecurrence,
            x.c.G8AssessmentId is { } g && g8s.TryGetValue(g, out var a) ? G8Dto.From(a) : null,
            x.c.GpContribution, x.c.Status, x.c.Proposal, x.c.Guideline, x.c.DecidedBy is { } d ? names.GetValueOrDefault(d) : null, x.c.DecidedAt,
            x.c.QuorumAtDecision, x.c.ReportDocumentId, x.c.SiteMismatchReason, x.c.G8WaiverReason)).ToList();
    }
}
