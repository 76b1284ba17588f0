using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record SupportiveCareInput(string? Needs);

/// <summary>The supportive care needs spotted at the announcement.</summary>
public sealed class RecordSupportiveCare(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, SupportiveCareInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        record.RecordSupportiveCareNeeds(input.Needs, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
