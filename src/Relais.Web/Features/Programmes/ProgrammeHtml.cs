using Microsoft.EntityFrameworkCore;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.TumorBoards;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes;

/// <summary>A programme as its HTML document (the PDF is printed from it).</summary>
public sealed class ProgrammeHtml(RelaisDb db, DocumentRenderer renderer, Relais.Web.Features.TumorBoards.Report.TumorBoardReport boards,
    AfterCancer.AfterCancerContent afterCancer)
{
    /// <summary>
    /// The document of a stored programme, or null when the patient has no such programme. A PPAC shows the follow-up
    /// calendar as the carnet stands today, with what became of each item (the signed PDF keeps the calendar of its day).
    /// </summary>
    public async Task<string?> HandleAsync(Guid patientId, Guid programmeId, CancellationToken ct, bool english = false)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return null;
        var decision = programme.TumorBoardCaseId is { } c ? await db.TumorBoardCases.Where(x => x.Id == c).Select(x => x.Proposal).FirstOrDefaultAsync(ct) : null;
        var followUp = programme.Kind == ProgrammeKind.Ppac ? await afterCancer.FollowUpAsync(patientId, ct) : [];
        return await RenderAsync(programme, decision, followUp, ct, english);
    }

    /// <param name="english">English labels for the headings, the content as written (the signed document is always French).</param>
    public async Task<string> RenderAsync(CareProgramme programme, string? decision, IReadOnlyList<CalendarLine> followUp, CancellationToken ct, bool english = false)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == programme.AuthorId).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        var model = new ProgrammeModel(programme.Kind, programme.Version, RelaisUser.NameOf(author.FirstName, author.LastName), programme.CreatedAt,
            await boards.PatientHeaderAsync(programme.PatientId, ct), await boards.EpisodeHeaderAsync(programme.EpisodeId, ct), programme.Content, decision,
            programme.GpAgreed, followUp);
        return await renderer.HtmlAsync<ProgrammeDocument>(new Dictionary<string, object?> { ["Model"] = model, ["English"] = english });
    }
}
