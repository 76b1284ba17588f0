using Relais.Domain;
using Relais.Domain.Announcements;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

/// <summary>Body of POST .../announcement/fertility: a step of the oncofertility referral, the contraception advice, or both.</summary>
public sealed record FertilityInput(FertilityReferral? Step, DateOnly? On, string? Centre, string? ContraceptionAdvice);

/// <summary>
/// Tracks the fertility preservation proposed before any gonadotoxic treatment (proposed, accepted or declined
/// by the patient, referred to the CECOS or platform, done) and the contraception advised [G] 4.
/// </summary>
public sealed class RecordFertility(RelaisDb db, AnnouncementRecords records, Clock clock)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(Guid patientId, Guid episodeId, FertilityInput input, CancellationToken ct)
    {
        if (input.Step is null && string.IsNullOrWhiteSpace(input.ContraceptionAdvice))
            throw new DomainValidationException("step", "Indiquez l'étape de la préservation de la fertilité ou le conseil de contraception.");
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        if (input.Step is { } step) record.RecordFertilityReferral(step, input.On ?? clock.Today, input.Centre, clock.Today, clock.Now);
        if (!string.IsNullOrWhiteSpace(input.ContraceptionAdvice)) record.RecordContraceptionAdvice(input.ContraceptionAdvice, clock.Now);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
