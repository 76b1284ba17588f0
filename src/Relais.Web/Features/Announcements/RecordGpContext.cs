using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record GpContextInput(string? Context);

/// <summary>The social, family and psychological context the GP passes on before the announcement.</summary>
public sealed class RecordGpContext(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, GpContextInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        record.RecordGpContext(input.Context, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
