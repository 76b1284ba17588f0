using Microsoft.EntityFrameworkCore;
using Relais.Domain.Announcements;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Announcements;

public sealed record AnnouncementDto(Guid Id, Guid EpisodeId, DateTimeOffset? GpContactedAt, string? GpContext, DateTimeOffset? GpContextAt,
    DateOnly? MedicalTimeOn, string? MedicalTimePhysician, string? MedicalTimeExplained, NursingTime NursingTime, DateOnly? NursingTimeOn,
    string? SupportiveCareNeeds, IReadOnlyList<bool>? EpicesAnswers, decimal? EpicesScore, bool? Precarious, bool? SocialWorkerOriented,
    bool FertilityInformed, TobaccoStatus Tobacco, bool CessationOffered, bool TrustedPersonInformed, bool AdvanceDirectivesInformed,
    int PatientAge, bool ReproductiveAge, IReadOnlyList<ChecklistItem> Checklist, bool Complete,
    FertilityReferral FertilityReferral, DateOnly? FertilityReferralOn, string? FertilityCentre, string? ContraceptionAdvice, FertilityAgeBounds ReproductiveAgeBounds);

/// <summary>
/// The announcement scheme of an episode (PRODUCT.md §3 step 3): one record per episode, filled step by
/// step, with the checklist of what is still missing. What the step use cases share: the record, opened
/// on first use in the caller's unit of work, and its answer with the checklist.
/// </summary>
public sealed class AnnouncementRecords(RelaisDb db, Clock clock, IConfiguration configuration)
{
    /// <summary>
    /// The reproductive ages of a sex, at which fertility information and preservation are due: from
    /// configuration (<c>Announcement:FertilityAge:Female:From</c>, <c>...:Male:To</c>...), defaults in the domain.
    /// </summary>
    public FertilityAgeBounds BoundsFor(Sex sex)
    {
        var defaults = FertilityAgeBounds.For(sex);
        var key = sex is Sex.Female or Sex.Male ? $"Announcement:FertilityAge:{sex}" : null;
        return key is null ? defaults : new(configuration.GetValue($"{key}:From", defaults.From), configuration.GetValue($"{key}:To", defaults.To));
    }

    /// <summary>
    /// The episode's record, added to the context when it does not exist yet (the caller saves), or null
    /// when the patient has no such episode.
    /// </summary>
    public async Task<AnnouncementRecord?> OpenAsync(Guid patientId, Guid episodeId, CancellationToken ct)
    {
        if (!await db.Episodes.AnyAsync(e => e.Id == episodeId && e.PatientId == patientId, ct)) return null;
        var record = await db.Announcements.FirstOrDefaultAsync(a => a.PatientId == patientId && a.EpisodeId == episodeId, ct);
        if (record is null)
        {
            record = AnnouncementRecord.Open(patientId, episodeId, clock.Now);
            db.Announcements.Add(record);
        }
        // The C4 contact is the GP contacted beforehand: the record follows the transmission.
        var c4 = await db.Transmissions.AsNoTracking().Where(t => t.PatientId == patientId && t.Obligation == ObligationCode.C4)
            .OrderBy(t => t.CreatedAt).Select(t => (DateTimeOffset?)t.CreatedAt).FirstOrDefaultAsync(ct);
        if (c4 is { } at) record.GpContacted(at);
        return record;
    }

    public async Task<AnnouncementDto> ToDtoAsync(AnnouncementRecord r, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == r.PatientId, ct);
        var age = patient.AgeOn(clock.Today);
        var bounds = BoundsFor(patient.Sex);
        var physician = r.MedicalTimePhysicianId is { } id
            ? await db.Users.Where(u => u.Id == id).Select(u => new { u.FirstName, u.LastName }).FirstOrDefaultAsync(ct)
            : null;
        return new AnnouncementDto(r.Id, r.EpisodeId, r.GpContactedAt, r.GpContext, r.GpContextAt, r.MedicalTimeOn,
            physician is null ? null : RelaisUser.NameOf(physician.FirstName, physician.LastName), r.MedicalTimeExplained,
            r.NursingTime, r.NursingTimeOn, r.SupportiveCareNeeds, r.EpicesAnswers?.Select(c => c == '1').ToList(), r.EpicesScore, r.EpicesScore is null ? null : r.IsPrecarious,
            r.SocialWorkerOriented, r.FertilityInformed, r.Tobacco, r.CessationOffered, r.TrustedPersonInformed, r.AdvanceDirectivesInformed,
            age, bounds.Contains(age), r.Checklist(age, bounds), r.IsComplete(age, bounds),
            r.FertilityReferral, r.FertilityReferralOn, r.FertilityCentre, r.ContraceptionAdvice, bounds);
    }
}
