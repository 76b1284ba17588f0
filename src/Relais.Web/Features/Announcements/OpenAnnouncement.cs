using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

/// <summary>Reads an episode's announcement record; the first read opens it and records the GP's C4 contact.</summary>
public sealed class OpenAnnouncement(RelaisDb db, AnnouncementRecords records)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
