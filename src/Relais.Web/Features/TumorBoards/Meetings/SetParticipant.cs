using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Meetings;

public sealed record ParticipantInput(Guid? ProfessionalId, Presence? Presence);

/// <summary>Records who attends a meeting and how (on site or remotely: both count [C]), and answers the quorum.</summary>
public sealed class SetParticipant(RelaisDb db)
{
    public async Task<QuorumCheck> HandleAsync(Guid meetingId, ParticipantInput input, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new DomainValidationException("meetingId", "Réunion introuvable.");
        if (input.ProfessionalId is not { } id) throw new DomainValidationException("professionalId", "Choisissez le médecin.");
        if (input.Presence is not { } presence) throw new DomainValidationException("presence", "Indiquez la présence : sur place, à distance ou absent.");
        var pro = await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => new { u.FirstName, u.LastName, u.Specialty }).FirstOrDefaultAsync(ct)
            ?? throw new DomainValidationException("professionalId", "Ce professionnel n'existe pas.");
        var board = await db.TumorBoards.AsNoTracking().FirstAsync(b => b.Id == meeting.BoardId, ct);
        meeting.SetParticipant(id, RelaisUser.NameOf(pro.FirstName, pro.LastName), pro.Specialty, presence);
        await db.SaveChangesAsync(ct);
        return meeting.Quorum(board.ExpectedSpecialties);
    }
}
