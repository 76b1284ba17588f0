using Relais.Domain;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record EpicesInput(IReadOnlyList<bool>? Answers, bool SocialWorkerOriented);

/// <summary>The EPICES social fragility score; a precarious patient is oriented to the social worker.</summary>
public sealed class RecordEpices(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, EpicesInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        record.RecordEpices(input.Answers ?? throw new DomainValidationException("answers", "Les 11 réponses sont obligatoires."), input.SocialWorkerOriented, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
