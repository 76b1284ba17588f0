using Relais.Domain.Announcements;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record InformationInput(bool FertilityInformed, TobaccoStatus? Tobacco, bool CessationOffered, bool TrustedPersonInformed, bool AdvanceDirectivesInformed);

/// <summary>What the patient was told: fertility, tobacco cessation, trusted person, advance directives.</summary>
public sealed class RecordInformation(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, InformationInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        record.RecordInformation(input.FertilityInformed, input.Tobacco ?? TobaccoStatus.Unknown, input.CessationOffered, input.TrustedPersonInformed,
            input.AdvanceDirectivesInformed, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
