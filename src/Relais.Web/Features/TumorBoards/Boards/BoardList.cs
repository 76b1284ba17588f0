using Microsoft.EntityFrameworkCore;
using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;

namespace Relais.Web.Features.TumorBoards.Boards;

/// <summary>A board; <c>Sites</c> are the ICD-10 ranges its specialty covers (empty: every site, see <see cref="BoardSites"/>).</summary>
public sealed record BoardDto(Guid Id, string Name, string Specialty, string Site, string Schedule, bool IsPaediatric, IReadOnlyList<Specialty> ExpectedSpecialties,
    IReadOnlyList<string> Sites)
{
    public static BoardDto From(TumorBoard b) => new(b.Id, b.Name, b.Specialty, b.Site, b.Schedule, b.IsPaediatric, b.ExpectedSpecialties,
        b.CoveredSites().Select(r => r.ToString()).ToList());
}

/// <summary>The tumor boards, by name.</summary>
public sealed class BoardList(RelaisDb db)
{
    public async Task<IReadOnlyList<BoardDto>> HandleAsync(CancellationToken ct) =>
        (await db.TumorBoards.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct)).Select(BoardDto.From).ToList();
}
