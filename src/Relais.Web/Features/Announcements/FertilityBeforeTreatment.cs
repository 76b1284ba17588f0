using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Announcements;
using Relais.Domain.Programmes;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

/// <summary>
/// Before a treatment phase starts: a patient of reproductive age about to receive a treatment that may be
/// gonadotoxic, to whom no fertility preservation was proposed, is a warning for the prescriber ([G] 4, rule
/// in <see cref="Fertility.WarningBeforeTreatment"/>). Reads only: the caller keeps its single save.
/// </summary>
public sealed class FertilityBeforeTreatment(RelaisDb db, AnnouncementRecords records)
{
    /// <summary>The field of the refusal, and of the confirmation that starts the treatment anyway.</summary>
    public const string Field = "fertilityPreservation";

    public async Task<string?> WarningAsync(Guid patientId, Guid episodeId, TreatmentKind kind, DateOnly on, CancellationToken ct)
    {
        if (!Fertility.MayBeGonadotoxic(kind)) return null;
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var referral = await db.Announcements.AsNoTracking().Where(a => a.PatientId == patientId && a.EpisodeId == episodeId)
            .Select(a => (FertilityReferral?)a.FertilityReferral).FirstOrDefaultAsync(ct) ?? FertilityReferral.NotProposed;
        return Fertility.WarningBeforeTreatment(kind, patient.AgeOn(on), records.BoundsFor(patient.Sex), referral);
    }

    /// <summary>Refuses the start with the warning, unless the prescriber confirmed having read it.</summary>
    public async Task EnsureWarnedAsync(Guid patientId, Guid episodeId, TreatmentKind kind, DateOnly on, bool acknowledged, CancellationToken ct)
    {
        if (acknowledged) return;
        if (await WarningAsync(patientId, episodeId, kind, on, ct) is { } warning)
            throw new DomainValidationException(Field, warning + " Pour commencer quand même, confirmez-le (fertilityWarningAcknowledged).");
    }
}
