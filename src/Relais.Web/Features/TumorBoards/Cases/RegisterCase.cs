using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Coordination;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Cases;

public sealed record CaseInput(Guid? MeetingId, Guid? EpisodeId, string? Question, Guid? PresentingPhysicianId, CaseKind? Kind,
    RegisteredOnlyReason? RegisteredOnlyReason, bool Recurrence, string? SiteMismatchReason = null, string? G8WaiverReason = null);

/// <summary>
/// Registers a patient's case at a meeting, under the domain's rules (G8 for the over-75s unless waived
/// in an emergency, paediatric cases discussed, a reason for a board of another site), and invites the GP to contribute (C6), in one unit of work.
/// </summary>
public sealed class RegisterCase(RelaisDb db, Clock clock, Obligations obligations)
{
    public async Task<TumorBoardCase> HandleAsync(CurrentUser user, Guid patientId, CaseInput input, CancellationToken ct)
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
        var @case = TumorBoardCase.Register(patientId, episode.Id, episode.PrimarySite, meeting, board, input.Question, presenter, input.Kind ?? CaseKind.Discussed,
            input.RegisteredOnlyReason, input.Recurrence, patient.AgeOn(day), g8, day, user.Id, clock.Now,
            new TumorBoardCase.Reasons(input.SiteMismatchReason, input.G8WaiverReason));
        db.TumorBoardCases.Add(@case);
        // [G] 1.3: the GP is told the case will be discussed, and invited to contribute (C6).
        var when = Clock.ToParis(meeting.StartsAt).ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await obligations.FireAsync(ObligationCode.C6, patientId, user.Id, null, $"Dossier inscrit : {board.Name} du {when}",
            $"Le dossier sera présenté en {board.Name} ({board.Specialty}) le {when}. Question posée : {@case.Question}\nVous pouvez adresser vos informations avant la réunion ; elles figureront dans le dossier présenté.", ct: ct);
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
