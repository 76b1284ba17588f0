using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Boards;

public sealed record MeetingInput(DateTimeOffset? StartsAt, string? Location);

/// <summary>Plans a sitting of a board.</summary>
public sealed class PlanMeeting(RelaisDb db, Clock clock)
{
    public async Task<TumorBoardMeeting> HandleAsync(CurrentUser user, Guid boardId, MeetingInput input, CancellationToken ct)
    {
        if (!await db.TumorBoards.AnyAsync(b => b.Id == boardId, ct)) throw new DomainValidationException("boardId", "RCP introuvable.");
        if (input.StartsAt is not { } startsAt) throw new DomainValidationException("startsAt", "La date et l'heure de la réunion sont obligatoires.");
        var meeting = TumorBoardMeeting.Plan(boardId, startsAt.ToUniversalTime(), input.Location, user.Id, clock.Now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}
