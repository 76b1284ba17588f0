using Relais.Domain;
using Relais.Domain.Announcements;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record NursingTimeInput(NursingTime? State, DateOnly? On);

/// <summary>The nursing time: offered, never imposed; accepted or declined.</summary>
public sealed class RecordNursingTime(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, NursingTimeInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        record.RecordNursingTime(input.State ?? throw new DomainValidationException("state", "Indiquez si le temps soignant a été proposé, accepté ou refusé."),
            input.On, clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
