using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Announcements;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Transmissions;

public sealed record TransmissionInput(ObligationCode? Obligation, Guid? DocumentId, string? Title, string? Message, bool Urgent);

/// <summary>
/// A deliberate send under an obligation (C1–C15), with a signed document of the patient's or a message;
/// it must name at least one recipient. Access was checked by the caller.
/// </summary>
public sealed class SendTransmission(RelaisDb db, Clock clock, Obligations obligations)
{
    public async Task<Transmission> HandleAsync(CurrentUser user, Guid patientId, TransmissionInput input, CancellationToken ct)
    {
        if (input.Obligation is not { } code) throw new DomainValidationException("obligation", "L'obligation (C1 à C15) est obligatoire.");
        if (input.DocumentId is { } documentId)
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.PatientId == patientId).Select(d => new { d.SignedAt }).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("documentId", "Ce document n'existe pas dans le dossier de ce patient.");
            if (document.SignedAt is null) throw new DomainValidationException("documentId", "Seul un document signé peut être transmis.");
        }
        var transmission = await obligations.FireAsync(code, patientId, user.Id, input.DocumentId, input.Title, input.Message, input.Urgent, requireRecipients: true, ct);
        // [G] 1.2: the GP's answer before the announcement is the patient's context; it joins the announcement record.
        if (code == ObligationCode.C4 && user.IsInRole(Roles.GeneralPractitioner) && input.Message is { Length: > 0 } context)
        {
            var episodeId = await db.Episodes.Where(e => e.PatientId == patientId).OrderByDescending(e => e.PhaseSince).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (episodeId is { } id)
            {
                var record = await db.Announcements.FirstOrDefaultAsync(a => a.PatientId == patientId && a.EpisodeId == id, ct);
                if (record is null) db.Announcements.Add(record = AnnouncementRecord.Open(patientId, id, clock.Now));
                record.RecordGpContext(context, clock.Now);
            }
        }
        await db.SaveChangesAsync(ct);
        return transmission;
    }
}
