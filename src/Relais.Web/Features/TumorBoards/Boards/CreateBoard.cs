using Microsoft.EntityFrameworkCore;
using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Boards;

public sealed record BoardInput(string? Name, string? Specialty, string? Site, string? Schedule, bool IsPaediatric, IReadOnlyList<Specialty>? ExpectedSpecialties);

/// <summary>Creates a tumor board, attached to the organisation of the user who creates it.</summary>
public sealed class CreateBoard(RelaisDb db, Clock clock)
{
    public async Task<TumorBoard> HandleAsync(CurrentUser user, BoardInput input, CancellationToken ct)
    {
        var organisation = await db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        var board = TumorBoard.Create(input.Name, input.Specialty, organisation, input.Site, input.Schedule, input.IsPaediatric, input.ExpectedSpecialties ?? [], clock.Now);
        db.TumorBoards.Add(board);
        await db.SaveChangesAsync(ct);
        return board;
    }
}
