using Relais.Domain;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Announcements;

public sealed record MedicalTimeInput(DateOnly? On, Guid? PhysicianId, string? Explained);

/// <summary>The medical time: the physician announces the diagnosis and the proposed treatment (the physician is the caller unless named).</summary>
public sealed class RecordMedicalTime(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(CurrentUser user, Guid patientId, Guid episodeId, MedicalTimeInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        record.RecordMedicalTime(input.On ?? throw new DomainValidationException("on", "La date du temps médical est obligatoire."), input.PhysicianId ?? user.Id,
            input.Explained, clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
