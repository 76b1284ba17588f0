using Microsoft.EntityFrameworkCore;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.TumorBoards;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes;

/// <summary>A programme as its HTML document (the PDF is printed from it).</summary>
public sealed class ProgrammeHtml(RelaisDb db, DocumentRenderer renderer, Relais.Web.Features.TumorBoards.Report.TumorBoardReport boards)
{
    /// <summary>The document of a stored programme, or null when the patient has no such programme.</summary>
    public async Task<string?> HandleAsync(Guid patientId, Guid programmeId, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return null;
        var decision = programme.TumorBoardCaseId is { } c ? await db.TumorBoardCases.Where(x => x.Id == c).Select(x => x.Proposal).FirstOrDefaultAsync(ct) : null;
        return await RenderAsync(programme, decision, [], ct);
    }

    public async Task<string> RenderAsync(CareProgramme programme, string? decision, IReadOnlyList<CalendarLine> followUp, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == programme.AuthorId).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        var model = new ProgrammeModel(programme.Kind, programme.Version, RelaisUser.NameOf(author.FirstName, author.LastName), programme.CreatedAt,
            await boards.PatientHeaderAsync(programme.PatientId, ct), await boards.EpisodeHeaderAsync(programme.EpisodeId, ct), programme.Content, decision,
            programme.GpAgreed, followUp);
        return await renderer.HtmlAsync<ProgrammeDocument>(new Dictionary<string, object?> { ["Model"] = model });
    }
}
